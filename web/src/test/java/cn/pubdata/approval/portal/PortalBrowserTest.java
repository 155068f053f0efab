package cn.pubdata.approval.portal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.pubdata.approval.WebTest;
import cn.pubdata.approval.admission.Announcement;
import cn.pubdata.approval.admission.AnnouncementForm;
import cn.pubdata.approval.admission.Announcements;
import cn.pubdata.approval.common.Clocks;
import cn.pubdata.approval.fixture.AuthorizedOperators;
import cn.pubdata.approval.officialnotice.OfficialNotice;
import cn.pubdata.approval.officialnotice.OfficialNotices;
import cn.pubdata.approval.task.TaskDecisions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.TaskService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An operator in a real Chromium: logs in through Keycloak, fills and submits an admission application with a
 * document, sees its timeline move when a reviewer returns it for 补正, supplements it, and once accepted finds the
 * 受理通知书 with its 文号 among its official notices and opens its print view; keeps its disclosure plan
 * (DSC-01, DSC-06) and sees it on the public site without login. Each page shown passes axe-core with no serious or
 * critical violation. Screenshots of each step: web/target/e2e/.
 */
class PortalBrowserTest extends WebTest {

    private static final Path OUT = BrowserScript.OUT;
    private static final String APP = BrowserScript.APP;

    @Autowired
    TaskDecisions decisions;

    @Autowired
    TaskService tasks;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Announcements announcements;

    @Autowired
    AuthorizedOperators operators;

    @Autowired
    OfficialNotices officialNotices;

    @Test
    void anOperatorAppliesThroughThePortalAndSeesTheReviewersDecision() throws Exception {
        BrowserScript.ensureChromium();
        Path pdf = OUT.resolve("应急预案.pdf");
        Files.writeString(pdf, "%PDF-1.4\n% 应急预案\n%%EOF\n", StandardCharsets.UTF_8);

        BrowserScript.Result apply = BrowserScript.run(
                "portal.e2e.mjs", "apply", APP, OUT.toString(), pdf.toString(), String.valueOf(announcement()));
        assertThat(apply.exit()).as(apply.output()).isZero();
        BrowserScript.assertAccessible("axe-portal-apply", apply);
        Matcher id = Pattern.compile("APPLICATION (\\d+)").matcher(apply.output());
        assertThat(id.find()).as(apply.output()).isTrue();
        long applicationId = Long.parseLong(id.group(1));
        assertThat(jdbc.sql("select credit_code from approval.admission_application where id = ?")
                        .param(1, applicationId)
                        .query(String.class)
                        .single())
                .isEqualTo("91330100716105852F");

        String pid = jdbc.sql("select process_instance_id from approval.admission_application where id = ?")
                .param(1, applicationId)
                .query(String.class)
                .single();
        decisions.decide(
                tasks.createTaskQuery().processInstanceId(pid).singleResult().getId(),
                "authority",
                Set.of("authority-reviewer"),
                Map.of("completenessDecision", "supplement", "completenessReason", "请补充应急预案的处置流程"));

        BrowserScript.Result follow =
                BrowserScript.run("portal.e2e.mjs", "follow", APP, OUT.toString(), String.valueOf(applicationId));
        assertThat(follow.exit()).as(follow.output()).isZero();
        BrowserScript.assertAccessible("axe-portal-follow", follow);
        assertThat(OUT.resolve("5-timeline-moved-supplement-requested.png")).exists();
        assertThat(jdbc.sql(
                                "select count(*) from approval.timeline_event where subject = 'ADM-' || ? and title = '提交补正材料'")
                        .param(1, applicationId)
                        .query(Integer.class)
                        .single())
                .as("the supplement reached the process")
                .isEqualTo(1);
        assertThat(tasks.createTaskQuery().processInstanceId(pid).singleResult().getTaskDefinitionKey())
                .as("back at the completeness check")
                .isEqualTo("UserTask_CheckCompleteness");

        decisions.decide(
                tasks.createTaskQuery().processInstanceId(pid).singleResult().getId(),
                "authority",
                Set.of("authority-reviewer"),
                Map.of("completenessDecision", "approve", "expertConsultation", false));
        String subject = "ADM-" + applicationId;
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> officialNotices.ofSubject(subject).stream()
                        .anyMatch(n -> n.kind() == OfficialNotice.Kind.ACCEPTANCE));
        OfficialNotice accepted = officialNotices.ofSubject(subject).stream()
                .filter(n -> n.kind() == OfficialNotice.Kind.ACCEPTANCE)
                .findFirst()
                .orElseThrow();
        BrowserScript.Result notices =
                BrowserScript.run("portal.e2e.mjs", "notices", APP, OUT.toString(), accepted.documentNumber());
        assertThat(notices.exit()).as(notices.output()).isZero();
        BrowserScript.assertAccessible("axe-portal-notices", notices);
        assertThat(notices.output()).contains("ACCEPTANCE", "受理通知书", accepted.documentNumber());
    }

    @Test
    void anOperatorKeepsItsDisclosurePlanInThePortalAndThePublicSeesIt() throws Exception {
        BrowserScript.ensureChromium();
        operators.ciduInJingdezhen();
        String item = "公共数据资源使用情况（浏览器测试 " + System.nanoTime() % 100000 + "）";

        BrowserScript.Result disclose = BrowserScript.run("portal.e2e.mjs", "disclose", APP, OUT.toString(), item);
        assertThat(disclose.exit()).as(disclose.output()).isZero();
        BrowserScript.assertAccessible("axe-portal-disclosure-plan", disclose);
        assertThat(disclose.output()).contains("DISCLOSED", item, "每季度", "运营平台门户网站");
        assertThat(jdbc.sql("""
                                select d.content from approval.plan_disclosure d
                                join approval.disclosure_plan_item p on p.id = d.plan_item_id where p.item = ?""").param(1, item).query(String.class).list())
                .containsExactly("本季度数据调用情况：https://cidu.example.cn/disclosure/q4");
    }

    /** An announcement of its own, so that what other tests applied for does not stand in the way. */
    private long announcement() {
        LocalDate today = LocalDate.now(Clocks.BEIJING);
        return announcements
                .publish(new AnnouncementForm(
                        "jingdezhen",
                        "门户浏览器测试通告",
                        Announcement.Mode.WHOLE,
                        "全市",
                        "具备数据安全管理制度",
                        List.of("安全管理制度健全"),
                        today,
                        today.plusDays(10),
                        List.of("fgw-personal-credit", "jtj-vehicles")))
                .getId();
    }
}
