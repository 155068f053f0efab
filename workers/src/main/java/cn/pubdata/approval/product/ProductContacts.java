package cn.pubdata.approval.product;

import cn.pubdata.approval.scenario.ScenarioContacts;
import cn.pubdata.approval.scenario.Scenarios;
import java.util.List;
import org.springframework.stereotype.Component;

/** Who hears of a product: its operator's contact (of the admission behind the scenario's agreement), its providers. */
@Component
class ProductContacts {

    private final Scenarios scenarios;
    private final ScenarioContacts contacts;

    ProductContacts(Scenarios scenarios, ScenarioContacts contacts) {
        this.scenarios = scenarios;
        this.contacts = contacts;
    }

    String emailOf(Product product) {
        return contacts.emailOf(scenarios.get(product.getScenarioId()));
    }

    /** The provider units of the scenario's approved demand list, each once. */
    List<String> providerGroups(Product product) {
        return scenarios.approvedLines(product.getScenarioId()).stream()
                .map(l -> l.providerGroup())
                .distinct()
                .toList();
    }
}
