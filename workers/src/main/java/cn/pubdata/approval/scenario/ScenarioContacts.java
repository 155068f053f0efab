package cn.pubdata.approval.scenario;

import cn.pubdata.approval.catalog.Agreements;
import org.springframework.stereotype.Component;

/** Where the operator of a scenario receives e-mail: the contact of the admission behind its agreement. */
@Component
public class ScenarioContacts {

    private final Agreements agreements;

    ScenarioContacts(Agreements agreements) {
        this.agreements = agreements;
    }

    public String emailOf(Scenario scenario) {
        Long application = scenario.getAdmissionApplicationId();
        if (application == null && scenario.getAgreementId() != null) {
            application =
                    agreements.find(scenario.getAgreementId()).orElseThrow().applicationId();
        }
        return application == null ? null : agreements.contactEmailOfApplication(application);
    }
}
