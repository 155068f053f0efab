package cn.pubdata.approval.timeline;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What happened to each subject (an application, a scenario, a product …), named by its {@link Subjects subject key}.
 * A dedupe key makes a repeated write (a repeated delivery) a no-op.
 */
@Service
public class Timeline {

    private final JdbcClient jdbc;
    private final Clock clock;

    public Timeline(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(String subject, String title, String detail, String actor, String dedupeKey) {
        jdbc.sql("""
                insert into approval.timeline_event (subject, at, title, detail, actor, dedupe_key)
                values (:subject, :at, :title, :detail, :actor, :key) on conflict (dedupe_key) do nothing""")
                .param("subject", subject)
                .param("at", Timestamp.from(clock.instant()))
                .param("title", title)
                .param("detail", detail)
                .param("actor", actor)
                .param("key", dedupeKey)
                .update();
    }

    public List<TimelineEntry> of(String subject) {
        return jdbc.sql(
                        "select at, title, detail, actor from approval.timeline_event where subject = :subject order by at, id")
                .param("subject", subject)
                .query((rs, n) -> new TimelineEntry(
                        rs.getTimestamp("at").toInstant(),
                        rs.getString("title"),
                        rs.getString("detail"),
                        rs.getString("actor")))
                .list();
    }
}
