package cn.pubdata.approval.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The arithmetic the price check shows: unit cost, margin, and the fee against the ceiling. */
class PricingTest {

    @Test
    void unitCostIsTheYearlyCostOverTheExpectedVolumeAndTheMarginIsRelativeToIt() {
        Pricing.Assessment a = Pricing.compute(new BigDecimal("200000"), 100_000, new BigDecimal("2.50"), null);
        assertThat(a.unitCost()).isEqualByComparingTo("2.00");
        assertThat(a.margin()).isEqualByComparingTo("0.25");
        assertThat(a.marginText()).isEqualTo("25.00%");
        assertThat(a.withinCeiling()).as("no ceiling, nothing to exceed").isTrue();
    }

    @Test
    void aFeeBelowItsCostHasANegativeMarginAndAZeroCostNone() {
        assertThat(Pricing.compute(new BigDecimal("300"), 3, new BigDecimal("50"), null)
                        .marginText())
                .isEqualTo("-50.00%");
        assertThat(Pricing.compute(BigDecimal.ZERO, 10, BigDecimal.ONE, null).marginText())
                .isEqualTo("无法计算（成本为 0）");
        assertThatThrownBy(() -> Pricing.compute(BigDecimal.ONE, 0, BigDecimal.ONE, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theFeeMayReachTheCeilingButNotExceedIt() {
        PriceCeilings.PriceCeiling ceiling = new PriceCeilings.PriceCeiling(
                "chizhou",
                "91110000100006485K",
                ProductCategory.API,
                new BigDecimal("0.80"),
                "依据",
                "价格主管部门",
                Instant.EPOCH);
        assertThat(Pricing.compute(BigDecimal.TEN, 100, new BigDecimal("0.80"), ceiling)
                        .withinCeiling())
                .isTrue();
        assertThat(Pricing.compute(BigDecimal.TEN, 100, new BigDecimal("0.81"), ceiling)
                        .withinCeiling())
                .isFalse();
        assertThat(Pricing.yuan(new BigDecimal("12005000"))).isEqualTo("12,005,000.00 元");
    }
}
