package cn.pubdata.approval.operations;

import cn.pubdata.approval.worker.ExternalTaskWorkers;
import cn.pubdata.approval.worker.WorkerProperties;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * The workers' fetch loop, as readiness sees it ({@code workers}): up while the client is active and the engine
 * answered a fetch within a long poll and a margin; down when it stopped, stalled, the last fetch failed (engine
 * unreachable) or it cannot get its token. A process whose
 * workers are switched off (an engine node) reports that, up.
 */
@Component("workers")
public class WorkerHealth extends AbstractHealthIndicator {

    private static final Duration MARGIN = Duration.ofSeconds(30);

    private final ExternalTaskWorkers workers;
    private final WorkerProperties properties;

    public WorkerHealth(ExternalTaskWorkers workers, WorkerProperties properties) {
        super("外部任务执行器检查失败");
        this.workers = workers;
        this.properties = properties;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        if (!properties.enabled()) {
            health.up().withDetail("enabled", false);
            return;
        }
        ExternalTaskWorkers.FetchLoop loop = workers.fetchLoop();
        Duration allowed = Duration.ofMillis(properties.longPollMs()).plus(MARGIN);
        boolean recent = loop.lastFetched() != null
                && loop.lastFetched().isAfter(Instant.now().minus(allowed));
        health.withDetail("topics", workers.topics().size())
                .withDetail("lastRequest", String.valueOf(loop.lastRequest()))
                .withDetail("lastFetched", String.valueOf(loop.lastFetched()));
        if (loop.tokenTrouble() != null) {
            health.down().withDetail("token", loop.tokenTrouble());
        } else if (!loop.active()) {
            health.down().withDetail("reason", "fetch loop not running");
        } else if (loop.fetchTrouble() != null) {
            health.down().withDetail("reason", loop.fetchTrouble());
        } else if (!recent) {
            health.down().withDetail("reason", "no fetch answered for more than " + allowed.toSeconds() + " s");
        } else {
            health.up();
        }
    }
}
