package cn.pubdata.approval.pricing;

import cn.pubdata.approval.worker.ExternalTaskHandler;
import cn.pubdata.approval.worker.WorkItem;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Records the maximum allowed revenue the pricing officer set for the agreement (PRC-03), entered in 万元. */
@Component
class RecordRevenueCapHandler implements ExternalTaskHandler {

    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

    private final RevenueCaps caps;
    private final Clock clock;

    RecordRevenueCapHandler(RevenueCaps caps, Clock clock) {
        this.caps = caps;
        this.clock = clock;
    }

    @Override
    public String topic() {
        return "pricing-record-revenue-cap";
    }

    @Override
    public Map<String, Object> handle(WorkItem task) {
        BigDecimal wan = new BigDecimal(task.string("maxAllowedRevenueWan"));
        caps.record(
                task.longValue("agreementId"),
                wan.multiply(TEN_THOUSAND),
                task.string("revenueCapBasis"),
                task.date("agreementSignedOn"),
                clock.instant());
        return Map.of();
    }
}
