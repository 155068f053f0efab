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

    /** Lists the operator as authorized in its jurisdiction; idempotent. */
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

    /** A renewal re-signed the agreement (ADM-20): it now ends later. */
    public void extend(long agreementId, java.time.LocalDate newEndsOn) {
        jdbc.sql("update approval.agreement set ends_on = :ends where id = :id")
                .param("ends", newEndsOn)
                .param("id", agreementId)
                .update();
    }

    /** The operator leaves the list of authorized operators of the jurisdiction (its exit); idempotent. */
    public void operatorExited(String jurisdiction, String creditCode) {
        jdbc.sql("""
                update approval.authorized_operator set status = 'EXITED'
                where jurisdiction = :j and credit_code = :c and status <> 'EXITED'""").param("j", jurisdiction).param("c", creditCode).update();
    }

    /** Whether the operator is listed as authorized in the jurisdiction now. */
    public boolean isAuthorized(String jurisdiction, String creditCode) {
        return jdbc.sql("""
                        select count(*) from approval.authorized_operator
                        where jurisdiction = :j and credit_code = :c and status = 'AUTHORIZED'""")
                        .param("j", jurisdiction)
                        .param("c", creditCode)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    private Agreement map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Agreement(
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
                rs.getString("filing_no"));
    }

    public Optional<Agreement> ofApplication(long applicationId) {
        return jdbc.sql("select * from approval.agreement where application_id = :app")
                .param("app", applicationId)
                .query(this::map)
                .optional();
    }

    public List<String> authorizedOperators(String jurisdiction) {
        return jdbc.sql(
                        "select credit_code from approval.authorized_operator where jurisdiction = :j and status = 'AUTHORIZED' order by credit_code")
                .param("j", jurisdiction)
                .query(String.class)
                .list();
    }

    /** The agreement of an operator in a jurisdiction recorded last, if it has one. */
    public Optional<Agreement> latest(String creditCode, String jurisdiction) {
        return jdbc.sql(
                        "select * from approval.agreement where credit_code = :code and jurisdiction = :j order by id desc limit 1")
                .param("code", creditCode)
                .param("j", jurisdiction)
                .query(this::map)
                .optional();
    }

    public Optional<Agreement> find(long agreementId) {
        return jdbc.sql("select * from approval.agreement where id = :id")
                .param("id", agreementId)
                .query(this::map)
                .optional();
    }

    /** CAT-11: the resources an agreement authorizes, i.e. those their providers consented to at admission (CAT-03). */
    public List<String> grantedResources(long agreementId) {
        return jdbc.sql("""
                select r.resource_code from approval.application_resource r
                join approval.agreement a on a.application_id = r.admission_application_id
                where a.id = :id and r.consent = 'CONSENTED' order by r.resource_code""").param("id", agreementId).query(String.class).list();
    }

    /** The operator's name as its admission recorded it. */
    public String operatorName(Agreement agreement) {
        return jdbc.sql("select company_name from approval.admission_application where id = :app")
                .param("app", agreement.applicationId())
                .query(String.class)
                .single();
    }

    /** Where the operator of an admission application receives e-mail: the contact it named. */
    public String contactEmailOfApplication(long applicationId) {
        return jdbc.sql("select contact_email from approval.admission_application where id = :app")
                .param("app", applicationId)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    /** Every agreement of an operator, newest first. */
    public List<Agreement> ofOperator(String creditCode) {
        return jdbc.sql("select * from approval.agreement where credit_code = :code order by id desc")
                .param("code", creditCode)
                .query(this::map)
                .list();
    }
}
