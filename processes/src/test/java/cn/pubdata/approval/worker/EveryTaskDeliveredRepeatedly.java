package cn.pubdata.approval.worker;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.operaton.bpm.engine.ExternalTaskService;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every process test runs with every external task delivered twice or three times through the engine (half the tasks
 * each, by their id): every delivery but the last does the whole work, and then the worker's lock is taken from it as
 * if it had expired mid-work (the engine unlocks the task and hands it out again; the late worker's completion is
 * refused); the last completes. Unlocking
 * rather than waiting for the lock to expire works under the tests' frozen engine clock. Only the workers' runtime is
 * wrapped; the handler beans stay as they are for tests that call them directly. The tests' own assertions of exact
 * counts (one notice, one agreement, one grant…) then hold under repeated delivery; the figures are printed when the
 * test JVM ends.
 */
@Component
class EveryTaskDeliveredRepeatedly implements BeanPostProcessor, ApplicationContextAware, DisposableBean {

    static final int DELIVERIES = 3;

    /** Twice for half the tasks, three times for the other half. */
    static int deliveriesOf(String taskId) {
        return (taskId.hashCode() & 1) == 0 ? 2 : DELIVERIES;
    }

    private static final AtomicReference<EveryTaskDeliveredRepeatedly> LAST = new AtomicReference<>();

    private final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
    private ApplicationContext context;

    @Override
    public void setApplicationContext(ApplicationContext context) {
        this.context = context;
        LAST.set(this);
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String name) {
        if (bean instanceof ExternalTaskWorkers) {
            List<ExternalTaskHandler> repeated = context.getBeanProvider(ExternalTaskHandler.class)
                    .orderedStream()
                    .map(h -> (ExternalTaskHandler) new Repeated(h))
                    .toList();
            return new ExternalTaskWorkers(context.getBean(WorkerProperties.class), repeated);
        }
        return bean;
    }

    private final class Repeated implements ExternalTaskHandler {

        private final ExternalTaskHandler handler;

        Repeated(ExternalTaskHandler handler) {
            this.handler = handler;
        }

        @Override
        public String topic() {
            return handler.topic();
        }

        @Override
        public Map<String, Object> handle(WorkItem task) {
            int delivery = deliveries
                    .computeIfAbsent(task.id(), id -> new AtomicInteger())
                    .incrementAndGet();
            Map<String, Object> result;
            try {
                result = handler.handle(task);
            } catch (BusinessOutcome outcome) {
                if (delivery >= deliveriesOf(task.id())) {
                    throw outcome;
                }
                result = Map.of();
            }
            if (delivery < deliveriesOf(task.id())) {
                context.getBean(ExternalTaskService.class).unlock(task.id());
            }
            return result;
        }
    }

    @Override
    public void destroy() {
        LAST.compareAndSet(this, null);
    }

    /** What the repeated deliveries did so far, and the entries they would have doubled. */
    record Tally(
            long tasks, long deliveries, long twice, long thrice, List<String> doubledTimeline, long doubledNotices) {

        @Override
        public String toString() {
            return "Repeated delivery through the engine: " + tasks + " external tasks, " + deliveries + " deliveries, "
                    + twice + " delivered twice and " + thrice
                    + " three times (the lock taken away mid-work before the last); duplicates found: "
                    + doubledTimeline.size() + " timeline entries of the workers " + doubledTimeline + ", "
                    + doubledNotices + " notices";
        }
    }

    static Tally tally() {
        EveryTaskDeliveredRepeatedly current = LAST.get();
        if (current == null) {
            return null;
        }
        long tasks = current.deliveries.size();
        long total = current.deliveries.values().stream()
                .mapToInt(AtomicInteger::get)
                .sum();
        long twice =
                current.deliveries.values().stream().filter(n -> n.get() == 2).count();
        long thrice = current.deliveries.values().stream()
                .filter(n -> n.get() >= DELIVERIES)
                .count();
        JdbcClient jdbc = current.context.getBean(JdbcClient.class);
        List<String> doubledTimeline = jdbc.sql(
                        "select subject || ' ' || title || ' × ' || count(*) from approval.timeline_event"
                                + " where actor = '系统'" // what people enter twice (two 补正) is theirs to repeat
                                + " group by subject, title, coalesce(detail, '') having count(*) > 1")
                .query(String.class)
                .list();
        // the same notice twice from one external task (its process instance, activity and activity instance, the
        // start of every worker's dedupe key); a flow that loops (a second 补正, a re-run review) may repeat a text
        long doubledNotices = jdbc.sql("select count(*) from (select 1 from approval.notice group by recipient, title,"
                        + " body, substring(dedupe_key from '^[^:]*:[^:]*:[^:]*') having count(*) > 1) d")
                .query(Long.class)
                .single();
        return new Tally(tasks, total, twice, thrice, doubledTimeline, doubledNotices);
    }
}
