package cn.pubdata.approval.developer;

import java.time.Instant;

/**
 * An operator's "operator + partner" mechanism (DEV-01): the conditions a partner must meet and the rules for its
 * onboarding, management and exit (DEV-02), in force only once the authority consents.
 */
public record PartnerRules(
        long id,
        String jurisdiction,
        String creditCode,
        String companyName,
        String partnerConditions,
        String managementRules,
        String submittedBy,
        Instant submittedAt,
        Status status,
        String decisionNote,
        String decidedBy,
        Instant decidedAt,
        String processInstanceId) {

    public enum Status {
        SUBMITTED("已报数据主管部门，待同意"),
        CONSENTED("数据主管部门已同意，施行中"),
        REFUSED("数据主管部门未同意");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
