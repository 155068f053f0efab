package cn.pubdata.approval.rectification;

import java.time.Instant;
import java.time.LocalDate;

/** One rectification (限期整改) and where it stands. */
public record Rectification(
        long id,
        long agreementId,
        String jurisdiction,
        String creditCode,
        String companyName,
        RectificationTrigger trigger,
        String problems,
        String evidence,
        String orderedBy,
        Instant orderedAt,
        LocalDate deadline,
        String deadlineBasis,
        boolean suspended,
        int profileVersion,
        Long evaluationId,
        String plan,
        Instant planFiledAt,
        String report,
        Instant reportFiledAt,
        Outcome outcome,
        String outcomeReason,
        String assessedBy,
        Status status,
        Instant closedAt,
        String processInstanceId) {

    public enum Status {
        OPEN("整改中"),
        PASSED("整改通过"),
        FAILED("整改未通过");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** RECT-03: the re-assessment's result (EVAL-05's three), or a deadline missed. */
    public enum Outcome {
        PASS("通过"),
        RECTIFY("再次限期整改"),
        FAIL("未通过"),
        MISSED("逾期未完成整改");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
