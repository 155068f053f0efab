package cn.pubdata.approval.disclosure;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** What the public sees: publicity notices (公示) and disclosures (披露) of operators, scope, products and prices. */
@Service
public class Disclosures {

    public record Entry(String kind, String jurisdiction, String title, String content, Instant publishedAt) {}

    private final JdbcClient jdbc;

    public Disclosures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void publish(String dedupeKey, String jurisdiction, String kind, String title, String content, Instant now) {
        jdbc.sql("""
                insert into approval.disclosure_entry (dedupe_key, jurisdiction, kind, title, content, published_at)
                values (:k, :j, :kind, :t, :c, :now) on conflict (dedupe_key) do nothing""")
                .param("k", dedupeKey)
                .param("j", jurisdiction)
                .param("kind", kind)
                .param("t", title)
                .param("c", content)
                .param("now", Timestamp.from(now))
                .update();
    }

    /** A publicity notice with its period, which the public site lists and takes objections to (ADM-13, APL-03). */
    public void publicity(
            long applicationId,
            String jurisdiction,
            String companyName,
            String title,
            String content,
            Instant startsAt,
            Instant endsAt) {
        jdbc.sql("""
                insert into approval.publicity_notice
                    (application_id, jurisdiction, company_name, title, content, starts_at, ends_at)
                values (:app, :j, :company, :t, :c, :starts, :ends) on conflict (application_id) do nothing""")
                .param("app", applicationId)
                .param("j", jurisdiction)
                .param("company", companyName)
                .param("t", title)
                .param("c", content)
                .param("starts", Timestamp.from(startsAt))
                .param("ends", Timestamp.from(endsAt))
                .update();
    }

    public List<Entry> of(String jurisdiction) {
        return jdbc.sql(
                        "select kind, jurisdiction, title, content, published_at from approval.disclosure_entry where jurisdiction = :j order by published_at desc, id desc")
                .param("j", jurisdiction)
                .query((rs, n) -> new Entry(
                        rs.getString("kind"),
                        rs.getString("jurisdiction"),
                        rs.getString("title"),
                        rs.getString("content"),
                        rs.getTimestamp("published_at").toInstant()))
                .list();
    }
}
