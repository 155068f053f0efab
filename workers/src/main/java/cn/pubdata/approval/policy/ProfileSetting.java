package cn.pubdata.approval.policy;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The settings the authority may edit on the settings page, each with the rules it follows: what the page shows, and
 * how a new value is checked before a new version is written.
 */
public enum ProfileSetting {
    AGREEMENT_TERM_MONTHS("agreementTermMonths", "协议期限（月）", "ADM-15", Kind.MONTHS),
    MAX_TRIAL_MONTHS("maxTrialMonths", "试运营期上限（月）", "ADM-16", Kind.MONTHS_OR_NONE),
    SECURITY_REVIEW_VALIDITY_MONTHS("securityReviewValidityMonths", "安全审核结果有效期（月）", "ADM-10", Kind.MONTHS_OR_NONE),
    DATA_QUALITY_FIX_WORKING_DAYS("dataQualityFixWorkingDays", "数据质量问题处理期限（工作日）", "CAT-06", Kind.DAYS),
    RENEWAL_LEAD_MONTHS("renewalLeadMonths", "续期申请提前期（月，0 为不适用）", "ADM-19", Kind.MONTHS_OR_NONE),
    RENEWAL_PROCEDURE(
            "renewalProcedure",
            "续期方式",
            "ADM-20",
            Kind.CHOICE,
            "RENEWAL_REVIEW",
            "NEW_ADMISSION",
            "NEW_ADMISSION_AFTER_EXPIRY",
            "EXIT_AT_EXPIRY"),
    RENEWAL_NOTICE_MONTHS("renewalNoticeMonths", "期满提醒（期满前月数）", "ADM-19", Kind.MONTHS),
    EVALUATION_CADENCE(
            "evaluationCadence",
            "年度评估时点",
            "EVAL-01 EVAL-02 EVAL-04",
            Kind.CHOICE,
            "START_OF_YEAR",
            "EACH_FULL_YEAR",
            "EVERY_MONTHS"),
    EVALUATION_EVERY_MONTHS("evaluationEveryMonths", "定期评估周期（月）", "EVAL-04", Kind.MONTHS),
    EVALUATION_REPORT_WORKING_DAYS("evaluationReportWorkingDays", "报告提交期限（工作日）", "EVAL-01 EVAL-02", Kind.DAYS),
    EVALUATION_DRIVES_OUTCOME("evaluationDrivesOutcome", "评估结果分为通过、未通过、限期整改并据以整改或退出", "EVAL-05 EVAL-07", Kind.FLAG),
    EVALUATION_ASPECTS("evaluationAspects", "评估内容（至多4项）", "EVAL-03 EVAL-06", Kind.TEXTS),
    EVALUATION_THIRD_PARTY_ALLOWED("evaluationThirdPartyAllowed", "可会同成员单位和数据提供单位或委托第三方评估", "EVAL-06", Kind.FLAG),
    SECURITY_REPORT_MONTHS("securityReportMonths", "运营安全情况报告周期（月，0 为不报告）", "EVAL-08", Kind.MONTHS_OR_NONE),
    DEVELOPER_REPORT_MONTHS("developerReportMonths", "开发利用主体情况报送周期（月，0 为不报送）", "DEV-07", Kind.MONTHS_OR_NONE),
    REVENUE_CAP_REVIEW_MONTHS("revenueCapReviewMonths", "最高准许收入定期评估周期（月，0 为不评估）", "PRC-03", Kind.MONTHS_OR_NONE),
    RECTIFICATION_TRIGGERS(
            "rectificationTriggers",
            "限期整改的情形",
            "RECT-01 RECT-09 RECT-11",
            Kind.CHOICES,
            "BREACH",
            "EVALUATION",
            "TARGETS_MISSED",
            "INSPECTION"),
    RECTIFICATION_CALENDAR_DAYS(
            "rectificationCalendarDays", "整改期限（自然日，0 为按协议约定或整改通知）", "RECT-02 RECT-06", Kind.DAYS_OR_NONE),
    SUSPEND_DURING_RECTIFICATION("suspendDuringRectification", "整改期间暂停平台使用权限", "RECT-05 RECT-08", Kind.FLAG),
    REASSESSMENT_WORKING_DAYS("reassessmentWorkingDays", "整改后再次评估期限（工作日）", "RECT-03", Kind.DAYS),
    EXIT_PLAN_LEAD_MONTHS("exitPlanLeadMonths", "退出方案提前期（月，0 为不要求）", "EXIT-03", Kind.MONTHS_OR_NONE),
    EARLY_TERMINATION_NEEDS_LIABILITY("earlyTerminationNeedsLiability", "提前终止须承担违约责任", "EXIT-02", Kind.FLAG),
    TERMINATION_PROPOSED_BY("terminationProposedBy", "提请终止的单位（可空）", "EXIT-07", Kind.GROUP_OR_NONE),
    TERMINATION_DECIDED_BY("terminationDecidedBy", "作出终止决定的单位", "EXIT-07", Kind.GROUP),
    TERMINATION_DELIBERATION("terminationDeliberation", "终止前由协调机制审议", "EXIT-07", Kind.FLAG),
    SECURITY_INCIDENT_EXIT("securityIncidentExit", "数据安全事件造成不良影响或严重后果即退出", "EXIT-06", Kind.FLAG),
    SECURITY_LAW_REFERRAL("securityLawReferral", "违反网络安全、数据安全、个人信息保护法律法规的移送网信、公安", "SEC-13", Kind.FLAG),
    DATA_DELETION("dataDeletion", "退出时删除平台内留存数据", "EXIT-09", Kind.FLAG),
    DELETION_BY("deletionBy", "删除数据的一方", "EXIT-09", Kind.CHOICE_OR_NONE, "OPERATOR", "AUTHORITY"),
    DELETION_CONFIRMED_BY("deletionConfirmedBy", "销毁确认的单位（可空）", "EXIT-10", Kind.GROUP_OR_NONE),
    DELETION_WORKING_DAYS("deletionWorkingDays", "删除数据期限（工作日）", "EXIT-09", Kind.DAYS),
    LOG_RETENTION_MONTHS("logRetentionMonths", "退出后日志留存（月）", "EXIT-11", Kind.MONTHS),
    LOG_KIND("logKind", "留存的日志", "EXIT-11", Kind.TEXT),
    HANDOVER("handover", "退出须完成交接", "EXIT-12", Kind.FLAG),
    EXPERT_COMMITTEE("expertCommittee", "设专家咨询委员会（可委托论证，意见仅供参考）", "ADM-12 SCN-06 PRD-05 ROLE-05", Kind.FLAG),
    /** No rule sets it: when a reviewer's unit is reminded of a task's due date. */
    REMINDER_WORKING_DAYS("reminderWorkingDays", "办理期限提醒（到期前工作日数）", "", Kind.DAYS);

    /** Who may act as the groups a setting names. */
    public static final Set<String> GROUPS = Set.of("authority-reviewer", "manager", "pricing-officer");

    enum Kind {
        MONTHS,
        MONTHS_OR_NONE,
        DAYS,
        DAYS_OR_NONE,
        FLAG,
        TEXT,
        TEXTS,
        CHOICE,
        CHOICE_OR_NONE,
        CHOICES,
        GROUP,
        GROUP_OR_NONE
    }

    private final String key;
    private final String label;
    private final String rules;
    private final Kind kind;
    private final List<String> choices;

    ProfileSetting(String key, String label, String rules, Kind kind, String... choices) {
        this.key = key;
        this.label = label;
        this.rules = rules;
        this.kind = kind;
        this.choices = List.of(choices);
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    /** The rules of the catalogue the setting follows, e.g. "EXIT-11". */
    public String rules() {
        return rules;
    }

    public String kind() {
        return kind.name();
    }

    public List<String> choices() {
        return kind == Kind.GROUP || kind == Kind.GROUP_OR_NONE ? List.copyOf(GROUPS) : choices;
    }

    public static Optional<ProfileSetting> find(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }

    /** Why a value cannot be set, or null when it can. */
    String check(Object value) {
        return switch (kind) {
            case MONTHS -> whole(value, 1, 120);
            case MONTHS_OR_NONE -> whole(value, 0, 120);
            case DAYS -> whole(value, 1, 365);
            case DAYS_OR_NONE -> whole(value, 0, 365);
            case FLAG -> value instanceof Boolean ? null : "请选择是或否";
            case TEXT -> value instanceof String t && !t.isBlank() && t.length() <= 200 ? null : "请填写（200 字以内）";
            case TEXTS ->
                value instanceof Collection<?> c
                                && !c.isEmpty()
                                && c.size() <= 4
                                && c.stream().allMatch(v -> v instanceof String t && !t.isBlank())
                        ? null
                        : "请填写一到四项";
            case CHOICE -> value != null && choices.contains(value.toString()) ? null : "可选值：" + choices;
            case CHOICE_OR_NONE -> value == null || choices.contains(value.toString()) ? null : "可选值：" + choices;
            case CHOICES ->
                value instanceof Collection<?> c
                                && c.stream().allMatch(v -> v != null && choices.contains(v.toString()))
                        ? null
                        : "可选值：" + choices;
            case GROUP -> value != null && GROUPS.contains(value.toString()) ? null : "可选单位：" + GROUPS;
            case GROUP_OR_NONE -> value == null || GROUPS.contains(value.toString()) ? null : "可选单位：" + GROUPS;
        };
    }

    private static String whole(Object value, int min, int max) {
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            long v = n.longValue();
            return v >= min && v <= max ? null : "应在 " + min + " 到 " + max + " 之间";
        }
        return "请填写整数";
    }
}
