package cn.pubdata.approval.developer;

import java.time.Instant;
import java.time.LocalDate;

/** A developer company's application to join an operator's platform, and where it stands. */
public record DeveloperApplication(
        long id,
        long rulesId,
        String jurisdiction,
        String operatorCreditCode,
        String operatorName,
        String developerCreditCode,
        String developerName,
        String capability,
        boolean noIncidentDeclared,
        String submittedBy,
        Instant submittedAt,
        Status status,
        String decisionReason,
        String decidedBy,
        Instant decidedAt,
        String agreementNo,
        LocalDate agreementSignedOn,
        LocalDate agreementEndsOn,
        Instant staffFiledAt,
        String endedReason,
        String processInstanceId) {

    public enum Status {
        IN_REVIEW("运营机构审核中"),
        REFUSED("运营机构未同意入驻"),
        APPROVED("已同意入驻，待签订开发利用协议"),
        SIGNED("已签订开发利用协议，待人员备案"),
        ACCESS_OPEN("已开通平台访问（抽样、脱敏数据）"),
        ENDED("已终止");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
