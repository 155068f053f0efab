package cn.pubdata.approval.product;

import cn.pubdata.approval.notification.Notifications;
import cn.pubdata.approval.worker.ExternalTaskHandler;
import cn.pubdata.approval.worker.WorkItem;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Tells the operator what it must do now during a product review: supplement (补正) by a due day. */
@Component
class ProductNoticeHandler implements ExternalTaskHandler {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final Products products;
    private final ProductContacts contacts;
    private final Notifications notifications;

    ProductNoticeHandler(Products products, ProductContacts contacts, Notifications notifications) {
        this.products = products;
        this.contacts = contacts;
        this.notifications = notifications;
    }

    @Override
    public String topic() {
        return "product-notify";
    }

    @Override
    public Map<String, Object> handle(WorkItem task) {
        Product product = products.get(task.longValue("productId"));
        String template = task.string("noticeTemplate");
        if (template.equals("OPERATOR_REVIEW_REQUESTED")) {
            operatorReviewRequested(product, task);
            return Map.of();
        }
        if (!template.equals("SUPPLEMENT_REQUESTED")) {
            throw new IllegalStateException("未知的通知模板 " + template);
        }
        String title = "【需补正】数据产品「" + product.getName() + "」";
        String body = product.getCompanyName() + "：\n\n您申报的数据产品「" + product.getName() + "」经合规安全审核需要补正（第 "
                + task.intValue("supplementRounds") + " 次补正）。\n补正要求：" + task.string("securityReason") + "\n\n请于 "
                + DAY.format(task.date("supplementDue")) + "（含）前登录门户提交补正材料，逾期未补正的，申报将终止。";
        notifications.send(
                Notifications.operator(product.getCreditCode()),
                task.dedupeKey("operator"),
                title,
                body,
                contacts.emailOf(product));
        return Map.of();
    }

    /** PRD-02 (003): the operator reviews its developer's product in the portal before it is filed. */
    private void operatorReviewRequested(Product product, WorkItem task) {
        notifications.send(
                Notifications.operator(product.getCreditCode()),
                task.dedupeKey("operator-review"),
                "【出域合规审核】开发利用主体申报的数据产品「" + product.getName() + "」",
                product.getCompanyName() + "：\n\n贵单位平台的开发利用主体" + product.getDeveloperName() + "（"
                        + product.getDeveloperCreditCode() + "）申报了数据产品「" + product.getName()
                        + "」。请在门户的数据产品页面进行出域合规审核（PRD-02）：通过的，审核结论向数据主管部门报备案；不通过的，请写明理由，开发利用主体可以申诉。",
                contacts.emailOf(product));
    }
}
