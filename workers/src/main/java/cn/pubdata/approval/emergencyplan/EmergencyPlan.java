package cn.pubdata.approval.emergencyplan;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * One emergency plan of an agreement (SEC-08): the plan filed with the admission application (no id: it is the
 * application's document) or an updated plan the operator filed, with its review and the time it governed.
 */
public record EmergencyPlan(
        Long id,
        long agreementId,
        long documentId,
        String fileName,
        String changes,
        Status status,
        String filedBy,
        Instant filedAt,
        String reviewNote,
        String decidedBy,
        Instant decidedAt,
        Instant governsFrom,
        Instant governsUntil,
        String processInstanceId) {

    public enum Status {
        IN_REVIEW("审查中"),
        GOVERNING("现行预案"),
        SUPERSEDED("已被更新的预案替代"),
        RETURNED("已退回，未施行");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    @JsonProperty // the portal shows it
    public String statusLabel() {
        return status.label();
    }

    /** The plan that came with the admission application rather than a filed update. */
    @JsonProperty
    public boolean fromAdmission() {
        return id == null;
    }
}
