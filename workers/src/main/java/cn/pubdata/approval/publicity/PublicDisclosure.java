package cn.pubdata.approval.publicity;

import cn.pubdata.approval.admission.ApplicationStatus;
import cn.pubdata.approval.agreement.AgreementState;
import cn.pubdata.approval.policy.PolicyProfiles;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What the public disclosure site shows without login: the authorized operators with their scope, term and state
 * (the selected operator and its scope made public), the publicity notices with their period, and where an objection stands by its receipt number. Only
 * what the rules make public: companies, scopes, dates and states; never a person's contact.
 */
@Service
public class PublicDisclosure {

    public record Operator(
            String jurisdiction,
            String jurisdictionName,
            String companyName,
            String creditCode,
            String scope,
            LocalDate startsOn,
            LocalDate endsOn,
            String state,
            String stateLabel) {}

    public record PublicityNotice(
            long id,
            String jurisdiction,
            String jurisdictionName,
            String companyName,
            String title,
            String content,
            Instant startsAt,
            Instant endsAt,
            boolean open) {}

    public record ObjectionReceipt(String receiptNo, Instant filedAt, String noticeTitle, String status) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final PolicyProfiles profiles;

    public PublicDisclosure(JdbcClient jdbc, Clock clock, PolicyProfiles profiles) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.profiles = profiles;
    }

    /**
     * DSC-04, DSC-05: operators whose agreement has begun, in a jurisdiction or in all, with scope, term and current
     * state (their approved scenarios are public in the operation catalog).
     */
    public List<Operator> operators(String jurisdiction) {
        return jdbc.sql("""
                select a.jurisdiction, app.company_name, a.credit_code, a.scope, a.starts_on, a.ends_on, a.state
                from approval.agreement a join approval.admission_application app on app.id = a.application_id
                where a.state is not null and (cast(:j as varchar) is null or a.jurisdiction = :j)
                order by a.jurisdiction, a.starts_on desc, a.id desc""")
                .param("j", jurisdiction)
                .query((rs, n) -> {
                    AgreementState state = AgreementState.valueOf(rs.getString("state"));
                    return new Operator(
                            rs.getString("jurisdiction"),
                            name(rs.getString("jurisdiction")),
                            rs.getString("company_name"),
                            rs.getString("credit_code"),
                            rs.getString("scope"),
                            rs.getDate("starts_on").toLocalDate(),
                            rs.getDate("ends_on").toLocalDate(),
                            state.name(),
                            state.label());
                })
                .list();
    }

    /** Publicity notices, newest first; those whose period is running are open to objections. */
    public List<PublicityNotice> publicity(String jurisdiction) {
        return jdbc.sql("""
                select * from approval.publicity_notice
                where cast(:j as varchar) is null or jurisdiction = :j
                order by starts_at desc, id desc""")
                .param("j", jurisdiction)
                .query((rs, n) -> notice(rs))
                .list();
    }

    public Optional<PublicityNotice> notice(long id) {
        return jdbc.sql("select * from approval.publicity_notice where id = :id")
                .param("id", id)
                .query((rs, n) -> notice(rs))
                .optional();
    }

    /** The application a notice publicises: objections to the notice are objections to it. */
    public long applicationOf(long noticeId) {
        return jdbc.sql("select application_id from approval.publicity_notice where id = :id")
                .param("id", noticeId)
                .query(Long.class)
                .single();
    }

    /** Where an objection stands, by the receipt number it was answered with. */
    public Optional<ObjectionReceipt> objection(String receiptNo) {
        return jdbc.sql("""
                select o.receipt_no, o.filed_at, n.title, app.status
                from approval.objection o
                join approval.admission_application app on app.id = o.application_id
                left join approval.publicity_notice n on n.application_id = o.application_id
                where o.receipt_no = :no""")
                .param("no", receiptNo == null ? "" : receiptNo.trim().toUpperCase())
                .query((rs, n) -> new ObjectionReceipt(
                        rs.getString("receipt_no"),
                        rs.getTimestamp("filed_at").toInstant(),
                        rs.getString("title"),
                        ApplicationStatus.valueOf(rs.getString("status")) == ApplicationStatus.IN_REVIEW
                                ? "已受理，正在核查（签订协议前处理完毕）"
                                : "已办结：申请已"
                                        + ApplicationStatus.valueOf(rs.getString("status"))
                                                .label()))
                .optional();
    }

    private PublicityNotice notice(java.sql.ResultSet rs) throws java.sql.SQLException {
        Instant starts = rs.getTimestamp("starts_at").toInstant();
        Instant ends = rs.getTimestamp("ends_at").toInstant();
        Instant now = clock.instant();
        return new PublicityNotice(
                rs.getLong("id"),
                rs.getString("jurisdiction"),
                name(rs.getString("jurisdiction")),
                rs.getString("company_name"),
                rs.getString("title"),
                rs.getString("content"),
                starts,
                ends,
                !now.isBefore(starts) && now.isBefore(ends));
    }

    private String name(String jurisdiction) {
        return profiles.exists(jurisdiction) ? profiles.of(jurisdiction).name() : jurisdiction;
    }

    static Timestamp at(Instant instant) {
        return Timestamp.from(instant);
    }
}
