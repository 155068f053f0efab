package cn.pubdata.approval.exit;

import cn.pubdata.approval.disclosure.Disclosures;
import cn.pubdata.approval.product.Product;
import cn.pubdata.approval.product.Products;
import cn.pubdata.approval.scenario.Scenario;
import cn.pubdata.approval.scenario.Scenarios;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import cn.pubdata.approval.worker.ExternalTaskHandler;
import cn.pubdata.approval.worker.WorkItem;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The exiting operator's listed products leave the list, publicly; its approved scenarios end with the reason. */
@Component
class DelistHandler implements ExternalTaskHandler {

    private final ExitCases exits;
    private final Products products;
    private final Scenarios scenarios;
    private final Disclosures disclosures;
    private final Timeline timeline;
    private final Clock clock;

    DelistHandler(
            ExitCases exits,
            Products products,
            Scenarios scenarios,
            Disclosures disclosures,
            Timeline timeline,
            Clock clock) {
        this.exits = exits;
        this.products = products;
        this.scenarios = scenarios;
        this.disclosures = disclosures;
        this.timeline = timeline;
        this.clock = clock;
    }

    @Override
    public String topic() {
        return "exit-delist";
    }

    @Override
    public Map<String, Object> handle(WorkItem task) {
        ExitCase exit = exits.get(task.longValue("exitId"));
        String reason = "运营机构退出授权运营（" + exit.trigger().label() + "）";
        List<Product> delisted = products.delistOperator(exit.creditCode(), exit.jurisdiction(), reason);
        List<Scenario> ended = scenarios.endApproved(exit.creditCode(), exit.jurisdiction(), reason);
        for (Product p : delisted) {
            String key = "exit:" + exit.id() + ":product:" + p.getId();
            timeline.record(Subjects.product(p.getId()), "数据产品已下架", reason, "系统", key);
            disclosures.publish(
                    key,
                    p.getJurisdiction(),
                    "PRODUCT_DELISTED",
                    "数据产品和服务下架：" + p.getName() + "（" + p.getCompanyName() + "）",
                    "因运营机构退出授权运营，该产品已下架，停止提供。",
                    clock.instant());
        }
        for (Scenario s : ended) {
            timeline.record(
                    Subjects.scenario(s.getId()),
                    "场景已终止",
                    reason,
                    "系统",
                    "exit:" + exit.id() + ":scenario:" + s.getId());
        }
        exits.delisted(exit.id(), delisted.size());
        timeline.record(
                Subjects.exit(exit.id()),
                "下架数据产品 " + delisted.size() + " 个，终止应用场景 " + ended.size() + " 个",
                delisted.isEmpty()
                        ? null
                        : delisted.stream().map(Product::getName).collect(Collectors.joining("、")),
                "系统",
                task.dedupeKey("timeline"));
        return Map.of();
    }
}
