package cn.pubdata.approval.product;

import cn.pubdata.approval.disclosure.Disclosures;
import cn.pubdata.approval.policy.PolicyProfiles;
import cn.pubdata.approval.scenario.Scenarios;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import cn.pubdata.approval.worker.ExternalTaskHandler;
import cn.pubdata.approval.worker.WorkItem;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Publishes a listed product with its price clearly marked (明码标价): an entry of kind PRODUCT_LISTED for the public
 * disclosure page, naming the operator, the product, its category, use, scenario, registration and price.
 */
@Component
class PublishProductHandler implements ExternalTaskHandler {

    static final String KIND = "PRODUCT_LISTED";

    private final Products products;
    private final Scenarios scenarios;
    private final Disclosures disclosures;
    private final PolicyProfiles profiles;
    private final Timeline timeline;
    private final Clock clock;

    PublishProductHandler(
            Products products,
            Scenarios scenarios,
            Disclosures disclosures,
            PolicyProfiles profiles,
            Timeline timeline,
            Clock clock) {
        this.products = products;
        this.scenarios = scenarios;
        this.disclosures = disclosures;
        this.profiles = profiles;
        this.timeline = timeline;
        this.clock = clock;
    }

    @Override
    public String topic() {
        return "product-publish";
    }

    @Override
    public Map<String, Object> handle(WorkItem task) {
        long id = task.longValue("productId");
        Product p = products.get(id);
        String resources = products.resources(id).stream().map(r -> r.name()).collect(Collectors.joining("、"));
        String content = profiles.of(p.getJurisdiction()).name() + "登记上架的数据产品和服务。\n运营机构："
                + p.getCompanyName() + "（统一社会信用代码 " + p.getCreditCode() + "）\n产品类别："
                + p.getKind().label() + "；用途：" + p.getPurpose().label() + "\n依托场景："
                + scenarios.get(p.getScenarioId()).getName() + "；使用的数据资源：" + resources + "\n登记备案："
                + p.getRegistrationPlatform() + "，登记号 " + p.getRegistrationNo() + "\n收费标准（明码标价）："
                + Products.priceText(p);
        disclosures.publish(
                task.dedupeKey(null),
                p.getJurisdiction(),
                KIND,
                "数据产品和服务：" + p.getName() + "（" + p.getCompanyName() + "）",
                content,
                clock.instant());
        timeline.record(
                Subjects.product(id),
                "产品及收费标准已向社会公示",
                "收费标准：" + Products.priceText(p),
                "系统",
                task.dedupeKey("timeline"));
        return Map.of();
    }
}
