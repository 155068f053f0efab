package cn.pubdata.approval.timeline;

import java.sql.Connection;
import java.sql.DriverManager;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Verifies the audit chain from the command line, straight on the database (no Keycloak, no engine): {@code
 * infra/verify-audit.sh}. Reads APPROVAL_DB_URL, APPROVAL_DB_USER and APPROVAL_DB_PASSWORD; exits 0 when the chain is
 * intact, 1 with the first broken entry otherwise.
 */
public final class AuditVerifyCommand {

    private AuditVerifyCommand() {}

    public static void main(String[] args) throws Exception {
        String url = env("APPROVAL_DB_URL", "jdbc:postgresql://localhost:5432/postgres");
        try (Connection connection = DriverManager.getConnection(
                url, env("APPROVAL_DB_USER", "postgres"), env("APPROVAL_DB_PASSWORD", ""))) {
            // a cursor, so that ten million entries stream instead of filling the memory
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            AuditVerification result =
                    new AuditVerifier(new JdbcTemplate(new SingleConnectionDataSource(connection, true))).verify();
            System.out.println(describe(result));
            System.exit(result.intact() ? 0 : 1);
        }
    }

    static String describe(AuditVerification v) {
        return v.intact()
                ? "审计链完整 / audit chain intact: " + v.entriesChecked() + " 条记录，链头哈希 " + v.headHash()
                : "审计链断裂 / audit chain broken at entry " + v.brokenAtSeq() + "：" + v.problem() + "（已核对 "
                        + v.entriesChecked() + " 条）";
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
