package cn.pubdata.approval.pricing;

import cn.pubdata.approval.common.Problem;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The revenue ledger: the maximum allowed revenue (PRC-03) set at admission and each later re-evaluation of it, against
 * the revenue the operator reports per period in its evaluation report. A period shorter than a year is compared with
 * the yearly cap pro rata by days. Revenue above the cap is flagged once.
 */
@Service
public class RevenueLedger {

    /** One period of an agreement: what was reported, the cap in force at its end, and whether it exceeds it. */
    public record Row(
            long id,
            long agreementId,
            LocalDate periodFrom,
            LocalDate periodTo,
            BigDecimal revenueYuan,
            BigDecimal capYuan,
            BigDecimal yearlyCapYuan,
            boolean over,
            BigDecimal overByYuan,
            Long evaluationId,
            Instant reportedAt,
            Instant flaggedAt) {}

    /** One cap the price authority set, from the day it applies. */
    public record Cap(
            long agreementId, BigDecimal maxAllowedRevenueYuan, String basis, LocalDate effectiveFrom, String setBy) {}

    private final JdbcClient jdbc;
    private final RevenueCaps caps;
    private final Clock clock;

    public RevenueLedger(JdbcClient jdbc, RevenueCaps caps, Clock clock) {
        this.jdbc = jdbc;
        this.caps = caps;
        this.clock = clock;
    }

    /** Records the revenue an operator reported for a period once; a repeated call returns the row recorded. */
    @Transactional
    public Row report(long agreementId, LocalDate from, LocalDate to, BigDecimal revenueYuan, Long evaluationId) {
        if (revenueYuan == null || revenueYuan.signum() < 0) {
            throw Problem.invalid("revenueYuan", "收入不能为负数");
        }
        jdbc.sql("""
                insert into approval.revenue_report (agreement_id, period_from, period_to, revenue_yuan, evaluation_id, reported_at)
                values (:a, :from, :to, :revenue, :evaluation, :now) on conflict (agreement_id, period_from, period_to) do nothing""")
                .param("a", agreementId)
                .param("from", from)
                .param("to", to)
                .param("revenue", revenueYuan)
                .param("evaluation", evaluationId)
                .param("now", Timestamp.from(clock.instant()))
                .update();
        return ledger(agreementId).stream()
                .filter(r -> r.periodFrom().equals(from) && r.periodTo().equals(to))
                .findFirst()
                .orElseThrow();
    }

    /** Marks a row over the cap as flagged; returns false when it had been flagged already. */
    @Transactional
    public boolean flag(long rowId) {
        return jdbc.sql("update approval.revenue_report set flagged_at = :now where id = :id and flagged_at is null")
                        .param("now", Timestamp.from(clock.instant()))
                        .param("id", rowId)
                        .update()
                == 1;
    }

    /** PRC-03: the price authority's periodic re-evaluation sets the cap that applies from a day on; once per key. */
    @Transactional
    public void setCap(
            long agreementId,
            BigDecimal capYuan,
            String basis,
            LocalDate effectiveFrom,
            String setBy,
            String dedupeKey) {
        if (capYuan == null || capYuan.signum() < 0) {
            throw Problem.invalid("maxAllowedRevenueWan", "最高准许收入不能为负数");
        }
        if (basis == null || basis.isBlank()) {
            throw Problem.invalid("revenueCapBasis", "请写明核定依据");
        }
        jdbc.sql("""
                insert into approval.revenue_cap_change (agreement_id, max_allowed_revenue, basis, effective_from, set_by, set_at, dedupe_key)
                values (:a, :cap, :basis, :from, :by, :now, :key) on conflict (dedupe_key) do nothing""")
                .param("a", agreementId)
                .param("cap", capYuan)
                .param("basis", basis.trim())
                .param("from", effectiveFrom)
                .param("by", setBy)
                .param("now", Timestamp.from(clock.instant()))
                .param("key", dedupeKey)
                .update();
    }

    /** Every cap of an agreement, the one set at admission first. */
    public List<Cap> caps(long agreementId) {
        List<Cap> later = jdbc.sql("""
                select * from approval.revenue_cap_change where agreement_id = :a order by effective_from, id""")
                .param("a", agreementId)
                .query((rs, n) -> new Cap(
                        agreementId,
                        rs.getBigDecimal("max_allowed_revenue"),
                        rs.getString("basis"),
                        rs.getObject("effective_from", LocalDate.class),
                        rs.getString("set_by")))
                .list();
        return caps.ofAgreement(agreementId)
                .map(first -> java.util.stream.Stream.concat(
                                java.util.stream.Stream.of(new Cap(
                                        agreementId,
                                        first.maxAllowedRevenue(),
                                        first.basis(),
                                        first.periodStart(),
                                        "价格主管部门（准入时核定）")),
                                later.stream())
                        .toList())
                .orElse(later);
    }

    /** The yearly cap in force on a day: the last one set on or before it. */
    public Optional<BigDecimal> capOn(long agreementId, LocalDate day) {
        BigDecimal cap = null;
        for (Cap c : caps(agreementId)) {
            if (!c.effectiveFrom().isAfter(day) || cap == null) {
                cap = c.maxAllowedRevenueYuan();
            }
        }
        return Optional.ofNullable(cap);
    }

    /** One operator's period in a jurisdiction's ledger. */
    public record OperatorRow(long agreementId, String agreementNo, String creditCode, String companyName, Row row) {}

    /** The ledger of every operator of a jurisdiction: cap against revenue, per operator and period. */
    public List<OperatorRow> ofJurisdiction(String jurisdiction) {
        List<OperatorRow> rows = new java.util.ArrayList<>();
        jdbc.sql("""
                select a.id, a.agreement_no, a.credit_code, app.company_name from approval.agreement a
                join approval.admission_application app on app.id = a.application_id
                where a.jurisdiction = :j and exists (select 1 from approval.revenue_report r where r.agreement_id = a.id)
                order by app.company_name, a.id""")
                .param("j", jurisdiction)
                .query((rs, n) -> {
                    long id = rs.getLong("id");
                    for (Row row : ledger(id)) {
                        rows.add(new OperatorRow(
                                id,
                                rs.getString("agreement_no"),
                                rs.getString("credit_code"),
                                rs.getString("company_name"),
                                row));
                    }
                    return id;
                })
                .list();
        return rows;
    }

    /** The ledger of an agreement, oldest period first. */
    public List<Row> ledger(long agreementId) {
        return jdbc.sql("select * from approval.revenue_report where agreement_id = :a order by period_from, id")
                .param("a", agreementId)
                .query((rs, n) -> {
                    LocalDate from = rs.getObject("period_from", LocalDate.class);
                    LocalDate to = rs.getObject("period_to", LocalDate.class);
                    BigDecimal revenue = rs.getBigDecimal("revenue_yuan");
                    BigDecimal yearly = capOn(agreementId, to).orElse(null);
                    BigDecimal cap = yearly == null ? null : prorated(yearly, from, to);
                    boolean over = cap != null && revenue.compareTo(cap) > 0;
                    Timestamp flagged = rs.getTimestamp("flagged_at");
                    return new Row(
                            rs.getLong("id"),
                            agreementId,
                            from,
                            to,
                            revenue,
                            cap,
                            yearly,
                            over,
                            over ? revenue.subtract(cap) : BigDecimal.ZERO,
                            (Long) rs.getObject("evaluation_id"),
                            rs.getTimestamp("reported_at").toInstant(),
                            flagged == null ? null : flagged.toInstant());
                })
                .list();
    }

    /** A yearly cap for a shorter period, pro rata by days; a full year (or more) keeps the whole cap. */
    static BigDecimal prorated(BigDecimal yearly, LocalDate from, LocalDate to) {
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        long yearDays = ChronoUnit.DAYS.between(from, from.plusYears(1));
        if (days >= yearDays) {
            return yearly;
        }
        return yearly.multiply(BigDecimal.valueOf(days)).divide(BigDecimal.valueOf(yearDays), 2, RoundingMode.HALF_UP);
    }
}
