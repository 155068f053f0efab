package cn.pubdata.approval.demo;

import cn.pubdata.approval.admission.Announcement;
import cn.pubdata.approval.admission.AnnouncementForm;
import cn.pubdata.approval.admission.Announcements;
import cn.pubdata.approval.catalog.CatalogResource;
import cn.pubdata.approval.catalog.CatalogResources;
import cn.pubdata.approval.common.Clocks;
import cn.pubdata.approval.policy.PolicyProfiles;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** One open announcement, so that a newcomer can walk the admission flow; the demo users live in Keycloak. */
@Component
@ConditionalOnProperty(name = "approval.demo.enabled", havingValue = "true")
class DemoData {

    private final Announcements announcements;
    private final CatalogResources catalog;
    private final PolicyProfiles profiles;
    private final Clock clock;

    DemoData(Announcements announcements, CatalogResources catalog, PolicyProfiles profiles, Clock clock) {
        this.announcements = announcements;
        this.catalog = catalog;
        this.profiles = profiles;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    void create() {
        if (announcements.open().isEmpty()) {
            LocalDate today = LocalDate.now(clock.withZone(Clocks.BEIJING));
            announcements.publish(new AnnouncementForm(
                    "jingdezhen",
                    "景德镇市公共数据资源授权运营单位准入公告（演示）",
                    Announcement.Mode.WHOLE,
                    "第一批拟纳入授权运营的公共数据资源目录清单（10个数据提供单位）",
                    "具备数据资源加工、运营所需的管理和技术服务能力，经营状况和信用状况良好，符合国家数据安全保护要求",
                    profiles.of("jingdezhen").admissionCriteria(),
                    today,
                    today.plusDays(30),
                    catalog.ofJurisdiction("jingdezhen").stream()
                            .filter(r -> !r.prohibited())
                            .map(CatalogResource::code)
                            .toList()));
        }
    }
}
