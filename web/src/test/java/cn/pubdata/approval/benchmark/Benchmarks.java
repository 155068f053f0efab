package cn.pubdata.approval.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import cn.pubdata.approval.WebTest;
import cn.pubdata.approval.admission.ApplicationBodies;
import cn.pubdata.approval.common.Clocks;
import cn.pubdata.approval.identity.LocalKeycloak;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.worker.ExternalTaskHandler;
import cn.pubdata.approval.worker.WorkItem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
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
    private static final Map<String, String> REVIEWERS = Map.of(
            "authority-reviewer", "authority",
            "pricing-officer", "pricing",
            "security-gov-affairs", "govaffairs",
            "security-cac", "cac",
            "security-police", "police",
            "provider-fgw", "fgw");
    private static final List<String> REVIEW_GROUPS =
            List.of("security-gov-affairs", "security-cac", "security-police", "provider-fgw");
    private static final List<String> CRITERIA_MET = List.of("1");
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

    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
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
        decide(
                pid,
                "UserTask_CheckCompleteness",
                "authority-reviewer",
                Map.of("completenessDecision", "approve", "expertConsultation", false));
        for (String group : REVIEW_GROUPS) {
            boolean provider = group.startsWith("provider");
            decide(
                    pid,
                    provider ? "UserTask_ProviderReview" : "UserTask_CoordinationReview",
                    group,
                    provider
                            ? Map.of("reviewOpinion", "approve")
                            : Map.of("reviewOpinion", "approve", "metCriteria", CRITERIA_MET));
        }
        decide(
                pid,
                "UserTask_Decide",
                "authority-reviewer",
                Map.of("admissionDecision", "approve", "metCriteria", CRITERIA_MET));
        publicityEndsNow(pid);
        String today = LocalDate.now(Clocks.BEIJING).toString();
        decide(
                pid,
                "UserTask_SetRevenueCap",
                "pricing-officer",
                Map.of("maxAllowedRevenueWan", 1200.5, "revenueCapBasis", "成本加合理利润"));
        decide(
                pid,
                "UserTask_SignAgreement",
                "authority-reviewer",
                Map.of(
                        "agreementNo",
                        "SQYY-BENCH-" + n,
                        "agreementSignedOn",
                        today,
                        "termMonths",
                        60,
                        "trialMonths",
                        0));
        decide(
                pid,
                "UserTask_FileWithProvince",
                "authority-reviewer",
                Map.of("provincialFilingNo", "BA-BENCH-" + n, "provincialFiledOn", today));
        decide(
                pid,
                "UserTask_ConfirmTraining",
                "authority-reviewer",
                Map.of("trainedStaff", "王五、赵六", "trainingPassed", true));
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
        LocalDate today = LocalDate.now(Clocks.BEIJING);
        long announcement = call(
                        "authority",
                        "POST",
                        "/api/announcements",
                        Map.of(
                                "jurisdiction",
                                "jingdezhen",
                                "title",
                                "基准测试通告 " + n,
                                "authorizationMode",
                                "WHOLE",
                                "scope",
                                "全市",
                                "conditions",
                                "条件",
                                "criteria",
                                List.of("标准"),
                                "opensOn",
                                today.toString(),
                                "deadline",
                                today.plusDays(10).toString(),
                                "resourceCodes",
                                List.of("fgw-personal-credit")))
                .path("id")
                .asLong();
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
        String boundary = "bench" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"plan.pdf\""
                        + "\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n% bench " + n + "\n%%EOF\n\r\n--"
                        + boundary + "--\r\n")
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> answer = HTTP.send(
                HttpRequest.newBuilder(uri("/api/documents"))
                        .header("Authorization", "Bearer " + token(operator))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isIn(200, 201);
        return JSON.readTree(answer.body()).path("id").asLong();
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
                String now = ZonedDateTime.now(ZoneOffset.UTC)
                        .minusSeconds(1)
                        .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ"));
                call(
                        "admin",
                        "PUT",
                        "/engine-rest/job/" + jobs.get(0).path("id").asText() + "/duedate",
                        Map.of("duedate", now));
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
            token(operator);
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

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private JsonNode call(String user, String method, String path, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token(user))
                .header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode())
                .as("%s %s: %s", method, path, answer.body())
                .isBetween(200, 299);
        return answer.body().isBlank() ? JSON.nullNode() : JSON.readTree(answer.body());
    }

    private record Token(String value, long fetchedAt) {}

    private String token(String user) {
        return tokens.compute(
                        user,
                        (u, t) -> t != null && System.nanoTime() - t.fetchedAt < 60_000_000_000L
                                ? t
                                : new Token(fetchToken(u), System.nanoTime()))
                .value;
    }

    private static String fetchToken(String user) {
        try {
            HttpResponse<String> answer = HTTP.send(
                    HttpRequest.newBuilder(URI.create(LocalKeycloak.REALM + "/protocol/openid-connect/token"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString("client_id=approval-portal&grant_type=password"
                                    + "&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                                    + "&password=demo"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(answer.body()).path("access_token").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
