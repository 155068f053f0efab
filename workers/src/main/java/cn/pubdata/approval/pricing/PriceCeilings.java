package cn.pubdata.approval.pricing;

import cn.pubdata.approval.catalog.Agreement;
import cn.pubdata.approval.catalog.Agreements;
import cn.pubdata.approval.common.Actor;
import cn.pubdata.approval.common.Problem;
import cn.pubdata.approval.policy.PolicyProfile;
import cn.pubdata.approval.policy.PolicyProfiles;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 上限收费标准 (PRC-04): in a jurisdiction whose profile sets ceilings, the price authority sets, for each operator and
 * each product category, the most a unit of such a product may cost, within the operator's maximum allowed revenue
 * (PRC-03). Every change is kept with its basis, who and when.
 */
@Service
public class PriceCeilings {

    public static final String PRICING_OFFICER = "pricing-officer";

    public record PriceCeiling(
            String jurisdiction,
            String creditCode,
            ProductCategory category,
            BigDecimal ceilingYuan,
            String basis,
            String setBy,
            Instant setAt) {}

    private final JdbcClient jdbc;
    private final Agreements agreements;
    private final RevenueCaps caps;
    private final PolicyProfiles profiles;
    private final Clock clock;

    public PriceCeilings(
            JdbcClient jdbc, Agreements agreements, RevenueCaps caps, PolicyProfiles profiles, Clock clock) {
        this.jdbc = jdbc;
        this.agreements = agreements;
        this.caps = caps;
        this.profiles = profiles;
        this.clock = clock;
    }

    /**
     * Sets (or changes) the ceiling of one category for one operator. Only the price authority sets it, only where the
     * jurisdiction's profile has ceilings, only for an operator whose maximum allowed revenue is set, and never above
     * that revenue.
     */
    @Transactional
    public PriceCeiling set(
            String jurisdiction,
            String creditCode,
            ProductCategory category,
            BigDecimal ceilingYuan,
            String basis,
            Actor actor) {
        if (actor == null || !actor.groups().contains(PRICING_OFFICER)) {
            throw Problem.invalid("setBy", "上限收费标准由价格主管部门核定（PRC-04）");
        }
        PolicyProfile profile = profiles.of(jurisdiction);
        if (!profile.priceCeilings()) {
            throw Problem.invalid("jurisdiction", profile.name() + "不按产品类别核定上限收费标准");
        }
        if (category == null) {
            throw Problem.invalid("category", "请选择产品类别");
        }
        if (ceilingYuan == null || ceilingYuan.signum() < 0) {
            throw Problem.invalid("ceilingYuan", "请填写上限收费标准（元，不能为负数）");
        }
        if (ceilingYuan.scale() > 2) {
            throw Problem.invalid("ceilingYuan", "上限收费标准精确到分（两位小数）");
        }
        if (basis == null || basis.isBlank()) {
            throw Problem.invalid("basis", "请写明核定依据（成本构成、合理利润率等）");
        }
        Agreement agreement = agreements
                .latest(creditCode, jurisdiction)
                .orElseThrow(() -> Problem.notFound("该单位在" + profile.name() + "没有授权运营协议"));
        RevenueCaps.RevenueCap cap = caps.ofAgreement(agreement.id())
                .orElseThrow(() -> Problem.conflict("授权运营协议 " + agreement.agreementNo() + " 尚未核定最高准许收入，须先核定（PRC-03）"));
        if (ceilingYuan.compareTo(cap.maxAllowedRevenue()) > 0) {
            throw Problem.invalid(
                    "ceilingYuan",
                    "上限收费标准 " + Pricing.yuan(ceilingYuan) + " 超过该运营机构的最高准许收入 " + Pricing.yuan(cap.maxAllowedRevenue())
                            + "，须在最高准许收入范围内核定（PRC-04）");
        }
        Instant now = clock.instant();
        jdbc.sql("""
                insert into approval.price_ceiling (jurisdiction, credit_code, category, ceiling_yuan, basis, set_by, set_at)
                values (:j, :code, :category, :ceiling, :basis, :by, :at)
                on conflict (jurisdiction, credit_code, category) do update set ceiling_yuan = excluded.ceiling_yuan,
                    basis = excluded.basis, set_by = excluded.set_by, set_at = excluded.set_at""")
                .param("j", jurisdiction)
                .param("code", creditCode)
                .param("category", category.name())
                .param("ceiling", ceilingYuan)
                .param("basis", basis.trim())
                .param("by", actor.label())
                .param("at", Timestamp.from(now))
                .update();
        jdbc.sql("""
                insert into approval.price_ceiling_change (jurisdiction, credit_code, category, ceiling_yuan, basis, set_by, set_at)
                values (:j, :code, :category, :ceiling, :basis, :by, :at)""")
                .param("j", jurisdiction)
                .param("code", creditCode)
                .param("category", category.name())
                .param("ceiling", ceilingYuan)
                .param("basis", basis.trim())
                .param("by", actor.label())
                .param("at", Timestamp.from(now))
                .update();
        return find(jurisdiction, creditCode, category).orElseThrow();
    }

    public Optional<PriceCeiling> find(String jurisdiction, String creditCode, ProductCategory category) {
        return jdbc.sql("""
                select * from approval.price_ceiling
                where jurisdiction = :j and credit_code = :code and category = :category""")
                .param("j", jurisdiction)
                .param("code", creditCode)
                .param("category", category.name())
                .query(this::map)
                .optional();
    }

    /** The operator's current ceilings in the jurisdiction, one per category set. */
    public List<PriceCeiling> of(String jurisdiction, String creditCode) {
        return jdbc.sql("""
                select * from approval.price_ceiling where jurisdiction = :j and credit_code = :code order by category""")
                .param("j", jurisdiction)
                .param("code", creditCode)
                .query(this::map)
                .list();
    }

    /** Every ceiling ever set for the operator in the jurisdiction, oldest first. */
    public List<PriceCeiling> history(String jurisdiction, String creditCode) {
        return jdbc.sql("""
                select * from approval.price_ceiling_change where jurisdiction = :j and credit_code = :code
                order by set_at, id""")
                .param("j", jurisdiction)
                .param("code", creditCode)
                .query(this::map)
                .list();
    }

    private PriceCeiling map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new PriceCeiling(
                rs.getString("jurisdiction"),
                rs.getString("credit_code"),
                ProductCategory.valueOf(rs.getString("category")),
                rs.getBigDecimal("ceiling_yuan"),
                rs.getString("basis"),
                rs.getString("set_by"),
                rs.getTimestamp("set_at").toInstant());
    }
}
