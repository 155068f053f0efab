package cn.pubdata.approval.product;

import cn.pubdata.approval.notification.Notifications;
import cn.pubdata.approval.pricing.PriceCeilings;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import cn.pubdata.approval.worker.ExternalTaskHandler;
import cn.pubdata.approval.worker.WorkItem;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Ends a product review: records its outcome and reason and tells every party. A listing reaches the operator, the
 * authority, the provider units of the scenario and the price authority.
 */
@Component
class CloseProductHandler implements ExternalTaskHandler {

    private final Products products;
    private final ProductContacts contacts;
    private final Timeline timeline;
    private final Notifications notifications;

    CloseProductHandler(Products products, ProductContacts contacts, Timeline timeline, Notifications notifications) {
        this.products = products;
        this.contacts = contacts;
        this.timeline = timeline;
        this.notifications = notifications;
    }

    @Override
    public String topic() {
        return "product-close";
    }

    @Override
    public Map<String, Object> handle(WorkItem task) {
        long id = task.longValue("productId");
        ProductStatus outcome = ProductStatus.valueOf(task.string("outcome"));
        String reason = task.stringOr("outcomeReason", "").trim();
        if (outcome == ProductStatus.LISTED) {
            if (products.get(id).getStatus() != ProductStatus.LISTED) {
                throw new IllegalStateException("数据产品 " + id + " 尚未上架，不能按上架结束");
            }
        } else if (outcome == ProductStatus.IN_REVIEW || outcome == ProductStatus.DELISTED) {
            throw new IllegalStateException(outcome + " is no outcome of a review");
        } else if (reason.isEmpty()) {
            throw new IllegalStateException("数据产品 " + id + " 以「" + outcome.label() + "」结束，但没有记录原因");
        } else {
            products.close(id, outcome, reason);
        }
        Product p = products.get(id);
        String title = "【数据产品" + outcome.label() + "】" + p.getName();
        String body = p.getCompanyName() + "：\n\n"
                + switch (outcome) {
                    case LISTED ->
                        "您申报的数据产品「" + p.getName() + "」已通过审核、完成登记备案（" + p.getRegistrationPlatform() + "，登记号 "
                                + p.getRegistrationNo() + "），已列入本单位数据产品和服务清单并向社会公示。\n收费标准："
                                + Products.priceText(p);
                    case REJECTED -> "您申报的数据产品「" + p.getName() + "」未通过审核。\n原因：" + reason;
                    case WITHDRAWN -> "数据产品申报已撤回。\n说明：" + reason;
                    case EXPIRED -> "您未在规定期限内提交补正材料，数据产品申报已终止。\n" + reason;
                    case ENDED -> "数据产品「" + p.getName() + "」的审核已终止，不会上架。\n原因：" + reason;
                    default -> throw new IllegalStateException(outcome + " is no outcome of a review");
                };
        timeline.record(
                Subjects.product(id),
                "数据产品审核结束：" + outcome.label(),
                reason.isEmpty() ? null : reason,
                "系统",
                task.dedupeKey("timeline"));
        notifications.send(
                Notifications.operator(p.getCreditCode()),
                task.dedupeKey("operator"),
                title,
                body,
                contacts.emailOf(p));
        if (p.getDeveloperCreditCode() != null) {
            notifications.send(
                    Notifications.operator(p.getDeveloperCreditCode()),
                    task.dedupeKey("developer"),
                    title,
                    p.getDeveloperName() + "：\n\n" + developerBody(p, outcome, reason),
                    null);
        }
        if (outcome != ProductStatus.LISTED) {
            return Map.of();
        }
        Set<String> parties = new LinkedHashSet<>();
        parties.add("authority-reviewer");
        parties.addAll(contacts.providerGroups(p));
        parties.add(PriceCeilings.PRICING_OFFICER);
        String partyBody = p.getCompanyName() + "（" + p.getCreditCode() + "）的数据产品「" + p.getName() + "」（"
                + p.getKind().label() + "）已登记上架。\n登记：" + p.getRegistrationPlatform() + "，登记号 " + p.getRegistrationNo()
                + "\n收费标准：" + Products.priceText(p);
        for (String group : parties) {
            notifications.send(Notifications.group(group), task.dedupeKey(group), title, partyBody, null);
        }
        return Map.of();
    }

    /** What the developer who submitted the product reads (003); a refusal by the operator's review may be appealed. */
    private String developerBody(Product p, ProductStatus outcome, String reason) {
        if (outcome == ProductStatus.LISTED) {
            return "贵单位申报的数据产品「" + p.getName() + "」已通过审核并由运营机构" + p.getCompanyName() + "上架。\n收费标准："
                    + Products.priceText(p);
        }
        String body = "贵单位申报的数据产品「" + p.getName() + "」" + outcome.label() + "。\n原因：" + reason;
        if (Boolean.FALSE.equals(p.getOperatorReviewPassed())) {
            body += "\n\n对运营机构的出域合规审核结果有异议的，可在门户的数据产品页面向数据主管部门申诉（APL-01）。";
        }
        return body;
    }
}
