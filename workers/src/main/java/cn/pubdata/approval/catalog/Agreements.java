package cn.pubdata.approval.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Agreements and authorized operators: the part of the catalog that admission writes. */
@Service
public class Agreements {

    private final JdbcClient jdbc;

    public Agreements(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the agreement of an application once; a repeated call returns the one already recorded. */
    public Agreement record(
            long applicationId,
            String agreementNo,
            String jurisdiction,
            String creditCode,
            String scope,
            LocalDate signedOn,
            int trialMonths,
            int termMonths,
            Instant now) {
        jdbc.sql("""
                insert into approval.agreement (application_id, agreement_no, jurisdiction, credit_code, scope, signed_on,
                    trial_months, term_months, starts_on, ends_on, recorded_at)
                values (:app, :no, :jur, :code, :scope, :signed, :trial, :term, :signed, :ends, :now)
                on conflict (application_id) do nothing""")
                .param("app", applicationId)
                .param("no", agreementNo)
                .param("jur", jurisdiction)
                .param("code", creditCode)
                .param("scope", scope)
                .param("signed", signedOn)
                .param("trial", trialMonths)
                .param("term", termMonths)
                .param("ends", Agreement.endOf(signedOn, trialMonths, termMonths))
                .param("now", java.sql.Timestamp.from(now))
                .update();
        return ofApplication(applicationId).orElseThrow();
    }

    public void recordFiling(long applicationId, String filingNo) {
        jdbc.sql("update approval.agreement set filing_no = :no where application_id = :app")
                .param("no", filingNo)
                .param("app", applicationId)
                .update();
    }

    /** Lists the operator as authorized in its jurisdiction (DSC-04); idempotent. */
    public void listOperator(String jurisdiction, String creditCode, String companyName, Instant now) {
        jdbc.sql("""
                insert into approval.authorized_operator (jurisdiction, credit_code, company_name, status, since)
                values (:jur, :code, :name, 'AUTHORIZED', :now)
                on conflict (jurisdiction, credit_code) do update set status = 'AUTHORIZED', company_name = excluded.company_name
                where approval.authorized_operator.status <> 'AUTHORIZED'""")
                .param("jur", jurisdiction)
                .param("code", creditCode)
                .param("name", companyName)
                .param("now", java.sql.Timestamp.from(now))
                .update();
    }

    public Optional<Agreement> ofApplication(long applicationId) {
        return jdbc.sql("select * from approval.agreement where application_id = :app")
                .param("app", applicationId)
                .query((rs, n) -> new Agreement(
                        rs.getLong("id"),
                        rs.getLong("application_id"),
                        rs.getString("agreement_no"),
                        rs.getString("jurisdiction"),
                        rs.getString("credit_code"),
                        rs.getString("scope"),
                        rs.getObject("signed_on", LocalDate.class),
                        rs.getInt("trial_months"),
                        rs.getInt("term_months"),
                        rs.getObject("starts_on", LocalDate.class),
                        rs.getObject("ends_on", LocalDate.class),
                        rs.getString("filing_no")))
                .optional();
    }

    public List<String> authorizedOperators(String jurisdiction) {
        return jdbc.sql(
                        "select credit_code from approval.authorized_operator where jurisdiction = :j and status = 'AUTHORIZED' order by credit_code")
                .param("j", jurisdiction)
                .query(String.class)
                .list();
    }
}
