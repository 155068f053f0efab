package cn.pubdata.approval.admission;

import cn.pubdata.approval.catalog.CatalogResources;
import cn.pubdata.approval.policy.PolicyProfiles;
import java.util.List;
import org.springframework.stereotype.Component;

/** Who reviews an application in parallel: the models' multi-instance collections (ADM-09). */
@Component("admissionReviewers")
public class AdmissionReviewers {

    private final PolicyProfiles profiles;
    private final CatalogResources catalog;
    private final AdmissionApplications applications;

    public AdmissionReviewers(PolicyProfiles profiles, CatalogResources catalog, AdmissionApplications applications) {
        this.profiles = profiles;
        this.catalog = catalog;
        this.applications = applications;
    }

    /** The security members of the jurisdiction's coordination mechanism (ROLE-07), one task each. */
    public List<String> coordinationGroups(String jurisdiction) {
        return profiles.of(jurisdiction).coordinationGroups();
    }

    /**
     * The same, less the members whose earlier approval of this operator is reused where the completeness check chose
     * to (ADM-10: a security review result stays valid for the profile's period).
     */
    @SuppressWarnings("unchecked")
    public List<String> coordinationGroups(
            String jurisdiction, org.operaton.bpm.engine.delegate.DelegateExecution execution) {
        Object reused = execution.getVariable("reusedSecurityReviews");
        List<String> groups = new java.util.ArrayList<>(coordinationGroups(jurisdiction));
        if (reused instanceof List<?> list) {
            groups.removeAll((List<String>) list);
        }
        return groups;
    }

    /** Every unit whose resources the application asks for, one task each. */
    public List<String> providerGroups(Number applicationId) {
        return catalog.providerGroups(
                applications.get(applicationId.longValue()).resourceCodes());
    }
}
