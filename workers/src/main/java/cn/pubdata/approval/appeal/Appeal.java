package cn.pubdata.approval.appeal;

import java.time.Instant;

/** An appeal against a recorded decision (APL-01) and the authority's handling of it (APL-02). */
public record Appeal(
        long id,
        String contestedSubject,
        String contestedDecision,
        String jurisdiction,
        String appellantCode,
        String appellantName,
        String grounds,
        Instant filedAt,
        Status status,
        String materialRequested,
        String material,
        String decisionReason,
        String decidedBy,
        String rerunSubject,
        String processInstanceId) {

    public enum Status {
        REGISTERED("已登记，数据主管部门处理中"),
        UPHELD("申诉成立，重新办理"),
        DISMISSED("申诉不成立，维持原决定");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
