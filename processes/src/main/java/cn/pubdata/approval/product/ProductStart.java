package cn.pubdata.approval.product;

import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Every product review starts from its stored facts: the forms' variables come from the product's service, and the
 * product knows its process instance.
 */
@Component("productStart")
public class ProductStart implements ExecutionListener {

    private final Products products;

    public ProductStart(Products products) {
        this.products = products;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Product product = products.get(((Number) execution.getVariable("productId")).longValue());
        execution.setVariables(products.facts(product));
        execution.setVariable("supplementRounds", 0);
        execution.setVariable("expertConsulted", false);
        execution.setVariable("reviewSummary", "");
        products.startedAs(product, execution.getProcessInstanceId());
    }
}
