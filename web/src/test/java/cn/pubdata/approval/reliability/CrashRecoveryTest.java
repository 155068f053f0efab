package cn.pubdata.approval.reliability;

import static cn.pubdata.approval.fixture.AdmissionOverHttp.REVIEWERS;
import static cn.pubdata.approval.fixture.AdmissionOverHttp.REVIEW_GROUPS;
import static cn.pubdata.approval.fixture.AdmissionOverHttp.admitted;
import static cn.pubdata.approval.fixture.AdmissionOverHttp.approvingReview;
import static cn.pubdata.approval.fixture.AdmissionOverHttp.completeness;
import static cn.pubdata.approval.fixture.AdmissionOverHttp.dueNow;
import static cn.pubdata.approval.fixture.AdmissionOverHttp.onboarding;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.pubdata.approval.admission.ApplicationBodies;
import cn.pubdata.approval.common.Clocks;
import cn.pubdata.approval.embedded.StalePostmaster;
import cn.pubdata.approval.fixture.AdmissionOverHttp;
import cn.pubdata.approval.fixture.AdmissionOverHttp.Decision;
import cn.pubdata.approval.fixture.SqlRows;
import cn.pubdata.approval.identity.LocalKeycloak;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real application, run as a separate JVM on a kept data directory, crashed three ways a small authority's server
 * crashes, and each time started again with no hand:
 *
 * <ol>
 *   <li>kill -9 of the application while an admission waits at its reviews;
 *   <li>kill -9 of the application while a worker holds the lock of a notification task and hangs inside the SMTP send
 *       (the test's proxy in front of GreenMail stops answering);
 *   <li>kill -9 of PostgreSQL (the postmaster and all its processes) right after reviewers' decisions were acknowledged,
 *       then of the application.
 * </ol>
 *
 * <p>Admissions are driven through the HTTP API as users drive them (Keycloak tokens of the demo users); results are
 * read from the child's PostgreSQL and from the mail GreenMail received. After the restarts every flow carries on to its
 * end, no effect is lost and none is doubled. {@code -Dcrash.durable=false} runs the child with zonky's fast commits, to
 * watch the third crash lose acknowledged decisions.
 */
class CrashRecoveryTest {

    private static final Path OUT = Path.of("target", "crash").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final boolean DURABLE = Boolean.parseBoolean(System.getProperty("crash.durable", "true"));
    private static final String CIDU = "91330100716105852F";
    private static final String CHANGNAN = "914403001922038216";

    private static GreenMail mail;
    private static PausableProxy smtp;
    private static Path dataDir;
    private static Child app;
    private static int starts;
    private static final List<String> restarts = new ArrayList<>();
    private static final AdmissionOverHttp admissions = new AdmissionOverHttp(
            HTTP, Duration.ofSeconds(30), () -> app.uri("").toString());

    @BeforeAll
    static void startMailAndClearOldRuns() throws Exception {
        LocalKeycloak.ensureRunning();
        Files.createDirectories(OUT);
        Files.deleteIfExists(OUT.resolve("summary.txt"));
        Path data = OUT.resolve("data");
        if (Files.exists(data.resolve("postgres"))) {
            StalePostmaster.clear(data.resolve("postgres")); // a PostgreSQL an aborted run may have left
        }
        deleteTree(data);
        try (Stream<Path> logs = Files.list(OUT)) {
            for (Path log : logs.filter(p -> p.getFileName().toString().startsWith("app-"))
                    .toList()) {
                Files.delete(log);
            }
        }
        dataDir = Files.createDirectories(data).resolve("postgres");
        mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        mail.start();
        smtp = new PausableProxy(mail.getSmtp().getPort());
    }

    @AfterAll
    static void leaveNothingRunning() {
        if (app != null && app.process.isAlive()) {
            app.process.destroy(); // a clean stop: Spring closes, zonky stops PostgreSQL
            try {
                if (!app.process.waitFor(60, TimeUnit.SECONDS)) {
                    app.process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (dataDir != null && Files.exists(dataDir)) {
            StalePostmaster.clear(dataDir); // whatever a killed child left running
        }
        if (smtp != null) {
            smtp.close();
        }
        if (mail != null) {
            mail.stop();
        }
    }

    @Test
    void threeCrashesAndRestartsLoseNothingAndDoubleNothing() throws Exception {
        try {
            run();
        } catch (Throwable e) {
            String tail = app == null ? "" : "\n--- last lines of " + app.log + " ---\n" + app.tail(80);
            System.out.println("Crash recovery FAILED: " + e + tail);
            Files.writeString(OUT.resolve("summary.txt"), "Crash recovery FAILED: " + e + "\n");
            throw new AssertionError(e.getMessage() + tail, e);
        }
    }

    private void run() throws Exception {
        app = start();
        Flow f1 = submit("F1", "op-cidu", CIDU, "瓷都数据运营有限公司", "f1@crash.example.cn");
        Flow f2 = submit("F2", "op-changnan", CHANGNAN, "昌南数科有限公司", "f2@crash.example.cn");
        Flow f3 = submit("F3", "op-cidu", CIDU, "瓷都数据运营有限公司", "f3@crash.example.cn");
        List<Flow> flows = List.of(f1, f2, f3);

        // 1. kill -9 of the application while F1 waits at its reviews (two of four decided)
        decide(f1, "UserTask_CheckCompleteness", "authority-reviewer", completeness("approve"));
        decide(f1, "UserTask_CoordinationReview", "security-gov-affairs", approvingReview("security-gov-affairs"));
        decide(f1, "UserTask_ProviderReview", "provider-fgw", Map.of("reviewOpinion", "approve"));
        Map<Flow, Set<String>> openTasks = openTasks(flows);
        assertThat(openTasks.get(f1)).hasSize(2);
        long postmaster = postmasterPid();
        app.kill();
        assertThat(alive(postmaster))
                .as("the killed JVM's PostgreSQL keeps running (the reported bug)")
                .isTrue();
        app = start();
        assertThat(alive(postmaster)).as("the orphan was shut down").isFalse();
        assertThat(app.output()).contains("发现上次运行遗留的 PostgreSQL", "已正常关闭");
        assertThat(openTasks(flows))
                .as("every instance with the same open tasks")
                .isEqualTo(openTasks);
        restarts.add(
                "1: app killed at reviews → orphan postmaster stopped (SIGINT), restart " + app.startSeconds + " s");

        // 2. kill -9 of the application while the notification worker holds F2's 补正 notice and hangs in the SMTP send
        smtp.pause();
        decide(f2, "UserTask_CheckCompleteness", "authority-reviewer", completeness("supplement"));
        String notify = f2.pid + ":ServiceTask_RequestSupplement:%:operator";
        await("the worker locks the notice task and hangs in the send")
                .atMost(Duration.ofSeconds(30))
                .until(() -> smtp.held() > 0 && lockedNotifyTask(f2) != null);
        Map<String, Object> lock = lockedNotifyTask(f2);
        assertThat(value("select emailed_at is null from approval.notice where dedupe_key like ?", notify))
                .as("the notice is stored, its e-mail not sent")
                .isEqualTo(true);
        postmaster = postmasterPid();
        app.kill();
        smtp.resume();
        app = start();
        assertThat(alive(postmaster)).isFalse();
        String taskId = (String) lock.get("id_");
        await("the task is fetched again once its lock expired, and done")
                .atMost(Duration.ofSeconds(45))
                .until(() -> count("select count(*) from act_ru_ext_task where id_ = ?", taskId) == 0);
        Map<String, Object> done = row(
                "select worker_id_, timestamp_ from act_hi_ext_task_log where ext_task_id_ = ? and state_ = 2", taskId);
        assertThat(count("select count(*) from act_hi_ext_task_log where ext_task_id_ = ? and state_ = 2", taskId))
                .as("completed once")
                .isEqualTo(1);
        assertThat(done.get("worker_id_")).as("by the restarted JVM").isNotEqualTo(lock.get("worker_id_"));
        assertThat((Timestamp) done.get("timestamp_")).isAfterOrEqualTo((Timestamp) lock.get("lock_exp_time_"));
        await().atMost(Duration.ofSeconds(15)).until(() -> mails(f2.email, "【需补正】") == 1);
        restarts.add("2: app killed inside mail.send holding " + lock.get("topic_name_") + " → refetched by "
                + done.get("worker_id_") + " after the lock expired, restart " + app.startSeconds + " s");

        // 3. kill -9 of PostgreSQL right after decisions were acknowledged, then of the application
        List<Acknowledged> acknowledged = new ArrayList<>();
        acknowledged.add(decide(f1, "UserTask_CoordinationReview", "security-cac", approvingReview("security-cac")));
        acknowledged.add(
                decide(f1, "UserTask_CoordinationReview", "security-police", approvingReview("security-police")));
        call(f2.operator, "POST", "/api/applications/" + f2.id + "/supplement", f2.body(upload(f2)), 200);
        acknowledged.add(decide(f2, "UserTask_CheckCompleteness", "authority-reviewer", completeness("approve")));
        acknowledged.add(decide(
                f2, "UserTask_CoordinationReview", "security-gov-affairs", approvingReview("security-gov-affairs")));
        acknowledged.add(decide(f2, "UserTask_ProviderReview", "provider-fgw", Map.of("reviewOpinion", "approve")));
        acknowledged.add(decide(f2, "UserTask_CoordinationReview", "security-cac", approvingReview("security-cac")));
        killPostgres();
        app.kill();
        app = start();
        assertThat(app.output()).contains("已清除过期的 postmaster.pid");
        List<String> missing = acknowledged.stream()
                .filter(a -> !kept(a))
                .map(Acknowledged::toString)
                .toList();
        assertThat(missing)
                .as("acknowledged decisions lost by the PostgreSQL crash (durable commits: %s)", DURABLE)
                .isEmpty();
        assertThat(count(
                        "select count(*) from approval.timeline_event where subject = 'ADM-' || ? and title = '提交补正材料'",
                        f2.id))
                .isEqualTo(1);
        restarts.add("3: PostgreSQL killed after " + acknowledged.size() + " acknowledged decisions → stale "
                + "postmaster.pid cleared, WAL recovery, restart " + app.startSeconds + " s");

        // every flow carries on to its end
        decide(f1, "UserTask_Decide", "authority-reviewer", admitted());
        decide(f2, "UserTask_CoordinationReview", "security-police", approvingReview("security-police"));
        decide(f2, "UserTask_Decide", "authority-reviewer", admitted());
        decide(f3, "UserTask_CheckCompleteness", "authority-reviewer", completeness("reject"));
        for (Flow f : List.of(f1, f2)) {
            firePublicityTimer(f);
        }
        for (Flow f : List.of(f1, f2)) {
            onboard(f);
        }
        awaitEnd(f1, "EndEvent_Admitted");
        awaitEnd(f2, "EndEvent_Admitted");
        awaitEnd(f3, "EndEvent_NotAccepted");
        assertThat(value("show synchronous_commit")).isEqualTo(DURABLE ? "on" : "off");
        assertThat(value("show fsync")).isEqualTo(DURABLE ? "on" : "off");

        Effects effects = effects(flows, acknowledged);
        String summary = "Crash recovery: 3 crash runs, " + flows.size()
                + " flows recovered (2 admitted, 1 not accepted), "
                + effects.lost.size() + " effects lost, " + effects.doubled.size() + " doubled (" + effects.figures
                + "; " + String.join("; ", restarts) + ")";
        System.out.println(summary);
        effects.lost.forEach(l -> System.out.println("  lost: " + l));
        effects.doubled.forEach(d -> System.out.println("  doubled: " + d));
        Files.writeString(
                OUT.resolve("summary.txt"),
                summary + "\n"
                        + Stream.concat(
                                        effects.lost.stream().map(l -> "  lost: " + l),
                                        effects.doubled.stream().map(d -> "  doubled: " + d))
                                .map(l -> l + "\n")
                                .collect(Collectors.joining()));
        assertThat(effects.lost).as("effects lost").isEmpty();
        assertThat(effects.doubled).as("effects doubled").isEmpty();
    }

    // -- what must be there once, and only once ---------------------------------------------------------------------

    private record Effects(List<String> lost, List<String> doubled, String figures) {}

    private Effects effects(List<Flow> flows, List<Acknowledged> acknowledged) throws Exception {
        List<String> lost = new ArrayList<>();
        List<String> doubled = new ArrayList<>();
        acknowledged.stream().filter(a -> !kept(a)).forEach(a -> lost.add("decision " + a));

        for (Flow f : flows) {
            List<String> titles = switch (f.name) {
                case "F1" -> List.of("【公示】", "【已准入】");
                case "F2" -> List.of("【需补正】", "【公示】", "【已准入】");
                default -> List.of("【未准入】");
            };
            for (String title : titles) {
                long n = count(
                        "select count(*) from approval.notice where recipient = ? and email_to = ? and title like ?",
                        "operator:" + f.creditCode,
                        f.email,
                        title + "%");
                if (n == 0) {
                    lost.add(f.name + " notice " + title);
                }
            }
        }
        for (Flow f : List.of(flows.get(0), flows.get(1))) {
            long groupNotices = count(
                    "select count(*) from approval.notice where dedupe_key like ? and recipient like 'group:%'",
                    f.pid + ":ServiceTask_CloseAdmitted:%");
            if (groupNotices != 6) {
                lost.add(f.name + " group notices: " + groupNotices + " of 6");
            }
            for (String table : List.of("agreement", "platform_permission")) {
                once(
                        f + " " + table,
                        count("select count(*) from approval." + table + " where application_id = ?", f.id),
                        lost,
                        doubled);
            }
            once(
                    f + " revenue_cap",
                    count(
                            "select count(*) from approval.revenue_cap r join approval.agreement a on a.id = r.agreement_id"
                                    + " where a.application_id = ?",
                            f.id),
                    lost,
                    doubled);
            for (String kind : List.of("ServiceTask_PublishPublicity", "ServiceTask_DiscloseOperator")) {
                once(
                        f + " disclosure " + kind,
                        count(
                                "select count(*) from approval.disclosure_entry where dedupe_key like ?",
                                f.pid + ":" + kind + ":%"),
                        lost,
                        doubled);
            }
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
            once(
                    f + " authorized_operator",
                    count("select count(*) from approval.authorized_operator where credit_code = ?", f.creditCode),
                    lost,
                    doubled);
        }

        // every stored notice with an address was mailed exactly once
        List<Map<String, Object>> notices =
                rows("select title, email_to, emailed_at from approval.notice where email_to is not null");
        Map<String, Integer> received = receivedMails();
        for (Map<String, Object> n : notices) {
            String key = n.get("email_to") + " " + n.get("title");
            int times = received.getOrDefault(key, 0);
            if (n.get("emailed_at") == null || times == 0) {
                lost.add("e-mail " + key);
            } else if (times > 1) {
                doubled.add("e-mail " + key + " × " + times);
            }
        }
        int mails = received.values().stream().mapToInt(Integer::intValue).sum();
        if (mails > notices.size()) {
            doubled.add(mails - notices.size() + " e-mails for no stored notice");
        }
        for (Map<String, Object> dup : rows("select subject, title, count(*) as n from approval.timeline_event"
                + " group by subject, title, coalesce(detail, '') having count(*) > 1")) {
            doubled.add("timeline " + dup);
        }
        long timeline = count("select count(*) from approval.timeline_event");
        long incidents = count("select count(*) from act_ru_incident");
        if (incidents > 0) {
            lost.add(incidents + " incidents");
        }
        String figures = notices.size() + " e-mailed notices each received once of "
                + count("select count(*) from approval.notice") + " notices, "
                + acknowledged.stream().filter(this::kept).count() + "/" + acknowledged.size()
                + " acknowledged decisions kept, " + count("select count(*) from approval.agreement") + " agreements, "
                + count("select count(*) from approval.platform_permission") + " permissions, "
                + count("select count(*) from approval.revenue_cap") + " revenue caps, " + timeline
                + " timeline entries, " + mails + " e-mails";
        return new Effects(lost, doubled, figures);
    }

    private static void once(String what, long n, List<String> lost, List<String> doubled) {
        if (n == 0) {
            lost.add(what);
        } else if (n > 1) {
            doubled.add(what + " × " + n);
        }
    }

    private Map<String, Integer> receivedMails() throws Exception {
        Map<String, Integer> received = new TreeMap<>();
        for (MimeMessage m : mail.getReceivedMessages()) {
            for (Address to : m.getAllRecipients()) {
                received.merge(to.toString() + " " + m.getSubject(), 1, Integer::sum);
            }
        }
        return received;
    }

    private int mails(String to, String subjectPrefix) throws Exception {
        return receivedMails().entrySet().stream()
                .filter(e -> e.getKey().startsWith(to + " " + subjectPrefix))
                .mapToInt(Map.Entry::getValue)
                .sum();
    }

    private record Acknowledged(Flow flow, String taskKey, String group, String taskId) {
        @Override
        public String toString() {
            return flow.name + " " + taskKey + " (" + group + ", task " + taskId + ")";
        }
    }

    /** The task is completed in history, and the review's opinion and the timeline entry are stored. */
    private boolean kept(Acknowledged a) {
        try {
            boolean completed = count(
                            "select count(*) from act_hi_taskinst where id_ = ? and end_time_ is not null"
                                    + " and delete_reason_ = 'completed'",
                            a.taskId)
                    == 1;
            boolean opinion = !a.taskKey.endsWith("Review")
                    || count("select count(*) from approval.review_opinion where task_id = ?", a.taskId) == 1;
            boolean timeline =
                    count("select count(*) from approval.timeline_event where dedupe_key = ?", "task:" + a.taskId) == 1;
            return completed && opinion && timeline;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    // -- the admission, as its users drive it -----------------------------------------------------------------------

    private static final class Flow {
        final String name;
        final String operator;
        final String creditCode;
        final String company;
        final String email;
        long announcement;
        long id;
        String pid;

        Flow(String name, String operator, String creditCode, String company, String email) {
            this.name = name;
            this.operator = operator;
            this.creditCode = creditCode;
            this.company = company;
            this.email = email;
        }

        Map<String, Object> body(long document) {
            Map<String, Object> body = ApplicationBodies.complete(announcement, creditCode, company, document);
            body.put("contactEmail", email);
            return body;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private Flow submit(String name, String operator, String creditCode, String company, String email)
            throws Exception {
        Flow f = new Flow(name, operator, creditCode, company, email);
        LocalDate today = LocalDate.now(Clocks.BEIJING);
        f.announcement = admissions.announcement("崩溃恢复测试通告 " + name);
        f.id = call(operator, "POST", "/api/applications", f.body(upload(f)), 201)
                .path("id")
                .asLong();
        f.pid = (String) value("select process_instance_id from approval.admission_application where id = ?", f.id);
        return f;
    }

    private long upload(Flow f) throws Exception {
        // 200 at the 补正: the same emergency plan again, and the company's same file is stored once
        return admissions.upload(f.operator, "emergency-plan.pdf", f.name);
    }

    /** The reviewer of the group finds the task in the engine's REST API and decides it through the portal API. */
    private Acknowledged decide(Flow f, String key, String group, Map<String, Object> decision) throws Exception {
        String user = REVIEWERS.get(group);
        String query = "/engine-rest/task?processInstanceId=" + f.pid + "&taskDefinitionKey=" + key + "&candidateGroup="
                + group;
        List<String> ids = new ArrayList<>();
        await(f + " " + key + " for " + group).atMost(Duration.ofSeconds(30)).until(() -> {
            ids.clear();
            call(user, "GET", query, null, 200)
                    .forEach(t -> ids.add(t.path("id").asText()));
            return ids.size() == 1;
        });
        call(user, "POST", "/api/tasks/" + ids.get(0) + "/decision", decision, 200);
        return new Acknowledged(f, key, group, ids.get(0));
    }

    /** The publicity period ends now: its timer's due date is moved, and the job executor fires it. */
    private void firePublicityTimer(Flow f) throws Exception {
        List<String> jobs = new ArrayList<>();
        await(f + " publicity timer").atMost(Duration.ofSeconds(30)).until(() -> {
            jobs.clear();
            call("admin", "GET", "/engine-rest/job?timers=true&processInstanceId=" + f.pid, null, 200)
                    .forEach(j -> jobs.add(j.path("id").asText()));
            return jobs.size() == 1;
        });
        call("admin", "PUT", "/engine-rest/job/" + jobs.get(0) + "/duedate", dueNow(), 204);
    }

    private void onboard(Flow f) throws Exception {
        for (Decision d : onboarding("CRASH-" + f.name, "成本加合理利润，利润率8%", "王五（业务负责人）、赵六（安全负责人）")) {
            decide(f, d.taskKey(), d.group(), d.variables());
        }
    }

    private void awaitEnd(Flow f, String endEvent) {
        await(f + " reaches " + endEvent)
                .atMost(Duration.ofSeconds(60))
                .until(() ->
                        count("select count(*) from act_hi_procinst where id_ = ? and end_time_ is not null", f.pid)
                                == 1);
        try {
            assertThat(count(
                            "select count(*) from act_hi_actinst where proc_inst_id_ = ? and act_id_ = ?",
                            f.pid,
                            endEvent))
                    .as(f + " ended in " + endEvent)
                    .isEqualTo(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<Flow, Set<String>> openTasks(List<Flow> flows) throws SQLException {
        Map<Flow, Set<String>> open = new LinkedHashMap<>();
        for (Flow f : flows) {
            open.put(
                    f,
                    rows("select id_ from act_ru_task where proc_inst_id_ = ?", f.pid).stream()
                            .map(r -> (String) r.get("id_"))
                            .collect(Collectors.toCollection(java.util.TreeSet::new)));
        }
        return open;
    }

    private Map<String, Object> lockedNotifyTask(Flow f) throws SQLException {
        List<Map<String, Object>> locked = rows(
                "select id_, topic_name_, worker_id_, lock_exp_time_ from act_ru_ext_task"
                        + " where proc_inst_id_ = ? and topic_name_ = 'admission-notify' and lock_exp_time_ is not null",
                f.pid);
        return locked.isEmpty() ? null : locked.get(0);
    }

    // -- HTTP ---------------------------------------------------------------------------------------------------------

    private JsonNode call(String user, String method, String path, Object body, int expected) throws Exception {
        return admissions.call(user, method, path, body, expected);
    }

    // -- the child's PostgreSQL ---------------------------------------------------------------------------------------

    private static List<String> pidFile() throws IOException {
        return Files.readAllLines(dataDir.resolve("postmaster.pid"));
    }

    private static long postmasterPid() throws IOException {
        return Long.parseLong(pidFile().get(0).trim());
    }

    private static Connection db() throws SQLException {
        try {
            return DriverManager.getConnection(
                    "jdbc:postgresql://localhost:" + pidFile().get(3).trim() + "/postgres", "postgres", "");
        } catch (IOException e) {
            throw new SQLException("no postmaster.pid in " + dataDir, e);
        }
    }

    private static List<Map<String, Object>> rows(String sql, Object... params) throws SQLException {
        return SqlRows.of(db(), sql, params);
    }

    private static Map<String, Object> row(String sql, Object... params) throws SQLException {
        List<Map<String, Object>> rows = rows(sql, params);
        assertThat(rows).as(sql).hasSize(1);
        return rows.get(0);
    }

    private static Object value(String sql, Object... params) throws SQLException {
        return row(sql, params).values().iterator().next();
    }

    private static long count(String sql, Object... params) throws SQLException {
        return ((Number) value(sql, params)).longValue();
    }

    /** SIGKILL to the postmaster and every process of it at once: PostgreSQL dies as in a crash, with its buffers. */
    private static void killPostgres() throws IOException {
        ProcessHandle postmaster = ProcessHandle.of(postmasterPid()).orElseThrow();
        List<ProcessHandle> children = postmaster.children().toList();
        postmaster.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
    }

    /** Running, and not a zombie waiting to be reaped. */
    private static boolean alive(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException e) {
            return false;
        }
    }

    // -- the application, a separate JVM ------------------------------------------------------------------------------

    private static final class Child {
        final Process process;
        final int port;
        final int managementPort;
        final Path log;
        long startSeconds;

        Child(Process process, int port, int managementPort, Path log) {
            this.process = process;
            this.port = port;
            this.managementPort = managementPort;
            this.log = log;
        }

        URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }

        void kill() throws InterruptedException {
            process.destroyForcibly(); // SIGKILL: no shutdown hook, no pg_ctl stop
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        String output() throws IOException {
            return Files.readString(log);
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

    private static Child start() throws Exception {
        int number = ++starts;
        int port;
        int managementPort;
        try (ServerSocket free = new ServerSocket(0);
                ServerSocket freeToo = new ServerSocket(0)) {
            port = free.getLocalPort();
            managementPort = freeToo.getLocalPort();
        }
        Path log = OUT.resolve("app-" + number + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-Dserver.port=" + port,
                "-Dmanagement.server.port=" + managementPort,
                "-Dapproval.database.data-dir=" + dataDir,
                "-Dapproval.database.durable=" + DURABLE,
                "-Dapproval.demo.enabled=false",
                "-Dapproval.mail.embedded=false",
                "-Dspring.mail.host=127.0.0.1",
                "-Dspring.mail.port=" + smtp.port(),
                "-Dapproval.keycloak.url=" + LocalKeycloak.URL,
                "-Dapproval.workers.lock-duration-ms=6000",
                "-Dapproval.workers.long-poll-ms=1000",
                "-Dapproval.workers.retry-timeout-ms=1000",
                // the publicity timer is fired by the job executor within a second of its new due date
                "-Doperaton.bpm.job-execution.wait-time-in-millis=500",
                "-Doperaton.bpm.job-execution.max-wait=1000",
                "-cp",
                System.getProperty("java.class.path"),
                "cn.pubdata.approval.ApprovalApplication"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(OUT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // the clients' secrets as infra/run.sh passes them: in the environment, not on the command line
        for (String secret : List.of("WEBAPPS_CLIENT_SECRET", "WORKERS_CLIENT_SECRET", "IDENTITY_CLIENT_SECRET")) {
            builder.environment().put(secret, LocalKeycloak.secret(secret));
        }
        long started = System.nanoTime();
        Child child = new Child(builder.start(), port, managementPort, log);
        app = child;
        await("application " + number + " ready")
                .atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    if (!child.process.isAlive()) {
                        throw new AssertionError("application " + number + " exited with " + child.process.exitValue());
                    }
                    return healthy(child);
                });
        child.startSeconds = Math.round((System.nanoTime() - started) / 1e9);
        return child;
    }

    private static boolean healthy(Child child) {
        try {
            HttpResponse<String> answer = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + child.managementPort + "/actuator/health"))
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200 && answer.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
