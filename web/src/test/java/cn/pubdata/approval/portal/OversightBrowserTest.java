package cn.pubdata.approval.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.pubdata.approval.WebTest;
import cn.pubdata.approval.admission.AdmissionApplication;
import cn.pubdata.approval.admission.AdmissionApplication.DocumentKind;
import cn.pubdata.approval.admission.AdmissionProcess;
import cn.pubdata.approval.admission.AdmissionSubmission;
import cn.pubdata.approval.admission.Announcement;
import cn.pubdata.approval.admission.AnnouncementForm;
import cn.pubdata.approval.admission.Announcements;
import cn.pubdata.approval.admission.ApplicationForm;
import cn.pubdata.approval.admission.PlanSections;
import cn.pubdata.approval.common.Clocks;
import cn.pubdata.approval.document.DocumentStore;
import cn.pubdata.approval.policy.PolicyProfiles;
import cn.pubdata.approval.task.TaskDecisions;
import cn.pubdata.approval.timeline.Subjects;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Oversight in a real Chromium over data made by walking a real admission of 景德镇 to its publicity: the disclosure
 * site without login, an objection filed during the publicity (a receipt number, followed on the site), and the
 * manager's dashboards drilled down to that application's timeline. Every page shown passes axe-core with no serious or
 * critical violation (counts per page in target/figures/axe-*.txt). Screenshots: web/target/e2e/oversight-*.png.
 */
class OversightBrowserTest extends WebTest {

    private static final String CREDIT_CODE = "91110000100006485K";

    @Autowired
    Announcements announcements;

    @Autowired
    AdmissionSubmission submission;

    @Autowired
    DocumentStore documents;

    @Autowired
    TaskDecisions decisions;

    @Autowired
    TaskService tasks;

    @Autowired
    PolicyProfiles profiles;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theDisclosureSiteTakesAnObjectionWithoutLoginAndTheManagerDrillsDownToTheApplication() throws Exception {
        BrowserScript.ensureChromium();
        AdmissionApplication application = inPublicity();
        String subject = Subjects.admission(application.getId());
        await().atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.sql("select count(*) from approval.publicity_notice where application_id = :a")
                                .param("a", application.getId())
                                .query(Long.class)
                                .single()
                        == 1);
        long noticeId = jdbc.sql("select id from approval.publicity_notice where application_id = :a")
                .param("a", application.getId())
                .query(Long.class)
                .single();

        BrowserScript.Result site = BrowserScript.run(
                "oversight.e2e.mjs", "public", BrowserScript.APP, BrowserScript.OUT.toString(), "" + noticeId);
        assertThat(site.exit()).as(site.output()).isZero();
        BrowserScript.assertAccessible("axe-disclosure-site", site);
        Matcher receipt = Pattern.compile("RECEIPT (YY\\d{8}-\\d{6})").matcher(site.output());
        assertThat(receipt.find()).as(site.output()).isTrue();
        assertThat(jdbc.sql("select application_id from approval.objection where receipt_no = :r")
                        .param("r", receipt.group(1))
                        .query(Long.class)
                        .single())
                .isEqualTo(application.getId());

        BrowserScript.Result dashboard = BrowserScript.run(
                "oversight.e2e.mjs", "dashboard", BrowserScript.APP, BrowserScript.OUT.toString(), subject);
        assertThat(dashboard.exit()).as(dashboard.output()).isZero();
        BrowserScript.assertAccessible("axe-dashboards", dashboard);
        assertThat(dashboard.output())
                .as("the timeline names the real actor and unit")
                .contains("审核岗 数据局（数据主管部门（审核岗））");
    }

    /** An admission of 景德镇 walked through its reviews and decision, waiting in its publicity. */
    private AdmissionApplication inPublicity() {
        LocalDate today = LocalDate.now(Clocks.BEIJING);
        Announcement a = announcements.publish(new AnnouncementForm(
                "jingdezhen",
                "景德镇市公共数据资源授权运营单位准入通告（监管看板测试）",
                Announcement.Mode.WHOLE,
                "全市公共数据资源整体授权运营",
                "具备数据资源加工、运营所需的管理和技术服务能力",
                profiles.of("jingdezhen").admissionCriteria(),
                today.minusDays(1),
                today.plusDays(30),
                List.of("fgw-enterprise-credit")));
        long plan = documents.store(CREDIT_CODE, "应急预案.pdf", pdf("应急预案")).id();
        long licence = documents.store(CREDIT_CODE, "营业执照.pdf", pdf("营业执照")).id();
        AdmissionApplication application = submission.submit(new ApplicationForm(
                a.getId(),
                CREDIT_CODE,
                "看板公示测试有限公司",
                "张三",
                "李四",
                "王五",
                "赵六",
                "钱七",
                "13800138000",
                "ops@oversight.example.cn",
                IntStream.rangeClosed(1, 8)
                        .mapToObj(i -> new ApplicationForm.PlanSectionInput(i, PlanSections.label(i) + "：方案内容。"))
                        .toList(),
                List.of("fgw-enterprise-credit"),
                List.of(
                        new ApplicationForm.DocumentRef(plan, DocumentKind.EMERGENCY_PLAN),
                        new ApplicationForm.DocumentRef(licence, DocumentKind.QUALIFICATION)),
                null));
        String pid = application.getProcessInstanceId();
        decide(
                pid,
                AdmissionProcess.TASK_CHECK_COMPLETENESS,
                Map.of("completenessDecision", "approve", "expertConsultation", false));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> tasks.createTaskQuery().processInstanceId(pid).count() > 0);
        for (Task review : tasks.createTaskQuery().processInstanceId(pid).list()) {
            String group = group(review);
            Map<String, Object> opinion = review.getTaskDefinitionKey().equals(AdmissionProcess.TASK_PROVIDER_REVIEW)
                    ? Map.of("reviewOpinion", "approve")
                    : judged(review, Map.of("reviewOpinion", "approve"));
            decisions.decide(review.getId(), "reviewer-" + group, Set.of(group), opinion);
        }
        Task decide = awaitTask(pid, AdmissionProcess.TASK_DECIDE);
        decisions.decide(
                decide.getId(),
                "authority",
                Set.of("authority-reviewer"),
                judged(decide, Map.of("admissionDecision", "approve")));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.sql("select count(*) from approval.publicity_notice where application_id = :a")
                                .param("a", application.getId())
                                .query(Long.class)
                                .single()
                        == 1);
        return application;
    }

    private void decide(String pid, String key, Map<String, Object> variables) {
        Task task = awaitTask(pid, key);
        decisions.decide(task.getId(), "authority", Set.of(group(task)), variables);
    }

    private Task awaitTask(String pid, String key) {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> tasks.createTaskQuery()
                                .processInstanceId(pid)
                                .taskDefinitionKey(key)
                                .count()
                        > 0);
        return tasks.createTaskQuery()
                .processInstanceId(pid)
                .taskDefinitionKey(key)
                .list()
                .get(0);
    }

    private String group(Task task) {
        return tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(l -> l.getGroupId() != null)
                .findFirst()
                .orElseThrow()
                .getGroupId();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> judged(Task task, Map<String, Object> decision) {
        Map<String, Object> variables = new LinkedHashMap<>(decision);
        List<Map<String, Object>> options =
                (List<Map<String, Object>>) tasks.getVariable(task.getId(), "criteriaOptions");
        variables.put("metCriteria", options.stream().map(o -> o.get("value")).toList());
        variables.put("criteriaNote", "");
        return variables;
    }

    private static byte[] pdf(String name) {
        return ("%PDF-1.4\n% " + name + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
    }
}
