package cn.pubdata.approval.product;

import cn.pubdata.approval.pricing.Pricing;
import java.math.BigDecimal;

/** One recorded cost of a product (PRC-08): its kind, the yearly amount in 元, and a note. */
public record ProductCost(int itemNo, CostItem item, BigDecimal amountYuan, String note) {

    /** "基础设施资源消耗：120,000.00 元/年（云主机）" */
    public String describe() {
        return item.label() + "：" + Pricing.yuan(amountYuan) + "/年" + (note == null ? "" : "（" + note + "）");
    }
}
