package cn.pubdata.approval.operations;

import cn.pubdata.approval.dashboard.Dashboards;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.operaton.bpm.engine.ManagementService;
import org.operaton.bpm.engine.RepositoryService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.management.Metrics;
import org.operaton.bpm.engine.repository.ProcessDefinition;
import org.operaton.bpm.engine.runtime.Incident;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What an operations team watches, as Prometheus gauges read from the engine every 30 s (a scrape never queries the
 * database): open tasks per candidate group ({@code approval_tasks_open}), overdue tasks ({@code
 * approval_tasks_overdue}), flows per model and engine state ({@code approval_flows}: active, suspended, with an
 * incident), cases per flow and domain state from our tables ({@code approval_flows_state}: admissions, scenarios,
 * products, data-use requests, exits by their status, agreements by their state, finished ones included), and the
 * engine's own figures ({@code approval_engine_jobs} by kind, {@code approval_engine_incidents} by type,
 * {@code approval_engine_activity_instances_started}, {@code approval_engine_jobs_executed} by outcome). Every node
 * reports the same cluster-wide figures; aggregate with max, not sum.
 */
@Component
class BusinessGauges {

    private static final Logger log = LoggerFactory.getLogger(BusinessGauges.class);

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final RepositoryService repository;
    private final ManagementService management;
    private final long refreshSeconds;
    private final MultiGauge openTasks;
    private final MultiGauge flows;
    private final MultiGauge domainStates;
    private final Dashboards dashboards;
    private final MultiGauge incidents;
    private final MultiGauge jobs;
    private final MultiGauge engineCounts;
    private final AtomicLong overdue = new AtomicLong();
    private ScheduledExecutorService refresher;

    BusinessGauges(
            TaskService tasks,
            RuntimeService runtime,
            RepositoryService repository,
            ManagementService management,
            Dashboards dashboards,
            MeterRegistry registry,
            @Value("${approval.metrics.refresh-seconds:30}") long refreshSeconds) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.repository = repository;
        this.management = management;
        this.dashboards = dashboards;
        this.refreshSeconds = refreshSeconds;
        this.openTasks = MultiGauge.builder("approval.tasks.open")
                .description("待办任务数（按候选组）")
                .register(registry);
        this.flows = MultiGauge.builder("approval.flows")
                .description("流程实例数（按模型和状态）")
                .register(registry);
        this.domainStates = MultiGauge.builder("approval.flows.state")
                .description("业务对象数（按流程和业务状态：准入申请、场景、产品、数据需求、退出、授权运营协议）")
                .register(registry);
        this.incidents = MultiGauge.builder("approval.engine.incidents")
                .description("引擎事故数（按类型）")
                .register(registry);
        this.jobs = MultiGauge.builder("approval.engine.jobs")
                .description("引擎作业数（due：到期待执行，timer：定时器，failed：重试用尽）")
                .register(registry);
        this.engineCounts = MultiGauge.builder("approval.engine.activity")
                .description("引擎累计计数：活动实例启动、作业成功、作业失败")
                .register(registry);
        Gauge.builder("approval.tasks.overdue", overdue, AtomicLong::get)
                .description("已超过到期时间的待办任务数")
                .register(registry);
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "business-gauges");
            t.setDaemon(true);
            return t;
        });
        refresher.scheduleWithFixedDelay(this::refreshQuietly, 0, refreshSeconds, TimeUnit.SECONDS);
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        if (refresher != null) {
            refresher.shutdownNow();
        }
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            log.warn("业务指标刷新失败（下次再试）：{}", e.getMessage());
        }
    }

    /** Reads every figure once; visible for the test, which does not wait for the schedule. */
    void refresh() {
        List<MultiGauge.Row<?>> open = new ArrayList<>();
        tasks.createTaskReport()
                .taskCountByCandidateGroup()
                .forEach(r -> open.add(MultiGauge.Row.of(
                        Tags.of("group", r.getGroupName() == null ? "(none)" : r.getGroupName()), r.getTaskCount())));
        openTasks.register(open, true);
        overdue.set(tasks.createTaskQuery().dueBefore(new Date()).count());

        List<MultiGauge.Row<?>> perFlow = new ArrayList<>();
        for (ProcessDefinition model :
                repository.createProcessDefinitionQuery().latestVersion().list()) {
            String key = model.getKey();
            perFlow.add(row(
                    "model",
                    key,
                    "state",
                    "active",
                    runtime.createProcessInstanceQuery()
                            .processDefinitionKey(key)
                            .active()
                            .count()));
            perFlow.add(row(
                    "model",
                    key,
                    "state",
                    "suspended",
                    runtime.createProcessInstanceQuery()
                            .processDefinitionKey(key)
                            .suspended()
                            .count()));
            perFlow.add(row(
                    "model",
                    key,
                    "state",
                    "incident",
                    runtime.createProcessInstanceQuery()
                            .processDefinitionKey(key)
                            .withIncident()
                            .count()));
        }
        flows.register(perFlow, true);
        domainStates.register(
                dashboards.statesNow().stream()
                        .<MultiGauge.Row<?>>map(s -> row("flow", s.flow(), "state", s.status(), s.count()))
                        .toList(),
                true);

        Map<String, Long> byType = new TreeMap<>(Map.of("failedJob", 0L, "failedExternalTask", 0L));
        for (Incident incident : runtime.createIncidentQuery().list()) {
            byType.merge(incident.getIncidentType(), 1L, Long::sum);
        }
        incidents.register(
                byType.entrySet().stream()
                        .<MultiGauge.Row<?>>map(e -> MultiGauge.Row.of(Tags.of("type", e.getKey()), e.getValue()))
                        .toList(),
                true);

        jobs.register(
                List.of(
                        row(
                                "kind",
                                "due",
                                management.createJobQuery().executable().count()),
                        row(
                                "kind",
                                "timer",
                                management.createJobQuery().timers().count()),
                        row(
                                "kind",
                                "failed",
                                management.createJobQuery().noRetriesLeft().count())),
                true);
        engineCounts.register(
                List.of(
                        row("counter", "activity-instance-start", engineMetric(Metrics.ACTIVTY_INSTANCE_START)),
                        row("counter", "job-successful", engineMetric(Metrics.JOB_SUCCESSFUL)),
                        row("counter", "job-failed", engineMetric(Metrics.JOB_FAILED))),
                true);
    }

    /** The engine's counter as written to its metrics table (every node's reports, at the engine's interval). */
    private long engineMetric(String name) {
        return management.createMetricsQuery().name(name).sum();
    }

    private static MultiGauge.Row<?> row(String tag, String value, long n) {
        return MultiGauge.Row.of(Tags.of(tag, value), n);
    }

    private static MultiGauge.Row<?> row(String tag1, String value1, String tag2, String value2, long n) {
        return MultiGauge.Row.of(Tags.of(tag1, value1, tag2, value2), n);
    }
}
