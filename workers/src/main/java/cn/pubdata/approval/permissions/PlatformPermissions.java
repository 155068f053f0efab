package cn.pubdata.approval.permissions;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** An operator's use permissions on the operation platform: opened, suspended, restored, closed. */
@Service
public class PlatformPermissions {

    private final JdbcClient jdbc;

    public PlatformPermissions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Opens the permissions granted by an admission; opening twice changes nothing. */
    public void open(long applicationId, String jurisdiction, String creditCode, Instant now) {
        jdbc.sql("""
                insert into approval.platform_permission (application_id, jurisdiction, credit_code, status, changed_at)
                values (:app, :j, :c, 'OPEN', :now) on conflict (application_id) do nothing""")
                .param("app", applicationId)
                .param("j", jurisdiction)
                .param("c", creditCode)
                .param("now", Timestamp.from(now))
                .update();
    }

    public Optional<String> statusOf(long applicationId) {
        return jdbc.sql("select status from approval.platform_permission where application_id = :app")
                .param("app", applicationId)
                .query(String.class)
                .optional();
    }
}
