package cn.pubdata.approval.pricing;

import cn.pubdata.approval.policy.PolicyProfile;
import cn.pubdata.approval.policy.PolicyProfiles;
import cn.pubdata.approval.scenario.Purpose;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The price of a data product or service. Public governance and welfare use is free (PRC-01); industry use may carry
 * an operation service fee (PRC-02), which in a jurisdiction with ceilings is a government-guided price under its
 * category's ceiling (PRC-05). What the price authority weighs: the operator's yearly costs (PRC-08), the cost of one
 * billing unit at the expected volume, and the margin the fee leaves.
 */
@Service
public class Pricing {

    /**
     * The computation the price check shows. {@code unitCost} = total yearly cost / expected yearly volume;
     * {@code margin} = (fee − unit cost) / unit cost, null when there is no cost to relate it to; {@code ceiling} null
     * where none is set.
     */
    public record Assessment(
            BigDecimal totalYearlyCost,
            long expectedYearlyVolume,
            BigDecimal unitCost,
            BigDecimal fee,
            BigDecimal margin,
            PriceCeilings.PriceCeiling ceiling) {

        public boolean withinCeiling() {
            return ceiling == null || fee.compareTo(ceiling.ceilingYuan()) <= 0;
        }

        /** The margin as a percentage with two decimals ("12.50%"), or a note where it cannot be computed. */
        public String marginText() {
            return margin == null
                    ? "无法计算（成本为 0）"
                    : margin.movePointRight(2).setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
        }
    }

    private final PriceCeilings ceilings;
    private final PolicyProfiles profiles;

    public Pricing(PriceCeilings ceilings, PolicyProfiles profiles) {
        this.ceilings = ceilings;
        this.profiles = profiles;
    }

    /** The computation for an operator's product of a category, with the ceiling where the jurisdiction sets one. */
    public Assessment assess(
            String jurisdiction,
            String creditCode,
            ProductCategory category,
            BigDecimal totalYearlyCost,
            long expectedYearlyVolume,
            BigDecimal fee) {
        PriceCeilings.PriceCeiling ceiling = ceilingsApply(jurisdiction)
                ? ceilings.find(jurisdiction, creditCode, category).orElse(null)
                : null;
        return compute(totalYearlyCost, expectedYearlyVolume, fee, ceiling);
    }

    /** The arithmetic of {@link #assess}, without looking anything up. */
    public static Assessment compute(
            BigDecimal totalYearlyCost, long expectedYearlyVolume, BigDecimal fee, PriceCeilings.PriceCeiling ceiling) {
        if (expectedYearlyVolume <= 0) {
            throw new IllegalArgumentException("expected yearly volume must be positive: " + expectedYearlyVolume);
        }
        BigDecimal unitCost = totalYearlyCost.divide(BigDecimal.valueOf(expectedYearlyVolume), 4, RoundingMode.HALF_UP);
        BigDecimal margin =
                unitCost.signum() == 0 ? null : fee.subtract(unitCost).divide(unitCost, 4, RoundingMode.HALF_UP);
        return new Assessment(totalYearlyCost, expectedYearlyVolume, unitCost, fee, margin, ceiling);
    }

    /** Whether the jurisdiction's price authority sets a ceiling per category (PRC-04). */
    public boolean ceilingsApply(String jurisdiction) {
        return profiles.of(jurisdiction).priceCeilings();
    }

    /**
     * Why a fee cannot be set for a product, if it cannot: a product for public governance or welfare is free
     * (PRC-01); in a jurisdiction with ceilings an industry fee lies under the ceiling of its category (PRC-05).
     */
    public Optional<String> feeRefusal(
            String jurisdiction, String creditCode, ProductCategory category, Purpose purpose, BigDecimal fee) {
        if (purpose == Purpose.PUBLIC_WELFARE) {
            return fee.signum() > 0 ? Optional.of("用于公共治理、公益事业的数据产品和服务免费提供，收费标准只能为 0 元（PRC-01）") : Optional.empty();
        }
        PolicyProfile profile = profiles.of(jurisdiction);
        if (!profile.priceCeilings()) {
            return Optional.empty();
        }
        return ceilings.find(jurisdiction, creditCode, category)
                .filter(c -> fee.compareTo(c.ceilingYuan()) > 0)
                .map(c -> "收费标准 " + yuan(fee) + " 高于价格主管部门为该运营机构核定的「" + category.label() + "」类上限收费标准 "
                        + yuan(c.ceilingYuan()) + "，须在上限以内确定（PRC-05）");
    }

    /** "1,234.50 元" */
    public static String yuan(BigDecimal amount) {
        return new DecimalFormat("#,##0.00##").format(amount) + " 元";
    }
}
