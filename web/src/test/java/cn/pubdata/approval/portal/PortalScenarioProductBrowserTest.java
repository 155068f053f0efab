package cn.pubdata.approval.portal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.pubdata.approval.WebTest;
import cn.pubdata.approval.fixture.AuthorizedOperators;
import cn.pubdata.approval.identity.LocalKeycloak;
import cn.pubdata.approval.product.ProductStatus;
import cn.pubdata.approval.product.Products;
import cn.pubdata.approval.scenario.ScenarioLine;
import cn.pubdata.approval.scenario.Scenarios;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A scenario and its product from the operator's portal through the reviewers' Tasklist, in a real Chromium: op-cidu
 * submits a scenario, the authority pre-checks it, 市发改委 ticks the line it consents to in its checklist form, the
 * authority approves; op-cidu submits a product under it, the authority reviews and registers it, and the public
 * product list shows it with its price. Screenshots of each step: web/target/e2e/.
 */
class PortalScenarioProductBrowserTest extends WebTest {

    @Autowired
    AuthorizedOperators operators;

    @Autowired
    Scenarios scenarios;

    @Autowired
    Products products;

    @Test
    void aScenarioAndItsProductPassThePortalAndTasklist() throws Exception {
        operators.ciduInJingdezhen();
        BrowserScript.ensureChromium();

        BrowserScript.Result run = BrowserScript.run(
                "scenario-product.e2e.mjs", BrowserScript.APP, LocalKeycloak.URL, BrowserScript.OUT.toString());

        assertThat(run.exit()).as(run.output()).isZero();
        BrowserScript.assertAccessible("axe-portal-scenario-product", run);
        Matcher ids = Pattern.compile("SCENARIO (\\d+) PRODUCT (\\d+)").matcher(run.output());
        assertThat(ids.find()).as(run.output()).isTrue();
        long scenarioId = Long.parseLong(ids.group(1));
        assertThat(scenarios.lines(scenarioId))
                .singleElement()
                .satisfies(line -> assertThat(line.providerConsent())
                        .as("市发改委's tick in Tasklist consented the line")
                        .isEqualTo(ScenarioLine.Consent.CONSENTED));
        assertThat(products.get(Long.parseLong(ids.group(2))).getStatus()).isEqualTo(ProductStatus.LISTED);
    }
}
