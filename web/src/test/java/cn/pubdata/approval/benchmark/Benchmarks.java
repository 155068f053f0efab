package cn.pubdata.approval.benchmark;

import static cn.pubdata.approval.fixture.AdmissionOverHttp.REVIEWERS;
import static cn.pubdata.approval.fixture.AdmissionOverHttp.REVIEW_GROUPS;
import static cn.pubdata.approval.fixture.AdmissionOverHttp.admitted;
import static cn.pubdata.approval.fixture.AdmissionOverHttp.approvingReview;
import static cn.pubdata.approval.fixture.AdmissionOverHttp.completeness;
import static cn.pubdata.approval.fixture.AdmissionOverHttp.dueNow;
import static cn.pubdata.approval.fixture.AdmissionOverHttp.onboarding;
import static cn.pubdata.approval.fixture.AdmissionOverHttp.reviewTask;
import static org.assertj.core.api.Assertions.assertThat;

import cn.pubdata.approval.WebTest;
import cn.pubdata.approval.admission.ApplicationBodies;
import cn.pubdata.approval.fixture.AdmissionOverHttp;
import cn.pubdata.approval.fixture.AdmissionOverHttp.Decision;
import cn.pubdata.approval.identity.Tokens;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.worker.ExternalTaskHandler;
import cn.pubdata.approval.worker.WorkItem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.HistoryService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.TestPropertySource;

/**
 * The benchmarks of the README (not part of the suite: the class name matches no test pattern). Run:
 *
 * <pre>./mvnw -B verify -pl web -am -Dtest=Benchmarks -Dsurefire.failIfNoSpecifiedTests=false [-Dserver.port=18380]</pre>
 *
 * <p>They print a table and write it to web/target/benchmarks/ (benchmarks.csv, benchmarks.md):
 *
 * <ul>
 *   <li><b>Flow throughput</b>: complete admissions of 景德镇 (10 user tasks, 16 external tasks, the publicity timer
 *       moved to now) driven by scripted reviewers through the portal API and the engine REST API, with 1 and 8 client
 *       threads, once with our services and workers and once, in the same run, with no-op workers: each worker
 *       completes its task at once with the variables our worker returned for the same step (recorded in the first
 *       pass), doing nothing else.
 *   <li><b>API latency</b>: 200 concurrent users calling progress, inbox, submit and decide, against the trivial
 *       {@code GET /api/portal-config} of the same application under the same load; p50, p99.
 *   <li><b>Memory</b>: RSS of this application (the test JVM that hosts it and the embedded PostgreSQL's processes)
 *       and of Keycloak. Start times come from infra/run.sh's banner (see the README).
 * </ul>
 */
@TestPropertySource(
        properties = {
            "operaton.bpm.job-execution.enabled=true",
            "operaton.bpm.job-execution.wait-time-in-millis=200",
            "operaton.bpm.job-execution.max-wait=500",
            "approval.workers.long-poll-ms=1000",
            "server.tomcat.threads.max=200"
        })
class Benchmarks extends WebTest {

    private static final Path OUT = Path.of("target", "benchmarks");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .executor(Executors.newFixedThreadPool(64))
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private static final String[][] COMPANIES = {
        {"op-cidu", "91330100716105852F", "瓷都数据运营有限公司"},
        {"op-changnan", "914403001922038216", "昌南数科有限公司"}
    };
    private static final AtomicInteger numbers = new AtomicInteger();

    @Autowired
    HistoryService history;

    /** 18080 unless {@code -Dserver.port} says otherwise (other checkouts' tests may hold 18080). */
    @LocalServerPort
    int port;

    @Autowired
    javax.sql.DataSource dataSource;

    private final AdmissionOverHttp admissions =
            new AdmissionOverHttp(HTTP, Duration.ofSeconds(60), () -> "http://localhost:" + port);
    private final List<String> rows = Collections.synchronizedList(new ArrayList<>());

    /** Wraps every worker: records what ours return, or answers with the record at once (no-op). */
    @TestConfiguration
    static class NoOpWorkers {
        static volatile boolean noOp;
        static final Map<String, Map<String, Object>> recorded = new ConcurrentHashMap<>();
        static final AtomicInteger notRecorded = new AtomicInteger();

        @Bean
        static BeanPostProcessor noOpWorkersWrapper() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (!(bean instanceof ExternalTaskHandler real)) {
                        return bean;
                    }
                    return new ExternalTaskHandler() {
                        @Override
                        public String topic() {
                            return real.topic();
                        }

                        @Override
                        public Map<String, Object> handle(WorkItem task) {
                            String step = task.topic() + ":" + task.activityId();
                            Map<String, Object> known = recorded.get(step);
                            if (noOp && known != null) {
                                return known;
                            }
                            if (noOp) {
                                notRecorded.incrementAndGet();
                            }
                            Map<String, Object> result = real.handle(task);
                            recorded.putIfAbsent(step, result == null ? Map.of() : new HashMap<>(result));
                            return result;
                        }
                    };
                }
            };
        }
    }

    @Test
    void benchmarks() throws Exception {
        Files.createDirectories(OUT);
        rows.add("benchmark,configuration,value,unit,note");
        String machine = machine();

        // throughput: a warm-up flow records every step's variables, then ours and no-op, 1 and 8 threads
        NoOpWorkers.noOp = false;
        flows(1, 1);
        for (int threads : new int[] {1, 8}) {
            int count = threads == 1 ? 4 : 16;
            NoOpWorkers.noOp = false;
            double ours = flows(threads, count);
            NoOpWorkers.noOp = true;
            double noOp = flows(threads, count);
            NoOpWorkers.noOp = false;
            rows.add("flow throughput," + threads + " threads ours," + fmt(ours) + ",flows/min," + count
                    + " admissions");
            rows.add("flow throughput," + threads + " threads no-op workers," + fmt(noOp) + ",flows/min," + count
                    + " admissions");
            rows.add("flow throughput," + threads + " threads ratio ours/no-op," + fmt(ours / noOp)
                    + ",ratio,goal ≥ 0.67");
        }
        rows.add("flow throughput,no-op steps not recorded," + NoOpWorkers.notRecorded.get()
                + ",count,done by our worker instead");

        latency();
        memory();

        StringBuilder md =
                new StringBuilder("| benchmark | configuration | value | unit | note |\n|---|---|---|---|---|\n");
        rows.stream()
                .skip(1)
                .forEach(r -> md.append("| ").append(r.replace(",", " | ")).append(" |\n"));
        md.append("\nMachine: ").append(machine).append('\n');
        Files.write(OUT.resolve("benchmarks.csv"), rows);
        Files.writeString(OUT.resolve("benchmarks.md"), md);
        System.out.println("\n" + md);
    }

    // -- flow throughput ---------------------------------------------------------------------------------------------

    private double flows(int threads, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long started = System.nanoTime();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                running.add(pool.submit(() -> {
                    admission();
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get(15, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        return count / ((System.nanoTime() - started) / 60e9);
    }

    private void admission() throws Exception {
        int n = numbers.incrementAndGet();
        String[] company = COMPANIES[n % 2];
        String pid = submit(n, company);
        decide(pid, "UserTask_CheckCompleteness", "authority-reviewer", completeness("approve"));
        for (String group : REVIEW_GROUPS) {
            decide(pid, reviewTask(group), group, approvingReview(group));
        }
        decide(pid, "UserTask_Decide", "authority-reviewer", admitted());
        publicityEndsNow(pid);
        for (Decision d : onboarding("BENCH-" + n, "成本加合理利润", "王五、赵六")) {
            decide(pid, d.taskKey(), d.group(), d.variables());
        }
        long until = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (history.createHistoricProcessInstanceQuery()
                        .processInstanceId(pid)
                        .finished()
                        .count()
                == 0) {
            assertThat(System.nanoTime()).as("admission " + n + " ends").isLessThan(until);
            Thread.sleep(50);
        }
    }

    private String submit(int n, String[] company) throws Exception {
        long announcement = admissions.announcement("基准测试通告 " + n);
        Map<String, Object> body =
                ApplicationBodies.complete(announcement, company[1], company[2], upload(company[0], n));
        body.put("contactEmail", "b" + n + "@bench.example.cn");
        long id = call(company[0], "POST", "/api/applications", body).path("id").asLong();
        return history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(Subjects.admission(id))
                .singleResult()
                .getId();
    }

    private long upload(String operator, int n) throws Exception {
        return admissions.upload(operator, "plan.pdf", "bench " + n);
    }

    private void decide(String pid, String key, String group, Map<String, Object> decision) throws Exception {
        String user = REVIEWERS.get(group);
        String query =
                "/engine-rest/task?processInstanceId=" + pid + "&taskDefinitionKey=" + key + "&candidateGroup=" + group;
        long until = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            JsonNode open = call(user, "GET", query, null);
            if (open.size() == 1) {
                call(user, "POST", "/api/tasks/" + open.get(0).path("id").asText() + "/decision", decision);
                return;
            }
            assertThat(System.nanoTime()).as(key + " of " + pid).isLessThan(until);
            Thread.sleep(50);
        }
    }

    private void publicityEndsNow(String pid) throws Exception {
        long until = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            JsonNode jobs = call("admin", "GET", "/engine-rest/job?timers=true&processInstanceId=" + pid, null);
            if (jobs.size() == 1) {
                call(
                        "admin",
                        "PUT",
                        "/engine-rest/job/" + jobs.get(0).path("id").asText() + "/duedate",
                        dueNow());
                return;
            }
            assertThat(System.nanoTime()).as("publicity timer of " + pid).isLessThan(until);
            Thread.sleep(50);
        }
    }

    // -- API latency under 200 concurrent users
    // ------------------------------------------------------------------------

    private void latency() throws Exception {
        int users = 200;
        int rounds = 5;
        // what the users read and decide: admissions waiting at the completeness check
        List<String[]> open = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int n = numbers.incrementAndGet();
            String[] company = COMPANIES[n % 2];
            String pid = submit(n, company);
            open.add(new String[] {company[0], pid, null});
        }
        List<Long> api = Collections.synchronizedList(new ArrayList<>());
        List<Long> trivial = Collections.synchronizedList(new ArrayList<>());
        Map<String, List<Long>> perCall = new ConcurrentHashMap<>();
        for (String operator : List.of("op-cidu", "op-changnan", "authority")) {
            Tokens.of(operator);
        }
        List<Long> ids = new ArrayList<>();
        for (String[] o : open) {
            long until = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            JsonNode tasks = call("authority", "GET", "/engine-rest/task?processInstanceId=" + o[1], null);
            while (tasks.isEmpty()) {
                assertThat(System.nanoTime())
                        .as("completeness check of " + o[1])
                        .isLessThan(until);
                Thread.sleep(50);
                tasks = call("authority", "GET", "/engine-rest/task?processInstanceId=" + o[1], null);
            }
            o[2] = tasks.get(0).path("id").asText();
        }
        for (JsonNode a : call("op-cidu", "GET", "/api/applications", null)) {
            ids.add(a.path("id").asLong());
        }
        AtomicInteger decided = new AtomicInteger();
        AtomicInteger submitted = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(users);
        List<Future<?>> running = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            int user = u;
            running.add(pool.submit(() -> {
                for (int r = 0; r < rounds; r++) {
                    long id = ids.get((user + r) % ids.size());
                    timed(trivial, perCall, "portal-config", "op-cidu", "GET", "/api/portal-config", null);
                    timed(api, perCall, "progress", "op-cidu", "GET", "/api/applications/" + id + "/progress", null);
                    timed(api, perCall, "inbox", "op-cidu", "GET", "/api/inbox", null);
                    if (r == 0 && user % 10 == 0 && decided.get() < open.size()) {
                        String[] o = open.get(decided.getAndIncrement());
                        timed(
                                api,
                                perCall,
                                "decide",
                                "authority",
                                "POST",
                                "/api/tasks/" + o[2] + "/decision",
                                Map.of("completenessDecision", "reject", "completenessReason", "基准测试：不予受理"));
                    }
                    if (r == 1 && user % 10 == 0 && submitted.incrementAndGet() <= 20) {
                        int n = numbers.incrementAndGet();
                        long started = System.nanoTime();
                        submit(n, COMPANIES[n % 2]);
                        long micros = (System.nanoTime() - started) / 1000;
                        api.add(micros);
                        perCall.computeIfAbsent(
                                        "submit (announcement + upload + application)",
                                        k -> Collections.synchronizedList(new ArrayList<>()))
                                .add(micros);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get(15, TimeUnit.MINUTES);
        }
        pool.shutdownNow();
        double apiP99 = percentile(api, 99);
        double trivialP99 = percentile(trivial, 99);
        for (Map.Entry<String, List<Long>> e : perCall.entrySet()) {
            rows.add("API latency 200 users," + e.getKey() + " p50/p99," + fmt(percentile(e.getValue(), 50)) + " / "
                    + fmt(percentile(e.getValue(), 99)) + ",ms," + e.getValue().size() + " calls");
        }
        rows.add("API latency 200 users,portal API p99 / trivial p99," + fmt(apiP99 / trivialP99) + ",ratio,goal ≤ 3");
    }

    private void timed(
            List<Long> into,
            Map<String, List<Long>> perCall,
            String name,
            String user,
            String method,
            String path,
            Object body)
            throws Exception {
        long started = System.nanoTime();
        call(user, method, path, body);
        long micros = (System.nanoTime() - started) / 1000;
        into.add(micros);
        perCall.computeIfAbsent(name, k -> Collections.synchronizedList(new ArrayList<>()))
                .add(micros);
    }

    private static double percentile(List<Long> micros, int p) {
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, i)) / 1000.0;
    }

    // -- memory -------------------------------------------------------------------------------------------------------

    private void memory() throws IOException {
        long self = ProcessHandle.current().pid();
        long app = rssKb(self);
        // zonky starts PostgreSQL through pg_ctl, so it is no child of this JVM: found from a backend's parent
        long postgres;
        try (var connection = dataSource.getConnection();
                var statement = connection.createStatement();
                var result = statement.executeQuery("select pg_backend_pid()")) {
            result.next();
            ProcessHandle postmaster = ProcessHandle.of(result.getLong(1))
                    .flatMap(ProcessHandle::parent)
                    .orElseThrow();
            postgres = pssKb(postmaster.pid())
                    + postmaster.children().mapToLong(p -> pssKb(p.pid())).sum();
        } catch (java.sql.SQLException e) {
            throw new IOException(e);
        }
        long keycloak = ProcessHandle.allProcesses()
                .filter(p -> p.info()
                        .arguments()
                        .map(a -> String.join(" ", a))
                        .orElse("")
                        .contains("kc.home.dir"))
                .filter(p -> p.info()
                        .arguments()
                        .map(a -> String.join(" ", a))
                        .orElse("")
                        .contains("kc.home.dir=" + Path.of("").toAbsolutePath().getParent() + "/.run-data/"))
                .mapToLong(p -> rssKb(p.pid()))
                .sum();
        rows.add("memory,application (test JVM hosting it)," + app / 1024 + ",MB RSS,after the runs above");
        rows.add("memory,PostgreSQL (all its processes)," + postgres / 1024
                + ",MB PSS,postmaster and its processes (shared memory divided among them)");
        rows.add("memory,Keycloak," + keycloak / 1024 + ",MB RSS,");
        rows.add("memory,total," + (app + postgres + keycloak) / 1024 + ",MB RSS,goal < 2560");
    }

    private static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return 0;
    }

    /** Proportional set size: shared pages (PostgreSQL's shared buffers) divided among the processes sharing them. */
    private static long pssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/smaps_rollup"))) {
                if (line.startsWith("Pss:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return 0;
    }

    private static String machine() throws IOException {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                .filter(l -> l.startsWith("model name"))
                .findFirst()
                .map(l -> l.substring(l.indexOf(':') + 1).trim())
                .orElse("?");
        long memKb = Files.readAllLines(Path.of("/proc/meminfo")).stream()
                .filter(l -> l.startsWith("MemTotal"))
                .map(l -> Long.parseLong(l.replaceAll("\\D", "")))
                .findFirst()
                .orElse(0L);
        return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), " + memKb / 1024 / 1024 + " GB, "
                + System.getProperty("os.name") + " " + System.getProperty("os.version") + ", Java "
                + System.getProperty("java.version") + ", load average at the end "
                + String.format(
                        Locale.ROOT,
                        "%.1f",
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    // -- HTTP
    // -----------------------------------------------------------------------------------------------------------

    private JsonNode call(String user, String method, String path, Object body) throws Exception {
        return admissions.call(user, method, path, body);
    }
}
