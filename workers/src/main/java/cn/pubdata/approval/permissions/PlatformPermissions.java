package cn.pubdata.approval.permissions;

import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An operator's use permissions on the operation platform, one row per admission: opened, suspended, restored,
 * closed. Each change is idempotent (a repeated call with the same key, or a call that finds the permissions already
 * where it would take them, changes nothing) and keeps its history: from, to, cause, actor and time. Closed is final.
 */
@Service
public class PlatformPermissions {

    public enum Status {
        OPEN("已开通"),
        SUSPENDED("已暂停"),
        CLOSED("已关闭");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One change of the permissions, as the history shows it. */
    public record Change(long applicationId, Status from, Status to, String cause, String actor, Instant at) {

        @com.fasterxml.jackson.annotation.JsonProperty("toLabel")
        public String toLabel() {
            return to.label();
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Timeline audit;

    public PlatformPermissions(JdbcClient jdbc, Clock clock, Timeline audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
    }

    /** Opens the permissions granted by an admission; opening twice changes nothing. */
    @Transactional
    public void open(long applicationId, String jurisdiction, String creditCode, Instant now) {
        int inserted = jdbc.sql("""
                insert into approval.platform_permission (application_id, jurisdiction, credit_code, status, changed_at)
                values (:app, :j, :c, 'OPEN', :now) on conflict (application_id) do nothing""")
                .param("app", applicationId)
                .param("j", jurisdiction)
                .param("c", creditCode)
                .param("now", Timestamp.from(now))
                .update();
        if (inserted == 1) {
            history(applicationId, null, Status.OPEN, "准入：岗前培训通过，开通平台使用权限", "系统", "opened:" + applicationId, now);
        }
    }

    /** Suspends open permissions (暂时关闭); already suspended or closed permissions stay as they are. */
    @Transactional
    public boolean suspend(long applicationId, String cause, String actor, String dedupeKey) {
        return move(applicationId, Status.OPEN, Status.SUSPENDED, cause, actor, dedupeKey);
    }

    /** Restores suspended permissions; open ones stay open. Closed permissions are never restored: exit is final. */
    @Transactional
    public boolean restore(long applicationId, String cause, String actor, String dedupeKey) {
        if (statusOf(applicationId).orElse(null) == Status.CLOSED) {
            throw new IllegalStateException("平台使用权限已关闭（已退出），不能恢复；重新准入是唯一途径");
        }
        return move(applicationId, Status.SUSPENDED, Status.OPEN, cause, actor, dedupeKey);
    }

    /** Closes the permissions, open or suspended; closing twice changes nothing. */
    @Transactional
    public boolean close(long applicationId, String cause, String actor, String dedupeKey) {
        return move(applicationId, Status.OPEN, Status.CLOSED, cause, actor, dedupeKey)
                || move(applicationId, Status.SUSPENDED, Status.CLOSED, cause, actor, dedupeKey);
    }

    public Optional<Status> statusOf(long applicationId) {
        return jdbc.sql("select status from approval.platform_permission where application_id = :app")
                .param("app", applicationId)
                .query(String.class)
                .optional()
                .map(Status::valueOf);
    }

    /** Every change, oldest first. */
    public List<Change> history(long applicationId) {
        return jdbc.sql("""
                select * from approval.platform_permission_change where application_id = :app order by at, id""").param("app", applicationId).query(this::change).list();
    }

    private boolean move(long applicationId, Status from, Status to, String cause, String actor, String dedupeKey) {
        Instant now = clock.instant();
        int changed = jdbc.sql("""
                update approval.platform_permission set status = :to, changed_at = :now
                where application_id = :app and status = :from""")
                .param("to", to.name())
                .param("now", Timestamp.from(now))
                .param("app", applicationId)
                .param("from", from.name())
                .update();
        if (changed == 0) {
            return false;
        }
        history(applicationId, from, to, cause, actor, dedupeKey, now);
        return true;
    }

    private void history(
            long applicationId, Status from, Status to, String cause, String actor, String dedupeKey, Instant now) {
        jdbc.sql("""
                insert into approval.platform_permission_change (application_id, from_status, to_status, cause, actor, at, dedupe_key)
                values (:app, :from, :to, :cause, :actor, :at, :key) on conflict (dedupe_key) do nothing""")
                .param("app", applicationId)
                .param("from", from == null ? null : from.name())
                .param("to", to.name())
                .param("cause", cause)
                .param("actor", actor)
                .param("at", Timestamp.from(now))
                .param("key", dedupeKey)
                .update();
        audit.record(
                Subjects.permissions(applicationId),
                "平台使用权限：" + (from == null ? "未开通" : from.label()) + " → " + to.label(),
                cause,
                actor,
                dedupeKey == null ? null : "permission:" + dedupeKey);
    }

    private Change change(ResultSet rs, int n) throws SQLException {
        String from = rs.getString("from_status");
        return new Change(
                rs.getLong("application_id"),
                from == null ? null : Status.valueOf(from),
                Status.valueOf(rs.getString("to_status")),
                rs.getString("cause"),
                rs.getString("actor"),
                rs.getTimestamp("at").toInstant());
    }
}
