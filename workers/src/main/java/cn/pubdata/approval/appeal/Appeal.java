package cn.pubdata.approval.appeal;

import java.time.Instant;

/**
 * An appeal against a recorded decision (APL-01), or a supply-and-demand objection (APL-04), and the authority's handling
 * of it (APL-02).
 */
public record Appeal(
        long id,
        Kind kind,
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

    /** 申诉 for an appeal, 异议 for an objection: what forms and notices call it. */
    public String word() {
        return kind.word;
    }

    /** The status as the appellant reads it, in the appeal's own wording. */
    public String statusLabel() {
        return status.label().replace("申诉", word());
    }

    /** The kinds of decision that may be contested. */
    public enum Kind {
        /** APL-01: an operator's refusal of a developer's application to join. */
        DEVELOPER_REFUSAL("申诉"),
        /** APL-01: a refused data-use request (数据需求申请). */
        DATA_USE_REFUSAL("申诉"),
        /** APL-01 (003): the operator's out-of-domain compliance review refused a developer's data product. */
        PRODUCT_REFUSAL("申诉"),
        /** APL-04: a provider unit's refusal of a line of a data-use request. */
        SUPPLY_OBJECTION("异议");

        private final String word;

        Kind(String word) {
            this.word = word;
        }
    }

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
