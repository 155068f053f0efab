package cn.pubdata.approval.product;

import cn.pubdata.approval.catalog.ResourceProhibited;
import cn.pubdata.approval.disclosure.Disclosures;
import cn.pubdata.approval.notification.Notifications;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * CAT-01: a resource reclassified as 禁止开放 takes every listed product using it off the operator's list at once,
 * with the reason, a notice to the operator and a public entry; a product still in review can no longer be listed.
 */
@Component
class ProductsOnProhibition {

    private final Products products;
    private final ProductContacts contacts;
    private final Timeline timeline;
    private final Notifications notifications;
    private final Disclosures disclosures;
    private final Clock clock;

    ProductsOnProhibition(
            Products products,
            ProductContacts contacts,
            Timeline timeline,
            Notifications notifications,
            Disclosures disclosures,
            Clock clock) {
        this.products = products;
        this.contacts = contacts;
        this.timeline = timeline;
        this.notifications = notifications;
        this.disclosures = disclosures;
        this.clock = clock;
    }

    @EventListener
    void on(ResourceProhibited event) {
        String reason = "「" + event.resourceName() + "」已被列为禁止开放的公共数据（CAT-01）：" + event.reason();
        for (Product p : products.delistUsing(event.resourceCode(), reason)) {
            String key = "prohibited:" + event.resourceCode() + ":product:" + p.getId();
            timeline.record(Subjects.product(p.getId()), "数据产品已下架", reason, "数据主管部门", key);
            notifications.send(
                    Notifications.operator(p.getCreditCode()),
                    key,
                    "【数据产品下架】" + p.getName(),
                    p.getCompanyName() + "：\n\n" + reason + "\n使用该资源的数据产品「" + p.getName() + "」已从本单位数据产品和服务清单下架，不得再提供。",
                    contacts.emailOf(p));
            disclosures.publish(
                    key,
                    p.getJurisdiction(),
                    "PRODUCT_DELISTED",
                    "数据产品和服务下架：" + p.getName() + "（" + p.getCompanyName() + "）",
                    "因使用的数据资源被列为禁止开放的公共数据，该产品已下架，停止提供。",
                    clock.instant());
        }
        for (Product p : products.inReviewUsing(event.resourceCode())) {
            timeline.record(
                    Subjects.product(p.getId()),
                    "数据资源禁止开放：" + event.resourceName(),
                    reason + "\n使用该资源的产品不能上架。",
                    "数据主管部门",
                    "prohibited:" + event.resourceCode() + ":product:" + p.getId());
        }
    }
}
