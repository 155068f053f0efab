package cn.pubdata.approval.product;

import cn.pubdata.approval.notification.Notifications;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import cn.pubdata.approval.worker.ExternalTaskHandler;
import cn.pubdata.approval.worker.WorkItem;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * PRD-02: files the operator's own out-of-domain compliance review with the authority: a filing number, an entry in
 * the product's timeline, and a notice to the authority. Where the profile lets that review replace the authority's
 * (003), the filing is a record, not an approval.
 */
@Component
class FileComplianceReviewHandler implements ExternalTaskHandler {

    private final Products products;
    private final Timeline timeline;
    private final Notifications notifications;

    FileComplianceReviewHandler(Products products, Timeline timeline, Notifications notifications) {
        this.products = products;
        this.timeline = timeline;
        this.notifications = notifications;
    }

    @Override
    public String topic() {
        return "product-file";
    }

    @Override
    public Map<String, Object> handle(WorkItem task) {
        long id = task.longValue("productId");
        String filingNo = products.recordFiling(id);
        Product product = products.get(id);
        boolean replaces = task.bool("reviewByOperator");
        String detail = "备案号 " + filingNo + "。审核结论：" + product.getComplianceReview() + "（审核人："
                + product.getComplianceReviewer() + "）";
        timeline.record(Subjects.product(id), "出域合规审核已报数据主管部门备案", detail, "系统", task.dedupeKey("timeline"));
        notifications.send(
                Notifications.group("authority-reviewer"),
                task.dedupeKey("authority"),
                "【出域合规审核备案】" + product.getCompanyName() + "「" + product.getName() + "」",
                product.getCompanyName() + "（" + product.getCreditCode() + "）报备数据产品「" + product.getName()
                        + "」的出域合规审核。\n"
                        + detail + "\n"
                        + (replaces ? "按本辖区规定，运营机构出域合规审核后报备案，备案不是审批；产品将进入登记备案。" : "请组织合规安全审核。"),
                null);
        return Map.of("filingNo", filingNo);
    }
}
