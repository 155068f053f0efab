package cn.pubdata.approval.disclosure;

import cn.pubdata.approval.calendar.WorkingDayCalendar;
import cn.pubdata.approval.worker.ExternalTaskHandler;
import cn.pubdata.approval.worker.WorkItem;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Publishes the admission result for publicity (ADM-13) and, once admitted, the operator and its scope. */
@Component
class PublishDisclosureHandler implements ExternalTaskHandler {

    private final Disclosures disclosures;
    private final Clock clock;

    PublishDisclosureHandler(Disclosures disclosures, Clock clock) {
        this.disclosures = disclosures;
        this.clock = clock;
    }

    @Override
    public String topic() {
        return "disclosure-publish";
    }

    @Override
    public Map<String, Object> handle(WorkItem task) {
        String kind = task.string("disclosureKind");
        String company = task.string("companyName") + "（统一社会信用代码 " + task.string("operatorCreditCode") + "）";
        String title;
        String content;
        switch (kind) {
            case "ADMISSION_PUBLICITY" -> {
                title = "授权运营单位准入审查结果公示：" + task.string("companyName");
                content = company + " 申报「" + task.string("announcementTitle") + "」，经审查拟准入。授权范围："
                        + task.string("authorizationScope") + "。公示期至 " + task.date("publicityEnds")
                        + "，如有异议，请在公示期内通过门户提出。";
                disclosures.publicity(
                        task.longValue("applicationId"),
                        task.string("jurisdiction"),
                        task.string("companyName"),
                        title,
                        content,
                        clock.instant(),
                        instant(task.variables().get("publicityEnds"), task.date("publicityEnds")));
            }
            case "OPERATOR_AUTHORIZED" -> {
                title = "授权运营单位：" + task.string("companyName");
                content = company + " 已获授权运营。授权范围：" + task.string("authorizationScope") + "。协议期限 "
                        + task.string("agreementSignedOn") + " 至 " + task.string("agreementEndsOn") + "。";
            }
            default -> throw new IllegalStateException("未知的披露类型 " + kind);
        }
        disclosures.publish(task.dedupeKey(null), task.string("jurisdiction"), kind, title, content, clock.instant());
        return Map.of();
    }

    /** The end of the publicity as the timer waits for it: its exact time, or the end of its day. */
    private static Instant instant(Object value, LocalDate day) {
        return value instanceof Date d ? d.toInstant() : WorkingDayCalendar.endOf(day);
    }
}
