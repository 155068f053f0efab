package cn.pubdata.approval.policy;

import java.util.List;
import java.util.Map;

/**
 * One jurisdiction's settings for the rules where the seeds differ (the per-jurisdiction settings of the rules
 * catalogue), in one version. Each value cites its clause ({@link #clauses()}, and the comments of {@code
 * policy/profiles.yaml}); a value the text is silent on takes the strictest one used elsewhere and is listed under
 * {@code strictest}. Versions never change: an edit by the authority is a new version, and a running flow keeps the
 * version it started with.
 */
public record PolicyProfile(
        String code,
        int version,
        String name,
        String documentNumberPrefix,
        String seed,
        int agreementTermMonths,
        boolean termFixed,
        int maxTrialMonths,
        List<String> coordinationGroups,
        String provincialFiling,
        int securityReviewValidityMonths,
        List<ProviderUnitSetting> providerUnits,
        List<String> priorityDomains,
        List<String> admissionCriteria,
        boolean scenarioReviewInAdmission,
        boolean networkSecurityReview,
        int dataQualityFixWorkingDays,
        boolean productReviewByOperator,
        boolean priceCeilings,
        String productRegistration,
        int renewalLeadMonths,
        RenewalProcedure renewalProcedure,
        int renewalNoticeMonths,
        EvaluationCadence evaluationCadence,
        int evaluationEveryMonths,
        int evaluationReportWorkingDays,
        boolean evaluationDrivesOutcome,
        List<String> evaluationAspects,
        boolean evaluationThirdPartyAllowed,
        int securityReportMonths,
        int developerReportMonths,
        int revenueCapReviewMonths,
        List<String> rectificationTriggers,
        int rectificationCalendarDays,
        boolean suspendDuringRectification,
        int reassessmentWorkingDays,
        int exitPlanLeadMonths,
        boolean earlyTerminationNeedsLiability,
        String terminationProposedBy,
        String terminationDecidedBy,
        boolean terminationDeliberation,
        boolean securityIncidentExit,
        boolean securityLawReferral,
        boolean dataDeletion,
        String deletionBy,
        String deletionConfirmedBy,
        int deletionWorkingDays,
        int logRetentionMonths,
        String logKind,
        boolean handover,
        boolean expertCommittee,
        Disputes disputes,
        int reminderWorkingDays,
        Map<String, String> clauses,
        List<String> strictest) {

    /** ADM-12, SCN-06, PRD-05: only 004 set up an expert advisory committee; elsewhere no step may consult one. */
    public String noExpertCommittee() {
        return name + "未设专家咨询委员会，请取消“委托专家咨询委员会论证”";
    }

    /** A data provider unit of the jurisdiction and the realm group its reviewers belong to. */
    public record ProviderUnitSetting(String code, String name, String group) {}

    public PolicyProfile {
        // a version stored before the setting existed
        disputes = disputes == null ? Disputes.NONE : disputes;
    }

    /** Against which decisions a party may turn to the authority, and what the text calls it. */
    public enum Disputes {
        /** No seed of the jurisdiction provides it. */
        NONE(""),
        /** 003 (APL-01): a developer appeals (申诉) a refusal to join, a refused data-use request or a product review. */
        APPEALS("申诉"),
        /** 004 (APL-04): a party objects (异议) to a data supply-and-demand decision. */
        SUPPLY_OBJECTIONS("异议");

        private final String word;

        Disputes(String word) {
            this.word = word;
        }

        /** 申诉 or 异议, as forms and notices say it. */
        public String word() {
            return word;
        }
    }

    /** ADM-20: what an operator does to go on after its agreement. */
    public enum RenewalProcedure {
        /** 001: a renewal application, reviewed, then re-signed (续签). */
        RENEWAL_REVIEW("续期申请，经审核同意后续签"),
        /** 004: a new application through the full admission flow, before expiry. */
        NEW_ADMISSION("按程序重新申请（完整准入流程）"),
        /** 002: only a new application after expiry. */
        NEW_ADMISSION_AFTER_EXPIRY("期满后按规定重新申请"),
        /** 003 says nothing: the operator exits at expiry. */
        EXIT_AT_EXPIRY("期满退出");

        private final String label;

        RenewalProcedure(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** EVAL-01, EVAL-02, EVAL-04: when an annual (or periodic) evaluation starts. */
    public enum EvaluationCadence {
        /** 001: at the start of each year, for the previous year. */
        START_OF_YEAR("每年初，评估上一年度"),
        /** 004: each time a full year of operation has passed. */
        EACH_FULL_YEAR("每满一年"),
        /** 003: periodically, every {@code evaluationEveryMonths} months. */
        EVERY_MONTHS("定期（按设定的月数）");

        private final String label;

        EvaluationCadence(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The rectification triggers (RECT-01, RECT-09, RECT-11) a profile allows. */
    public boolean rectificationTrigger(String trigger) {
        return rectificationTriggers.contains(trigger);
    }

    /** ADM-15 and ADM-16: the term an agreement may take in this jurisdiction. */
    public void checkAgreementTerm(int termMonths, int trialMonths) {
        if (termFixed && termMonths != agreementTermMonths) {
            throw new IllegalArgumentException(
                    name + "授权运营协议期限为 " + agreementTermMonths + " 个月（ADM-15），不能填写 " + termMonths);
        }
        if (!termFixed && (termMonths < 1 || termMonths > agreementTermMonths)) {
            throw new IllegalArgumentException(
                    name + "授权运营协议期限最长 " + agreementTermMonths + " 个月（ADM-15），不能填写 " + termMonths);
        }
        if (trialMonths < 0 || trialMonths > maxTrialMonths) {
            throw new IllegalArgumentException(
                    maxTrialMonths == 0
                            ? name + "不设试运营期（ADM-16）"
                            : "试运营期不得超过 " + maxTrialMonths + " 个月（ADM-16），不能填写 " + trialMonths);
        }
    }

    /** The version label progress pages show: "新昌县 政策配置第 3 版". */
    public String versionLabel() {
        return name + " 政策配置第 " + version + " 版";
    }
}
