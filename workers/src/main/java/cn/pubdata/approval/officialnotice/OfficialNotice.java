package cn.pubdata.approval.officialnotice;

import java.time.Instant;

/**
 * A notice the data authority issues to an operator under its document number (文号), as the portal prints it: who it
 * is addressed to, the text, the issuing authority and the date.
 */
public record OfficialNotice(
        long id,
        String documentNumber,
        Kind kind,
        String kindLabel,
        String jurisdiction,
        String subject,
        String creditCode,
        String addressee,
        String title,
        String body,
        String issuer,
        Instant issuedAt) {

    /** The notices that carry a document number. */
    public enum Kind {
        ACCEPTANCE("受理通知书"),
        SUPPLEMENT("补正通知书"),
        DECISION("决定书"),
        RECTIFICATION("整改通知书"),
        EXIT("退出通知书");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
