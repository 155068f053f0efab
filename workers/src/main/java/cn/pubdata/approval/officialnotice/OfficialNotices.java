package cn.pubdata.approval.officialnotice;

import cn.pubdata.approval.common.Clocks;
import cn.pubdata.approval.policy.PolicyProfile;
import cn.pubdata.approval.policy.PolicyProfiles;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues official notices under document numbers (文号) such as 景数授〔2026〕12号: one gapless sequence per jurisdiction
 * and year. The sequence row is locked before the notice's key is looked up, so that two deliveries of the same step
 * (a retry, a second engine node) wait for each other and the second finds the first's notice instead of taking a
 * second number.
 */
@Service
public class OfficialNotices {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final PolicyProfiles profiles;

    public OfficialNotices(JdbcClient jdbc, Clock clock, PolicyProfiles profiles) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.profiles = profiles;
    }

    /** The notice under its number: issued now, or the one this step issued before. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public OfficialNotice issue(NoticeDraft draft) {
        Optional<OfficialNotice> issued = byKey(draft.dedupeKey());
        if (issued.isPresent()) {
            return issued.get();
        }
        PolicyProfile profile = profiles.of(draft.jurisdiction());
        Instant now = clock.instant();
        int year = now.atZone(Clocks.BEIJING).getYear();
        jdbc.sql("""
                insert into approval.document_number_sequence (jurisdiction, year) values (:j, :y)
                on conflict do nothing""").param("j", draft.jurisdiction()).param("y", year).update();
        int last = jdbc.sql("""
                select last_number from approval.document_number_sequence
                where jurisdiction = :j and year = :y for update""")
                .param("j", draft.jurisdiction())
                .param("y", year)
                .query(Integer.class)
                .single();
        issued = byKey(draft.dedupeKey());
        if (issued.isPresent()) {
            return issued.get();
        }
        int number = last + 1;
        jdbc.sql("""
                update approval.document_number_sequence set last_number = :n where jurisdiction = :j and year = :y""")
                .param("n", number)
                .param("j", draft.jurisdiction())
                .param("y", year)
                .update();
        jdbc.sql("""
                insert into approval.official_notice (dedupe_key, jurisdiction, year, number, document_number, kind,
                    subject, credit_code, addressee, title, body, issuer, issued_at)
                values (:key, :j, :y, :n, :doc, :kind, :subject, :credit, :addressee, :title, :body, :issuer, :at)""")
                .param("key", draft.dedupeKey())
                .param("j", draft.jurisdiction())
                .param("y", year)
                .param("n", number)
                .param("doc", documentNumber(profile.documentNumberPrefix(), year, number))
                .param("kind", draft.kind().name())
                .param("subject", draft.subject())
                .param("credit", draft.creditCode())
                .param("addressee", draft.addressee())
                .param("title", draft.title())
                .param("body", draft.body())
                .param("issuer", issuer(profile))
                .param("at", Timestamp.from(now))
                .update();
        return byKey(draft.dedupeKey()).orElseThrow();
    }

    /** 景数授〔2026〕12号 */
    public static String documentNumber(String prefix, int year, int number) {
        return prefix + "〔" + year + "〕" + number + "号";
    }

    /** The line a notice's in-app and e-mail text ends with, so that the operator can find and print it. */
    public static String reference(OfficialNotice notice) {
        return "\n\n文号：" + notice.documentNumber() + "（" + notice.issuer() + "，可在门户“正式通知”中查看和打印）";
    }

    public Optional<OfficialNotice> get(long id) {
        return jdbc.sql("select * from approval.official_notice where id = :id")
                .param("id", id)
                .query(OfficialNotices::notice)
                .optional();
    }

    /** An operator's notices, newest first. */
    public List<OfficialNotice> ofCompany(String creditCode) {
        return jdbc.sql(
                        "select * from approval.official_notice where credit_code = :c order by issued_at desc, id desc")
                .param("c", creditCode)
                .query(OfficialNotices::notice)
                .list();
    }

    /** The notices of one case (ADM-1, RECT-3 …), oldest first. */
    public List<OfficialNotice> ofSubject(String subject) {
        return jdbc.sql("select * from approval.official_notice where subject = :s order by issued_at, id")
                .param("s", subject)
                .query(OfficialNotices::notice)
                .list();
    }

    private Optional<OfficialNotice> byKey(String key) {
        return jdbc.sql("select * from approval.official_notice where dedupe_key = :k")
                .param("k", key)
                .query(OfficialNotices::notice)
                .optional();
    }

    private static String issuer(PolicyProfile profile) {
        return profile.name() + "数据主管部门";
    }

    private static OfficialNotice notice(ResultSet rs, int n) throws SQLException {
        OfficialNotice.Kind kind = OfficialNotice.Kind.valueOf(rs.getString("kind"));
        return new OfficialNotice(
                rs.getLong("id"),
                rs.getString("document_number"),
                kind,
                kind.label(),
                rs.getString("jurisdiction"),
                rs.getString("subject"),
                rs.getString("credit_code"),
                rs.getString("addressee"),
                rs.getString("title"),
                rs.getString("body"),
                rs.getString("issuer"),
                rs.getTimestamp("issued_at").toInstant());
    }
}
