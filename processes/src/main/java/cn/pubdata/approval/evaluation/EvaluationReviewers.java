package cn.pubdata.approval.evaluation;

import cn.pubdata.approval.catalog.Agreements;
import cn.pubdata.approval.catalog.CatalogResources;
import cn.pubdata.approval.policy.PolicyProfiles;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** EVAL-06: who evaluates with the authority: the coordination members and the provider units whose data is granted. */
@Component("evaluationReviewers")
public class EvaluationReviewers {

    private final PolicyProfiles profiles;
    private final Agreements agreements;
    private final CatalogResources catalog;

    public EvaluationReviewers(PolicyProfiles profiles, Agreements agreements, CatalogResources catalog) {
        this.profiles = profiles;
        this.agreements = agreements;
        this.catalog = catalog;
    }

    public List<String> memberGroups(Number agreementId, String jurisdiction, Number profileVersion) {
        List<String> groups = new ArrayList<>(
                profiles.of(jurisdiction, profileVersion.intValue()).coordinationGroups());
        for (String group : catalog.providerGroups(agreements.grantedResources(agreementId.longValue()))) {
            if (!groups.contains(group)) {
                groups.add(group);
            }
        }
        return groups;
    }
}
