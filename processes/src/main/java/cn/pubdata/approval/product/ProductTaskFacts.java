package cn.pubdata.approval.product;

import cn.pubdata.approval.pricing.Pricing;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.DelegateTask;
import org.operaton.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Gives the price check what its form shows (PRC-08): one row per cost item, and the computation: total yearly cost,
 * unit cost at the expected volume, the margin the fee leaves, the ceiling of its category if set. Set on the task's
 * own execution, so it is as current as the task and leaves with it.
 */
@Component("productTaskFacts")
public class ProductTaskFacts implements TaskListener {

    private final Products products;

    public ProductTaskFacts(Products products) {
        this.products = products;
    }

    @Override
    public void notify(DelegateTask task) {
        long id = ((Number) task.getVariable("productId")).longValue();
        DelegateExecution execution = task.getExecution();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ProductCost cost : products.costs(id)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("item", cost.item().label());
            row.put("amount", Pricing.yuan(cost.amountYuan()) + "/年");
            row.put("note", cost.note() == null ? "" : cost.note());
            rows.add(row);
        }
        execution.setVariableLocal("costItems", rows);
        Pricing.Assessment a = products.pricing(id);
        execution.setVariableLocal("totalYearlyCost", Pricing.yuan(a.totalYearlyCost()) + "/年");
        execution.setVariableLocal("unitCost", Pricing.yuan(a.unitCost()));
        execution.setVariableLocal("margin", a.marginText());
        execution.setVariableLocal(
                "currentCeiling",
                a.ceiling() == null
                        ? "尚未核定：请在本任务中核定该类产品的上限收费标准"
                        : Pricing.yuan(a.ceiling().ceilingYuan()) + "（"
                                + a.ceiling().basis() + "；" + a.ceiling().setBy() + "核定）");
        execution.setVariableLocal("ceilingMissing", a.ceiling() == null);
    }
}
