package cn.pubdata.approval.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One annual evaluation (年度评估) or semi-annual security report (运营安全情况报告) of an operator, and its result. */
public record Evaluation(
        long id,
        long agreementId,
        String jurisdiction,
        String creditCode,
        String companyName,
        Kind kind,
        LocalDate periodFrom,
        LocalDate periodTo,
        int profileVersion,
        Status status,
        Instant reportDue,
        String dataDemand,
        String dataUse,
        String benefits,
        String security,
        BigDecimal revenueYuan,
        Integer scenarioCount,
        Integer productCount,
        Integer incidentCount,
        Integer drillCount,
        String filedBy,
        Instant filedAt,
        Instant escalatedAt,
        String mode,
        String thirdParty,
        String aspects,
        Result result,
        String resultReason,
        String concludedBy,
        Instant concludedAt,
        String processInstanceId) {

    public enum Kind {
        ANNUAL("年度运营情况报告及评估"),
        SECURITY("运营安全情况报告"),
        /** DEV-07: the operator's periodic report on its developers (开发利用主体). */
        DEVELOPERS("开发利用主体情况报告");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum Status {
        AWAITING_REPORT("待提交报告"),
        REPORT_FILED("已提交报告，评估中"),
        REPORT_MISSING("逾期未报告，已上报负责人，评估继续"),
        CONCLUDED("已完成");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** EVAL-05's three results; NOTED where a security report is only acknowledged. */
    public enum Result {
        PASS("通过"),
        FAIL("未通过"),
        RECTIFY("限期整改"),
        NOTED("已审阅");

        private final String label;

        Result(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
