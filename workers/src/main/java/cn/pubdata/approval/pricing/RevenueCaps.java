package cn.pubdata.approval.pricing;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** 最高准许收入 (PRC-03): the most an operator may earn per agreement year, set by the price authority. */
@Service
public class RevenueCaps {

    public record RevenueCap(
            long agreementId, BigDecimal maxAllowedRevenue, String basis, LocalDate periodStart, LocalDate periodEnd) {}

    private final JdbcClient jdbc;

    public RevenueCaps(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the cap of the agreement's first year once; a repeated call changes nothing. */
    public void record(
            long agreementId, BigDecimal maxAllowedRevenueYuan, String basis, LocalDate agreementStart, Instant now) {
        if (maxAllowedRevenueYuan.signum() < 0) {
            throw new IllegalArgumentException("最高准许收入不能为负数");
        }
        jdbc.sql("""
                insert into approval.revenue_cap (agreement_id, max_allowed_revenue, basis, period_start, period_end, recorded_at)
                values (:a, :cap, :basis, :start, :end, :now) on conflict (agreement_id) do nothing""")
                .param("a", agreementId)
                .param("cap", maxAllowedRevenueYuan)
                .param("basis", basis)
                .param("start", agreementStart)
                .param("end", agreementStart.plusYears(1).minusDays(1))
                .param("now", Timestamp.from(now))
                .update();
    }

    public Optional<RevenueCap> ofAgreement(long agreementId) {
        return jdbc.sql("select * from approval.revenue_cap where agreement_id = :a")
                .param("a", agreementId)
                .query((rs, n) -> new RevenueCap(
                        rs.getLong("agreement_id"),
                        rs.getBigDecimal("max_allowed_revenue"),
                        rs.getString("basis"),
                        rs.getObject("period_start", LocalDate.class),
                        rs.getObject("period_end", LocalDate.class)))
                .optional();
    }
}
