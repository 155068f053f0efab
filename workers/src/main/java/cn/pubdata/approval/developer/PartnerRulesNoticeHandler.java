package cn.pubdata.approval.developer;

import cn.pubdata.approval.notification.Notifications;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import cn.pubdata.approval.worker.ExternalTaskHandler;
import cn.pubdata.approval.worker.WorkItem;
import java.util.Map;
import org.springframework.stereotype.Component;

/** DEV-02: tells the operator whether the authority consented to its partner rules, which then take effect. */
@Component
class PartnerRulesNoticeHandler implements ExternalTaskHandler {

    private final PartnerRulesBook rules;
    private final Timeline timeline;
    private final Notifications notifications;

    PartnerRulesNoticeHandler(PartnerRulesBook rules, Timeline timeline, Notifications notifications) {
        this.rules = rules;
        this.timeline = timeline;
        this.notifications = notifications;
    }

    @Override
    public String topic() {
        return "partner-rules-notify";
    }

    @Override
    public Map<String, Object> handle(WorkItem task) {
        PartnerRules r = rules.get(task.longValue("rulesId"));
        boolean consented = r.status() == PartnerRules.Status.CONSENTED;
        String title = consented ? "【合伙人规则已获同意】自即日起施行" : "【合伙人规则未获同意】请修改后重新报送";
        notifications.send(
                Notifications.operator(r.creditCode()),
                task.dedupeKey("operator"),
                title,
                r.companyName() + "：\n\n贵单位报送的开发利用主体（合伙人）准入条件和管理规则"
                        + (consented ? "已经数据主管部门同意，自即日起施行；开发利用主体可按此规则申请入驻贵单位的运营平台。" : "未获数据主管部门同意，暂不施行。请按意见修改后重新报送。")
                        + "\n数据主管部门意见：" + r.decisionNote(),
                null);
        timeline.record(
                Subjects.partnerRules(r.id()),
                consented ? "规则施行，已告知运营机构" : "规则未施行，已告知运营机构",
                null,
                "系统",
                task.dedupeKey("timeline"));
        return Map.of();
    }
}
