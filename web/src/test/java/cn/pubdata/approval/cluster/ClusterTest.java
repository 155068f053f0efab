package cn.pubdata.approval.cluster;

import static cn.pubdata.approval.fixture.AdmissionOverHttp.REVIEWERS;
import static cn.pubdata.approval.fixture.AdmissionOverHttp.REVIEW_GROUPS;
import static cn.pubdata.approval.fixture.AdmissionOverHttp.admitted;
import static cn.pubdata.approval.fixture.AdmissionOverHttp.approvingReview;
import static cn.pubdata.approval.fixture.AdmissionOverHttp.completeness;
import static cn.pubdata.approval.fixture.AdmissionOverHttp.dueNow;
import static cn.pubdata.approval.fixture.AdmissionOverHttp.onboarding;
import static cn.pubdata.approval.fixture.AdmissionOverHttp.reviewTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.pubdata.approval.admission.ApplicationBodies;
import cn.pubdata.approval.fixture.AdmissionOverHttp;
import cn.pubdata.approval.fixture.AdmissionOverHttp.Decision;
import cn.pubdata.approval.fixture.SqlRows;
import cn.pubdata.approval.identity.LocalKeycloak;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cluster of infra/cluster.sh, as separate JVMs on one PostgreSQL: two engine nodes (profile engine-node) and two
 * worker processes (profile worker), Keycloak of the build, GreenMail as the mail server. Admissions of 景德镇 are
 * driven through the portal API and the engine REST API, each call to the next node in turn: half through reviews,
 * decision, publicity (its timer moved to now) and onboarding to 已准入, half asked for 补正 and left to miss its
 * deadline (that timer moved to now). Halfway, node 1 and worker 1 are killed with SIGKILL while timers fire and
 * external tasks run; node 2 and worker 2 carry on (worker 2 was given node 1 first, so it has to move on to node 2 by
 * itself). Then every timer fired once, every external task was completed
 * once, every user task completed once, and every row and e-mail of ours is there once. The counts are printed and
 * kept in target/cluster/summary.txt. {@code -Dcluster.admissions=50} (default) sets how many admissions.
 */
class ClusterTest {

    private static final Path OUT = Path.of("target", "cluster").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private static final int ADMISSIONS = Integer.getInteger("cluster.admissions", 50);
    private static final String[][] COMPANIES = {
        {"op-cidu", "91330100716105852F", "瓷都数据运营有限公司"},
        {"op-changnan", "914403001922038216", "昌南数科有限公司"}
    };

    private static EmbeddedPostgres postgres;
    private static DataSource db;
    private static GreenMail mail;
    private static final List<Child> children = new ArrayList<>();
    private static Child node1;
    private static Child node2;
    private static Child worker1;
    private static Child worker2;
    /** Each call to the next living node in turn. */
    private static final AdmissionOverHttp admissions = new AdmissionOverHttp(
            HTTP, Duration.ofSeconds(30), () -> nextNode().uri("").toString());

    private static final AtomicInteger turn = new AtomicInteger();
    private static final Map<String, AtomicLong> callsPerNode = new ConcurrentHashMap<>();
    private static final AtomicInteger retriedAfterKill = new AtomicInteger();

    @BeforeAll
    static void startTheCluster() throws Exception {
        LocalKeycloak.ensureRunning();
        Files.createDirectories(OUT);
        Files.deleteIfExists(OUT.resolve("summary.txt"));
        long started = System.nanoTime();
        postgres = EmbeddedPostgres.builder()
                .setRegisterShutdownHook(false)
                .setServerConfig("max_connections", "150")
                .setServerConfig("timezone", "UTC")
                .start();
        db = postgres.getPostgresDatabase();
        mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        mail.start();
        // the first node migrates the schema and deploys the models; the others start on what it left
        node1 = start("node-1", engineNode("node-1"));
        List<Child> rest = new ArrayList<>();
        node2 = launch("node-2", engineNode("node-2"));
        // worker 2 asks node 1 first: when node 1 is killed it must move on to node 2 by itself
        worker1 = launch("worker-1", worker("worker-1", node2, node1));
        worker2 = launch("worker-2", worker("worker-2", node1, node2));
        rest.add(node2);
        rest.add(worker1);
        rest.add(worker2);
        for (Child c : rest) {
            awaitReady(c);
        }
        System.out.printf(
                "Cluster: PostgreSQL, 2 engine nodes, 2 worker processes ready in %d s%n",
                Math.round((System.nanoTime() - started) / 1e9));
    }

    @AfterAll
    static void stopTheCluster() throws Exception {
        // the workers first: a worker whose engine is gone retries its fetch (with back-off) until stopped
        List<Child> workersFirst = new ArrayList<>(children);
        Collections.reverse(workersFirst);
        for (Child c : workersFirst) {
            if (c.process.isAlive()) {
                c.process.destroy();
                if (!c.process.waitFor(30, TimeUnit.SECONDS)) {
                    c.process.destroyForcibly();
                }
            }
        }
        if (mail != null) {
            mail.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void twoNodesAndTwoWorkersServeEachTimerExternalTaskAndUserTaskOnceAndSurviveLosingOneOfEach() throws Exception {
        try {
            run();
        } catch (Throwable e) {
            StringBuilder tails = new StringBuilder();
            for (Child c : children) {
                tails.append("\n--- last lines of ")
                        .append(c.log)
                        .append(" ---\n")
                        .append(c.tail(30));
            }
            Files.writeString(OUT.resolve("summary.txt"), "Cluster FAILED: " + e + "\n");
            throw new AssertionError(e.getMessage() + tails, e);
        }
    }

    private void run() throws Exception {
        long started = System.nanoTime();
        List<Flow> flows = new ArrayList<>();
        for (int i = 0; i < ADMISSIONS; i++) {
            String[] company = COMPANIES[i % 2];
            flows.add(new Flow(i, i % 4 < 2, company[0], company[1], company[2]));
        }
        ExecutorService drivers = Executors.newFixedThreadPool(4);
        try {
            // 1. announcement, application and completeness check: admitted ones go on, the others are asked for 补正
            inParallel(drivers, flows, f -> {
                submit(f);
                decide(
                        f,
                        "UserTask_CheckCompleteness",
                        "authority-reviewer",
                        completeness(f.admitted ? "approve" : "supplement"));
            });
            // 2. reviews, decision and the timers moved to now; node 1 and worker 1 die halfway
            AtomicInteger done = new AtomicInteger();
            AtomicBoolean killed = new AtomicBoolean();
            inParallel(drivers, flows, f -> {
                if (f.admitted) {
                    for (String group : REVIEW_GROUPS) {
                        decide(f, reviewTask(group), group, approvingReview(group));
                    }
                    decide(f, "UserTask_Decide", "authority-reviewer", admitted());
                }
                f.timerJob = moveTimerToNow(f);
                if (done.incrementAndGet() == flows.size() / 2 && killed.compareAndSet(false, true)) {
                    killNode1AndWorker1();
                }
            });
            // 3. the admitted ones are onboarded, through node 2 alone now
            inParallel(drivers, flows.stream().filter(f -> f.admitted).toList(), this::onboard);
        } finally {
            drivers.shutdownNow();
        }
        for (Flow f : flows) {
            awaitEnd(f);
        }
        long seconds = Math.round((System.nanoTime() - started) / 1e9);
        Counts counts = counts(flows);
        String summary = "Cluster: " + flows.size() + " admissions through 2 engine nodes and 2 workers in " + seconds
                + " s (" + flows.stream().filter(f -> f.admitted).count() + " admitted, "
                + flows.stream().filter(f -> !f.admitted).count() + " missed their 补正 deadline); node-1 and worker-1"
                + " killed halfway (" + killedHolding + "); " + counts.figures + "; " + counts.lost.size() + " lost, "
                + counts.doubled.size() + " doubled";
        System.out.println(summary);
        counts.lost.forEach(l -> System.out.println("  lost: " + l));
        counts.doubled.forEach(d -> System.out.println("  doubled: " + d));
        Files.writeString(
                OUT.resolve("summary.txt"),
                summary + "\n"
                        + counts.lost.stream().map(l -> "  lost: " + l + "\n").collect(Collectors.joining())
                        + counts.doubled.stream()
                                .map(d -> "  doubled: " + d + "\n")
                                .collect(Collectors.joining()));
        assertThat(counts.lost).as("lost").isEmpty();
        assertThat(counts.doubled).as("doubled").isEmpty();
        assertThat(counts.jobsPerNode).as("timers fired by both nodes").containsKeys("node-1", "node-2");
        assertThat(counts.tasksPerWorker)
                .as("external tasks done by both workers")
                .containsKeys("worker-1", "worker-2");
        assertThat(Files.readString(worker2.log))
                .as("worker 2 moved on from its first node, killed, to node 2")
                .contains("改向 http://localhost:" + node2.port + "/engine-rest");
    }

    // -- the kill ---------------------------------------------------------------------------------------------------

    private static volatile String killedHolding = "";

    private static void killNode1AndWorker1() {
        try {
            // mid-run: worker 1 holds locks of external tasks it is working on (waited for up to 10 s)
            String held =
                    "select count(*) from act_ru_ext_task where worker_id_ = 'worker-1' and lock_exp_time_ > now()";
            long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (count(held) == 0 && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            long lockedJobs = count("select count(*) from act_ru_job where lock_owner_ is not null");
            long lockedTasks = count(
                    "select count(*) from act_ru_ext_task where worker_id_ = 'worker-1' and lock_exp_time_ > now()");
            node1.dead = true; // from now on every call goes to node 2; one already under way may fail
            node1.process.destroyForcibly();
            worker1.process.destroyForcibly();
            node1.process.waitFor(30, TimeUnit.SECONDS);
            worker1.process.waitFor(30, TimeUnit.SECONDS);
            killedHolding = "then holding " + lockedTasks + " external-task locks of worker-1 and " + lockedJobs
                    + " job locks of the executors";
            System.out.println("Cluster: node-1 and worker-1 killed (SIGKILL), " + killedHolding);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // -- what happened once, and only once
    // -----------------------------------------------------------------------------

    private record Counts(
            List<String> lost,
            List<String> doubled,
            String figures,
            Map<String, Long> jobsPerNode,
            Map<String, Long> tasksPerWorker) {}

    private Counts counts(List<Flow> flows) throws Exception {
        List<String> lost = new ArrayList<>();
        List<String> doubled = new ArrayList<>();
        String pids = flows.stream().map(f -> "'" + f.pid + "'").collect(Collectors.joining(","));

        // timers: each moved timer's job executed successfully once, its catch event passed once
        long timers = 0;
        for (Flow f : flows) {
            long ok = count("select count(*) from act_hi_job_log where job_id_ = ? and job_state_ = 2", f.timerJob);
            once(f + " timer " + f.timerJob, ok, lost, doubled);
            String event = f.admitted ? "Catch_PublicityEnds" : "Catch_SupplementDeadline";
            once(
                    f + " " + event,
                    count(
                            "select count(*) from act_hi_actinst where proc_inst_id_ = ? and act_id_ = ? and end_time_ is not null",
                            f.pid,
                            event),
                    lost,
                    doubled);
            timers += ok;
        }
        Map<String, Long> jobsPerNode = new TreeMap<>();
        for (Map<String, Object> r : rows("select hostname_, count(*) as n from act_hi_job_log where job_state_ = 2"
                + " and process_instance_id_ in (" + pids + ") group by hostname_")) {
            jobsPerNode.put(String.valueOf(r.get("hostname_")), ((Number) r.get("n")).longValue());
        }

        // external tasks: each one completed once (a BPMN error counts as its completion), none left
        List<Map<String, Object>> tasks =
                rows("select ext_task_id_, topic_name_, sum(case when state_ = 2 then 1 else 0 end) as done"
                        + " from act_hi_ext_task_log where proc_inst_id_ in (" + pids + ")"
                        + " group by ext_task_id_, topic_name_");
        for (Map<String, Object> t : tasks) {
            once(
                    "external task " + t.get("topic_name_") + " " + t.get("ext_task_id_"),
                    ((Number) t.get("done")).longValue(),
                    lost,
                    doubled);
        }
        long left = count("select count(*) from act_ru_ext_task where proc_inst_id_ in (" + pids + ")");
        if (left > 0) {
            lost.add(left + " external tasks never done");
        }
        Map<String, Long> tasksPerWorker = new TreeMap<>();
        for (Map<String, Object> r : rows("select worker_id_, count(*) as n from act_hi_ext_task_log where state_ = 2"
                + " and proc_inst_id_ in (" + pids + ") group by worker_id_")) {
            tasksPerWorker.put(String.valueOf(r.get("worker_id_")), ((Number) r.get("n")).longValue());
        }

        // user tasks: every one of a flow completed, once per step and group
        long userTasks = 0;
        for (Flow f : flows) {
            List<Map<String, Object>> done = rows(
                    "select task_def_key_, delete_reason_, end_time_ from act_hi_taskinst where proc_inst_id_ = ?",
                    f.pid);
            int expected = f.admitted ? 10 : 1;
            if (done.size() < expected) {
                lost.add(f + " user tasks " + done.size() + " of " + expected);
            } else if (done.size() > expected) {
                doubled.add(f + " user tasks " + done.size() + " of " + expected);
            }
            for (Map<String, Object> t : done) {
                if (t.get("end_time_") == null || !"completed".equals(t.get("delete_reason_"))) {
                    lost.add(f + " " + t.get("task_def_key_") + " not completed (" + t.get("delete_reason_") + ")");
                }
            }
            userTasks += done.size();
            for (String key : f.decided) {
                once(
                        f + " timeline of " + key,
                        count(
                                "select count(*) from approval.timeline_event where dedupe_key = ?",
                                "task:" + f.taskIds.get(key)),
                        lost,
                        doubled);
            }
        }

        // our rows: opinions, agreements, permissions, revenue caps, notices and their e-mails
        for (Flow f : flows) {
            if (f.admitted) {
                for (String group : REVIEW_GROUPS) {
                    once(
                            f + " review_opinion " + group,
                            count(
                                    "select count(*) from approval.review_opinion where subject = 'ADM-' || ? and group_id = ?",
                                    f.id,
                                    group),
                            lost,
                            doubled);
                }
                for (String table : List.of("agreement", "platform_permission")) {
                    once(
                            f + " " + table,
                            count("select count(*) from approval." + table + " where application_id = ?", f.id),
                            lost,
                            doubled);
                }
            }
            for (String title : f.admitted ? List.of("【公示】", "【已准入】") : List.of("【需补正】")) {
                once(
                        f + " notice " + title,
                        count(
                                "select count(*) from approval.notice where recipient = ? and email_to = ? and title like ?",
                                "operator:" + f.creditCode,
                                f.email,
                                title + "%"),
                        lost,
                        doubled);
            }
        }
        Map<String, Integer> received = new TreeMap<>();
        for (MimeMessage m : mail.getReceivedMessages()) {
            for (Address to : m.getAllRecipients()) {
                received.merge(to + " " + m.getSubject(), 1, Integer::sum);
            }
        }
        List<Map<String, Object>> notices =
                rows("select title, email_to, emailed_at from approval.notice where email_to is not null");
        for (Map<String, Object> n : notices) {
            String key = n.get("email_to") + " " + n.get("title");
            int times = received.getOrDefault(key, 0);
            if (n.get("emailed_at") == null || times == 0) {
                lost.add("e-mail " + key);
            } else if (times > 1) {
                doubled.add("e-mail " + key + " × " + times);
            }
        }
        for (Map<String, Object> dup : rows("select subject, title, count(*) as n from approval.timeline_event"
                + " group by subject, title, coalesce(detail, '') having count(*) > 1")) {
            doubled.add("timeline " + dup);
        }
        long incidents = count("select count(*) from act_ru_incident");
        if (incidents > 0) {
            lost.add(incidents + " incidents");
        }
        int mails = received.values().stream().mapToInt(Integer::intValue).sum();
        String figures = timers + " timers fired once each " + jobsPerNode + ", " + tasks.size()
                + " external tasks completed once each " + tasksPerWorker + ", " + userTasks
                + " user tasks completed once each, HTTP calls per node " + new TreeMap<>(callsPerNode) + " ("
                + retriedAfterKill + " retried on node-2 after the kill), "
                + count("select count(*) from approval.notice") + " notices, " + notices.size() + " e-mailed, "
                + mails + " e-mails received, " + count("select count(*) from approval.agreement") + " agreements, "
                + count("select count(*) from approval.timeline_event") + " timeline entries";
        return new Counts(lost, doubled, figures, jobsPerNode, tasksPerWorker);
    }

    private static void once(String what, long n, List<String> lost, List<String> doubled) {
        if (n == 0) {
            lost.add(what);
        } else if (n > 1) {
            doubled.add(what + " × " + n);
        }
    }

    // -- the admission, as its users drive it -----------------------------------------------------------------------

    private static final class Flow {
        final int number;
        final boolean admitted;
        final String operator;
        final String creditCode;
        final String company;
        final String email;
        final List<String> decided = Collections.synchronizedList(new ArrayList<>());
        final Map<String, String> taskIds = new ConcurrentHashMap<>();
        long announcement;
        long id;
        String pid;
        String timerJob;

        Flow(int number, boolean admitted, String operator, String creditCode, String company) {
            this.number = number;
            this.admitted = admitted;
            this.operator = operator;
            this.creditCode = creditCode;
            this.company = company;
            this.email = "c" + number + "@cluster.example.cn";
        }

        @Override
        public String toString() {
            return "A" + number;
        }
    }

    private interface Step {
        void run(Flow f) throws Exception;
    }

    private static void inParallel(ExecutorService pool, List<Flow> flows, Step step) throws Exception {
        List<Future<?>> running = new ArrayList<>();
        for (Flow f : flows) {
            running.add(pool.submit(() -> {
                step.run(f);
                return null;
            }));
        }
        for (Future<?> r : running) {
            r.get(10, TimeUnit.MINUTES);
        }
    }

    private void submit(Flow f) throws Exception {
        f.announcement = admissions.announcement("集群测试通告 " + f);
        Map<String, Object> body = ApplicationBodies.complete(f.announcement, f.creditCode, f.company, upload(f));
        body.put("contactEmail", f.email);
        f.id = call(f.operator, "POST", "/api/applications", body, 201)
                .path("id")
                .asLong();
        f.pid = (String) value("select process_instance_id from approval.admission_application where id = ?", f.id);
    }

    private long upload(Flow f) throws Exception {
        return admissions.upload(f.operator, "emergency-plan.pdf", f.toString());
    }

    /**
     * The reviewer finds the task in the engine's REST API and decides it through the portal API, each call on the next
     * node. A call lost with a killed node is asked again: the decision counts once, whichever node took it.
     */
    private void decide(Flow f, String key, String group, Map<String, Object> decision) throws Exception {
        String user = REVIEWERS.get(group);
        String query = "/engine-rest/task?processInstanceId=" + f.pid + "&taskDefinitionKey=" + key + "&candidateGroup="
                + group;
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode open = call(user, "GET", query, null, 200);
            if (open.size() == 1) {
                String taskId = open.get(0).path("id").asText();
                f.taskIds.put(key + ":" + group, taskId);
                HttpResponse<String> answer = send(user, "POST", "/api/tasks/" + taskId + "/decision", decision);
                if (answer != null && answer.statusCode() == 200) {
                    f.decided.add(key + ":" + group);
                    return;
                }
                if (answer == null
                        && count(
                                        "select count(*) from act_hi_taskinst where id_ = ? and delete_reason_ = 'completed'",
                                        taskId)
                                == 1) {
                    f.decided.add(key + ":" + group); // taken by the node before it died
                    return;
                }
                if (answer != null) {
                    throw new AssertionError(
                            "decision " + key + " of " + f + ": " + answer.statusCode() + " " + answer.body());
                }
            } else {
                Thread.sleep(200);
            }
        }
        throw new AssertionError(f + " " + key + " for " + group + " never came");
    }

    /** The timer the flow waits at now (publicity, or the 补正 deadline) is due now: the job executors race for it. */
    private String moveTimerToNow(Flow f) throws Exception {
        String activity = f.admitted ? "Catch_PublicityEnds" : "Catch_SupplementDeadline";
        String job = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (job == null && System.nanoTime() < deadline) {
            List<Map<String, Object>> jobs = rows(
                    "select j.id_ from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_"
                            + " where j.process_instance_id_ = ? and d.act_id_ = ?",
                    f.pid,
                    activity);
            if (jobs.isEmpty()) {
                Thread.sleep(200);
            } else {
                job = (String) jobs.get(0).get("id_");
            }
        }
        assertThat(job).as(f + " timer at " + activity).isNotNull();
        Map<String, Object> dueNow = dueNow();
        while (true) {
            HttpResponse<String> answer = send("admin", "PUT", "/engine-rest/job/" + job + "/duedate", dueNow);
            if (answer != null) {
                assertThat(answer.statusCode())
                        .as("move %s: %s", job, answer.body())
                        .isIn(204, 404);
                return job;
            }
        }
    }

    private void onboard(Flow f) throws Exception {
        for (Decision d : onboarding("CLUSTER-" + f, "成本加合理利润，利润率8%", "王五（业务负责人）、赵六（安全负责人）")) {
            decide(f, d.taskKey(), d.group(), d.variables());
        }
    }

    private void awaitEnd(Flow f) throws Exception {
        String end = f.admitted ? "EndEvent_Admitted" : "EndEvent_SupplementMissed";
        await(f + " reaches " + end)
                .atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .until(() ->
                        count("select count(*) from act_hi_procinst where id_ = ? and end_time_ is not null", f.pid)
                                == 1);
        assertThat(count("select count(*) from act_hi_actinst where proc_inst_id_ = ? and act_id_ = ?", f.pid, end))
                .as(f + " ended in " + end)
                .isEqualTo(1);
    }

    // -- HTTP, to the next living node
    // ----------------------------------------------------------------------------------

    private static Child nextNode() {
        Child n = turn.getAndIncrement() % 2 == 0 && !node1.dead ? node1 : node2;
        callsPerNode.computeIfAbsent(n.name, k -> new AtomicLong()).incrementAndGet();
        return n;
    }

    private JsonNode call(String user, String method, String path, Object body, int expected) throws Exception {
        while (true) {
            HttpResponse<String> answer = send(user, method, path, body);
            if (answer == null) {
                continue; // the node died under the call: a read, asked again on the living node
            }
            return AdmissionOverHttp.checked(answer, user, method, path, expected);
        }
    }

    /** @return null when the node died under the call (connection refused or reset) */
    private static HttpResponse<String> send(String user, String method, String path, Object body) throws Exception {
        Child node = nextNode();
        try {
            return admissions.send(node.uri("").toString(), user, method, path, body);
        } catch (IOException e) {
            if (node == node1 && node1.dead) {
                retriedAfterKill.incrementAndGet();
                return null;
            }
            throw e;
        }
    }

    // -- the shared PostgreSQL
    // -------------------------------------------------------------------------------------------

    private static List<Map<String, Object>> rows(String sql, Object... params) throws SQLException {
        return SqlRows.of(db.getConnection(), sql, params);
    }

    private static Object value(String sql, Object... params) throws SQLException {
        List<Map<String, Object>> rows = rows(sql, params);
        assertThat(rows).as(sql).hasSize(1);
        return rows.get(0).values().iterator().next();
    }

    private static long count(String sql, Object... params) throws SQLException {
        return ((Number) value(sql, params)).longValue();
    }

    // -- the JVMs
    // ----------------------------------------------------------------------------------------------------------

    private static final class Child {
        final String name;
        final Process process;
        final int port;
        final int managementPort;
        final Path log;
        volatile boolean dead;

        Child(String name, Process process, int port, int managementPort, Path log) {
            this.name = name;
            this.process = process;
            this.port = port;
            this.managementPort = managementPort;
            this.log = log;
        }

        URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }

        String tail(int lines) {
            try {
                List<String> all = Files.readAllLines(log);
                return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
            } catch (IOException e) {
                return "(no output: " + e.getMessage() + ")";
            }
        }
    }

    private record Role(List<String> args, Map<String, String> env) {}

    private static Role engineNode(String name) {
        return new Role(
                List.of(
                        "--spring.profiles.active=engine-node",
                        "--operaton.bpm.generic-properties.properties.hostname=" + name,
                        // a dead node's job locks expire within 10 s; timers are picked up within a second
                        "--operaton.bpm.job-execution.lock-time-in-millis=10000",
                        "--operaton.bpm.job-execution.wait-time-in-millis=500",
                        "--operaton.bpm.job-execution.max-wait=1000",
                        "--approval.metrics.refresh-seconds=3600"),
                Map.of("APPROVAL_DB_POOL", "8"));
    }

    private static Role worker(String name, Child... engines) {
        return new Role(
                List.of(
                        "--spring.profiles.active=worker",
                        "--approval.workers.worker-id=" + name,
                        // a dead worker's locks expire within 5 s
                        "--approval.workers.lock-duration-ms=5000",
                        "--approval.workers.long-poll-ms=1000",
                        "--approval.workers.retry-timeout-ms=1000"),
                Map.of(
                        "APPROVAL_ENGINE_URLS",
                        Arrays.stream(engines)
                                .map(e -> "http://localhost:" + e.port + "/engine-rest")
                                .collect(Collectors.joining(",")),
                        "APPROVAL_DB_POOL",
                        "4"));
    }

    private static Child start(String name, Role role) throws Exception {
        Child c = launch(name, role);
        awaitReady(c);
        return c;
    }

    private static Child launch(String name, Role role) throws Exception {
        int port;
        int management;
        try (ServerSocket a = new ServerSocket(0);
                ServerSocket b = new ServerSocket(0)) {
            port = a.getLocalPort();
            management = b.getLocalPort();
        }
        boolean worker = role.args.contains("--spring.profiles.active=worker");
        if (worker) {
            port = management;
        }
        Path log = OUT.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Xmx384m",
                "-cp",
                System.getProperty("java.class.path"),
                "cn.pubdata.approval.ApprovalApplication",
                "--server.port=" + port,
                "--management.server.port=" + management,
                "--logging.level.root=WARN",
                "--logging.level.cn.pubdata=INFO"));
        command.addAll(role.args);
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("APPROVAL_DB_URL", postgres.getJdbcUrl("postgres", "postgres"));
        env.put("APPROVAL_DB_USER", "postgres");
        env.put("APPROVAL_DB_PASSWORD", "");
        env.put("APPROVAL_SMTP_HOST", "127.0.0.1");
        env.put("APPROVAL_SMTP_PORT", Integer.toString(mail.getSmtp().getPort()));
        env.put("KEYCLOAK_URL", LocalKeycloak.URL);
        env.put("APPROVAL_MANAGEMENT_PORT", Integer.toString(management));
        for (String secret : List.of("WEBAPPS_CLIENT_SECRET", "WORKERS_CLIENT_SECRET", "IDENTITY_CLIENT_SECRET")) {
            env.put(secret, LocalKeycloak.secret(secret));
        }
        env.putAll(role.env);
        Child c = new Child(name, builder.start(), port, management, log);
        children.add(c);
        return c;
    }

    private static void awaitReady(Child c) {
        await(c.name + " ready")
                .atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    if (!c.process.isAlive()) {
                        throw new AssertionError(c.name + " exited with " + c.process.exitValue() + "\n" + c.tail(40));
                    }
                    try {
                        HttpResponse<String> answer = HTTP.send(
                                HttpRequest.newBuilder(URI.create(
                                                "http://localhost:" + c.managementPort + "/actuator/health/readiness"))
                                        .timeout(Duration.ofSeconds(5))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                        return answer.statusCode() == 200;
                    } catch (IOException e) {
                        return false;
                    }
                });
    }
}
