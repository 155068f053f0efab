package cn.pubdata.approval.worker;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.client.ExternalTaskClient;
import org.camunda.bpm.client.backoff.ErrorAwareBackoffStrategy;
import org.camunda.bpm.client.backoff.ExponentialErrorBackoffStrategy;
import org.camunda.bpm.client.exception.BadRequestException;
import org.camunda.bpm.client.exception.ExternalTaskClientException;
import org.camunda.bpm.client.exception.NotFoundException;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Subscribes every {@link ExternalTaskHandler} to its topic on the engine's REST API (fetch and lock, long polling) and
 * reports each outcome: complete, BPMN error, or failure with retries. Uses the Apache-2.0 Camunda 7 client, which
 * speaks Operaton's REST API; nothing outside this class knows which client it is.
 */
public class ExternalTaskWorkers implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ExternalTaskWorkers.class);

    private final WorkerProperties properties;
    private final List<ExternalTaskHandler> handlers;
    private final Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
    private ExternalTaskClient client;
    private volatile EngineNodes engines;
    private volatile Instant lastRequest;
    private volatile Instant lastFetched;
    private volatile String fetchTrouble;
    private volatile String tokenTrouble;
    private volatile String workerId;

    public ExternalTaskWorkers(WorkerProperties properties, List<ExternalTaskHandler> handlers) {
        this.properties = properties;
        this.handlers = handlers;
    }

    /** Starts fetching from the first of the given engine REST URLs; the others take over when it is unreachable. */
    public synchronized void start(List<String> engineRestUrls) {
        if (client != null) {
            return;
        }
        engines = new EngineNodes(engineRestUrls);
        workerId = properties.workerId() == null || properties.workerId().isBlank()
                ? "worker-" + ManagementFactory.getRuntimeMXBean().getName()
                : properties.workerId();
        var builder = ExternalTaskClient.create();
        if (properties.authenticates()) {
            ServiceAccountToken token =
                    new ServiceAccountToken(properties.tokenUrl(), properties.clientId(), properties.clientSecret());
            builder.addInterceptor(request -> {
                try {
                    request.addHeader("Authorization", "Bearer " + token.get());
                    tokenTrouble = null;
                } catch (RuntimeException e) {
                    tokenTrouble = e.getMessage();
                    throw e;
                }
            });
        }
        builder.addInterceptor(request -> lastRequest = Instant.now());
        client = builder.urlResolver(engines)
                .workerId(workerId)
                .maxTasks(10)
                .asyncResponseTimeout(properties.longPollMs())
                .lockDuration(properties.lockDurationMs())
                // long polling waits for work; only a failed fetch (engine unreachable, refused token) backs off, from
                // 0.5 s to 10 s, instead of retrying at full speed
                .backoffStrategy(new FetchOutcomes())
                .build();
        for (ExternalTaskHandler handler : handlers) {
            client.subscribe(handler.topic())
                    .lockDuration(properties.lockDurationMs())
                    .handler((task, service) -> run(handler, task, service))
                    .open();
        }
        log.info(
                "{} 已订阅 {} 个外部任务主题：{}；引擎节点（依次接替）：{}",
                workerId,
                handlers.size(),
                handlers.stream().map(ExternalTaskHandler::topic).toList(),
                engines.all());
    }

    void run(ExternalTaskHandler handler, ExternalTask task, ExternalTaskService service) {
        WorkItem item = new WorkItem(
                task.getId(),
                task.getTopicName(),
                task.getProcessInstanceId(),
                task.getBusinessKey(),
                task.getActivityId(),
                task.getActivityInstanceId(),
                new HashMap<>(task.getAllVariables()));
        MDC.put("businessKey", String.valueOf(task.getBusinessKey()));
        MDC.put("processInstanceId", task.getProcessInstanceId());
        MDC.put("topic", task.getTopicName());
        MDC.put("user", workerId);
        try {
            runLogged(handler, item, task, service);
        } finally {
            MDC.remove("businessKey");
            MDC.remove("processInstanceId");
            MDC.remove("topic");
            MDC.remove("user");
        }
    }

    private void runLogged(ExternalTaskHandler handler, WorkItem item, ExternalTask task, ExternalTaskService service) {
        Map<String, Object> result;
        try {
            result = handler.handle(item);
        } catch (BusinessOutcome outcome) {
            log.info(
                    "{}（{}）业务结果 {}：{}",
                    task.getTopicName(),
                    task.getBusinessKey(),
                    outcome.errorCode(),
                    outcome.getMessage());
            report(
                    task,
                    () -> service.handleBpmnError(
                            task,
                            outcome.errorCode(),
                            outcome.getMessage(),
                            Map.of("errorMessage", outcome.getMessage())));
            return;
        } catch (RuntimeException e) {
            fail(task, service, e);
            return;
        }
        try {
            report(task, () -> service.complete(task, result == null ? Map.of() : result));
        } catch (RuntimeException e) {
            fail(task, service, e);
        }
    }

    private void fail(ExternalTask task, ExternalTaskService service, RuntimeException e) {
        failures.computeIfAbsent(task.getTopicName(), t -> new AtomicLong()).incrementAndGet();
        int retries = task.getRetries() == null ? properties.retries() : task.getRetries() - 1;
        log.warn(
                "{}（{}）失败，剩余重试 {} 次：{}",
                task.getTopicName(),
                task.getBusinessKey(),
                Math.max(retries, 0),
                e.getMessage(),
                e);
        report(
                task,
                () -> service.handleFailure(
                        task,
                        abbreviate(e.getMessage()),
                        stackTrace(e),
                        Math.max(retries, 0),
                        properties.retryTimeoutMs()));
    }

    /** Whether the fetch loop runs: the client is active and asked the engine within the given time. */
    public FetchLoop fetchLoop() {
        ExternalTaskClient current = client;
        return new FetchLoop(
                current != null && current.isActive(), lastRequest, lastFetched, fetchTrouble, tokenTrouble);
    }

    /**
     * What the health check reads of the fetch loop: when it last asked the engine, when a fetch last succeeded (with
     * or without work), why the last one failed, if it did.
     */
    public record FetchLoop(
            boolean active, Instant lastRequest, Instant lastFetched, String fetchTrouble, String tokenTrouble) {}

    /** Records each fetch's outcome for the health check, and backs off after failed ones. */
    private final class FetchOutcomes implements ErrorAwareBackoffStrategy {

        private final ExponentialErrorBackoffStrategy backoff = new ExponentialErrorBackoffStrategy(500, 2, 10_000);

        @Override
        public void reconfigure(List<ExternalTask> tasks, ExternalTaskClientException error) {
            if (error == null) {
                lastFetched = Instant.now();
                fetchTrouble = null;
                backoff.reconfigure(tasks, null);
                return;
            }
            fetchTrouble = error.getMessage();
            String failed = engines.getBaseUrl();
            if (engines.failOver(failed, error)) {
                log.warn("引擎节点 {} 无法访问（{}），改向 {} 取任务", failed, error.getMessage(), engines.getBaseUrl());
                // the next node is asked at once, not after a back-off meant for an engine that is down
                backoff.reconfigure(tasks, null);
                return;
            }
            backoff.reconfigure(tasks, error);
        }

        @Override
        public long calculateBackoffTime() {
            return backoff.calculateBackoffTime();
        }
    }

    /** Failures reported per topic since this process started (business outcomes are not failures). */
    public Map<String, AtomicLong> failuresPerTopic() {
        return failures;
    }

    public List<String> topics() {
        return handlers.stream().map(ExternalTaskHandler::topic).toList();
    }

    /**
     * Reports an outcome to the engine. Where this worker's lock expired while it worked, the engine has handed the
     * task to another delivery and refuses the report: the work was done idempotently, so there is nothing to undo.
     */
    private void report(ExternalTask task, Runnable call) {
        try {
            callFailingOver(call);
        } catch (BadRequestException | NotFoundException refused) {
            boolean lockLost = refused instanceof NotFoundException
                    || String.valueOf(refused.getMessage()).contains("locked by");
            if (!lockLost) {
                throw refused;
            }
            log.info(
                    "{}（{}）的锁已失效，任务已交由另一次投递办理，本次结果不再报告：{}",
                    task.getTopicName(),
                    task.getBusinessKey(),
                    refused.getMessage());
        }
    }

    /**
     * Makes the call on the node in use; where that node cannot be reached, once more on the next one (the nodes share
     * one database, so any node takes the outcome of a task another node handed out).
     */
    private void callFailingOver(Runnable call) {
        String used = engines.getBaseUrl();
        try {
            call.run();
        } catch (ExternalTaskClientException e) {
            engines.failOver(used, e);
            if (!EngineNodes.unreachable(e) || used.equals(engines.getBaseUrl())) {
                throw e;
            }
            log.warn("引擎节点 {} 无法访问（{}），改向 {} 报告结果", used, e.getMessage(), engines.getBaseUrl());
            call.run();
        }
    }

    private static String abbreviate(String message) {
        String m = message == null ? "未知错误" : message;
        return m.length() > 600 ? m.substring(0, 600) + "…" : m;
    }

    private static String stackTrace(Throwable e) {
        java.io.StringWriter w = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(w));
        return w.toString();
    }

    /**
     * Stops fetching. A long poll the engine has not answered yet would hold the stop (and so the application's
     * shutdown) until it returns; the client is given a few seconds, then left behind.
     */
    @Override
    public synchronized void close() {
        if (client == null) {
            return;
        }
        ExternalTaskClient stopping = client;
        client = null;
        Thread stopper = new Thread(stopping::stop, "external-task-client-stop");
        stopper.setDaemon(true);
        stopper.start();
        try {
            stopper.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (stopper.isAlive()) {
            log.warn("外部任务客户端 5 秒内未停止（长轮询未返回），不再等待");
        }
    }
}
