package cn.pubdata.approval.catalog;

import cn.pubdata.approval.worker.ExternalTaskHandler;
import cn.pubdata.approval.worker.WorkItem;
import java.time.Clock;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Lists the admitted operator in the catalog of authorized operators, with its agreement's provincial filing (ADM-17). */
@Component
class ListOperatorHandler implements ExternalTaskHandler {

    private final Agreements agreements;
    private final Clock clock;

    ListOperatorHandler(Agreements agreements, Clock clock) {
        this.agreements = agreements;
        this.clock = clock;
    }

    @Override
    public String topic() {
        return "catalog-list-operator";
    }

    @Override
    public Map<String, Object> handle(WorkItem task) {
        agreements.recordFiling(task.longValue("applicationId"), task.string("provincialFilingNo"));
        agreements.listOperator(
                task.string("jurisdiction"),
                task.string("operatorCreditCode"),
                task.string("companyName"),
                clock.instant());
        return Map.of();
    }
}
