package cn.pubdata.approval.scenario;

import cn.pubdata.approval.policy.PolicyProfiles;
import java.util.List;
import org.springframework.stereotype.Component;

/** Who reviews a scenario and what each reviewer's form lists: the scenario model's expressions. */
@Component("scenarioReviewers")
public class ScenarioReviewers {

    private final Scenarios scenarios;
    private final PolicyProfiles profiles;

    public ScenarioReviewers(Scenarios scenarios, PolicyProfiles profiles) {
        this.scenarios = scenarios;
        this.profiles = profiles;
    }

    /** SCN-04: every provider unit with a line on the list, one task each. */
    public List<String> providerGroups(Number scenarioId) {
        return scenarios.providerGroups(scenarioId.longValue());
    }

    /** CAT-03: whether any line is still standing after the consents so far. */
    public boolean linesLeft(Number scenarioId) {
        return !scenarios.standingLines(scenarioId.longValue()).isEmpty();
    }

    /** SCN-05: whether the jurisdiction requires a network-security review of each scenario. */
    public boolean networkSecurityReview(String jurisdiction) {
        return profiles.of(jurisdiction).networkSecurityReview();
    }

    /** ROLE-07: the jurisdiction's security members, one review task each. */
    public List<String> securityGroups(String jurisdiction) {
        return profiles.of(jurisdiction).coordinationGroups();
    }

    /** SCN-09: whether a standing line uses data the province returned. */
    public boolean needsProvinceConsent(Number scenarioId) {
        return scenarios.needsProvinceConsent(scenarioId.longValue());
    }
}
