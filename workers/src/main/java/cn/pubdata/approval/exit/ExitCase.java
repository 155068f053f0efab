package cn.pubdata.approval.exit;

import java.time.Instant;
import java.time.LocalDate;

/** One exit of an operator's agreement and every step it took (EXIT-01 … EXIT-12). */
public record ExitCase(
        long id,
        long agreementId,
        String jurisdiction,
        String creditCode,
        String companyName,
        ExitTrigger trigger,
        String reason,
        String evidence,
        String sourceSubject,
        String requestedBy,
        Instant startedAt,
        LocalDate exitDate,
        Boolean liabilityAccepted,
        String liabilityStatement,
        int profileVersion,
        String previousState,
        Status status,
        String proposal,
        String decision,
        String decidedBy,
        LocalDate planDue,
        String plan,
        Instant planFiledAt,
        Boolean planLate,
        Instant permissionsClosedAt,
        Integer productsDelisted,
        String deletedBy,
        Instant deletedAt,
        String deletionNote,
        Long deletionDocumentId,
        String deletionSha256,
        String deletionConfirmedBy,
        Instant deletionConfirmedAt,
        String logKind,
        LocalDate logsKeptUntil,
        Instant logsReleasedAt,
        Instant handedOverAt,
        String handoverNote,
        Instant closedAt,
        String processInstanceId) {

    public enum Status {
        IN_PROGRESS("退出中"),
        NOT_TERMINATED("决定不予终止"),
        EXITED("已退出");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
