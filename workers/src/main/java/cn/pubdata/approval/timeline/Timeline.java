package cn.pubdata.approval.timeline;

import cn.pubdata.approval.common.Actor;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What happened to each subject (an application, a scenario, a product …), named by its {@link Subjects subject key}.
 * A dedupe key makes a repeated write (a repeated delivery) a no-op. Every entry is also an entry of the audit log:
 * {@link AuditChain} links it to the one before by its hash.
 */
@Service
public class Timeline {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditChain chain;

    public Timeline(JdbcClient jdbc, Clock clock, AuditChain chain) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.chain = chain;
    }

    /** An entry whose actor is named by one text: the system, a worker, or a reviewer with their unit. */
    public void record(String subject, String title, String detail, String actor, String dedupeKey) {
        chain.append(subject, clock.instant(), title, detail, actor, null, dedupeKey);
    }

    /** An entry by a person signed in: their name and their unit (company or reviewing unit) as the token says. */
    public void record(String subject, String title, String detail, Actor actor, String dedupeKey) {
        chain.append(subject, clock.instant(), title, detail, actor.person(), actor.unit(), dedupeKey);
    }

    public List<TimelineEntry> of(String subject) {
        return jdbc.sql("""
                        select at, title, detail,
                               case when actor_unit is null then actor else actor || '（' || actor_unit || '）' end as actor
                        from approval.timeline_event where subject = :subject order by at, seq""")
                .param("subject", subject)
                .query((rs, n) -> new TimelineEntry(
                        rs.getTimestamp("at").toInstant(),
                        rs.getString("title"),
                        rs.getString("detail"),
                        rs.getString("actor")))
                .list();
    }
}
