package cn.pubdata.approval.operations;

import cn.pubdata.approval.worker.ExternalTaskWorkers;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * {@code approval_worker_failures_total{topic=…}}: failures the workers of this process reported per topic (each one
 * a retry, the last one an incident). Every subscribed topic is listed from the start, at 0.
 */
@Component
public class WorkerMetrics implements SmartInitializingSingleton {

    private final ExternalTaskWorkers workers;
    private final MeterRegistry registry;

    public WorkerMetrics(ExternalTaskWorkers workers, MeterRegistry registry) {
        this.workers = workers;
        this.registry = registry;
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (String topic : workers.topics()) {
            AtomicLong failures = workers.failuresPerTopic().computeIfAbsent(topic, t -> new AtomicLong());
            FunctionCounter.builder("approval.worker.failures", failures, AtomicLong::get)
                    .description("外部任务失败次数（每次失败重试一次，最后一次生成事故）")
                    .tag("topic", topic)
                    .register(registry);
        }
    }
}
