package cn.pubdata.approval.product;

import cn.pubdata.approval.catalog.CatalogResource;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import cn.pubdata.approval.worker.BusinessOutcome;
import cn.pubdata.approval.worker.ExternalTaskHandler;
import cn.pubdata.approval.worker.WorkItem;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * PRD-08: a registered product enters the operator's list of products and services. A product whose resource was
 * reclassified as 禁止开放 meanwhile (CAT-01) is a business outcome the model ends with, never listed.
 */
@Component
class ListProductHandler implements ExternalTaskHandler {

    private final Products products;
    private final Timeline timeline;

    ListProductHandler(Products products, Timeline timeline) {
        this.products = products;
        this.timeline = timeline;
    }

    @Override
    public String topic() {
        return "product-list";
    }

    @Override
    public Map<String, Object> handle(WorkItem task) {
        long id = task.longValue("productId");
        List<CatalogResource> prohibited = products.prohibitedResources(id);
        if (!prohibited.isEmpty() && products.get(id).getStatus() == ProductStatus.IN_REVIEW) {
            // a business outcome: the model closes the review with this reason, no retry
            throw new BusinessOutcome(
                    "RESOURCE_PROHIBITED",
                    "产品使用的数据资源"
                            + prohibited.stream().map(r -> "「" + r.name() + "」").collect(Collectors.joining("、"))
                            + "已被列为禁止开放的公共数据，产品不能上架（CAT-01）");
        }
        products.list(id);
        timeline.record(Subjects.product(id), "列入运营机构数据产品和服务清单（已上架）", null, "系统", task.dedupeKey("timeline"));
        return Map.of();
    }
}
