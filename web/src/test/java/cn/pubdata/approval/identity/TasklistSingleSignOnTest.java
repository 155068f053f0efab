package cn.pubdata.approval.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.pubdata.approval.WebTest;
import cn.pubdata.approval.admission.AdmissionApplication;
import cn.pubdata.approval.admission.AdmissionApplication.DocumentKind;
import cn.pubdata.approval.admission.AdmissionSubmission;
import cn.pubdata.approval.admission.Announcement;
import cn.pubdata.approval.admission.AnnouncementForm;
import cn.pubdata.approval.admission.Announcements;
import cn.pubdata.approval.admission.ApplicationForm;
import cn.pubdata.approval.admission.PlanSections;
import cn.pubdata.approval.common.Clocks;
import cn.pubdata.approval.document.DocumentStore;
import cn.pubdata.approval.task.TaskDecisions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.TaskService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Reviewers log in to Tasklist through Keycloak (the OIDC code flow a browser walks) and see exactly the tasks of the
 * units Keycloak gives them; Cockpit refuses who is not a manager.
 */
class TasklistSingleSignOnTest extends WebTest {

    private static final String APP = cn.pubdata.approval.WebTest.APP;
    private static final ObjectMapper JSON = new ObjectMapper();

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

    @Test
    void aProviderReviewerSeesTheTaskOfTheirUnitAndNotAnotherUnits() throws Exception {
        String pid = applicationInProviderReview();
        List<String> fgw = taskGroupsVisibleTo(login("fgw"), pid);
        List<String> jtj = taskGroupsVisibleTo(login("jtj"), pid);
        assertThat(fgw).contains("provider-fgw").doesNotContain("provider-jtj", "security-cac");
        assertThat(jtj).contains("provider-jtj").doesNotContain("provider-fgw", "security-cac");
    }

    @Test
    void cockpitIsForManagersOnly() throws Exception {
        assertThat(get(login("manager"), "/operaton/app/cockpit/default/").statusCode())
                .isEqualTo(200);
        HttpResponse<String> refused = get(login("jtj"), "/operaton/app/cockpit/default/");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("无权访问");
    }

    @Test
    void loggingOutOfTasklistEndsTheKeycloakSessionToo() throws Exception {
        HttpClient browser = login("authority");
        HttpResponse<String> out = browser.send(
                HttpRequest.newBuilder(URI.create(APP + "/operaton/api/admin/auth/user/default/logout"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(out.statusCode()).isEqualTo(200);
        HttpResponse<String> again = get(browser, "/operaton/app/tasklist/default/");
        assertThat(again.uri().toString())
                .as("asked for the password again, not logged straight back in")
                .startsWith(LocalKeycloak.REALM);
        assertThat(again.body()).contains("kc-form-login");
    }

    private static HttpClient login(String user) throws Exception {
        return SsoBrowser.login(user).client();
    }

    private List<String> taskGroupsVisibleTo(HttpClient browser, String pid) throws Exception {
        HttpResponse<String> answer = get(browser, "/operaton/api/engine/engine/default/task?processInstanceId=" + pid);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        List<String> groups = new ArrayList<>();
        for (JsonNode task : JSON.readTree(answer.body())) {
            tasks.getIdentityLinksForTask(task.path("id").asText()).forEach(l -> groups.add(l.getGroupId()));
        }
        return groups;
    }

    private static HttpResponse<String> get(HttpClient browser, String path) throws Exception {
        return browser.send(
                HttpRequest.newBuilder(URI.create(APP + path))
                        .header("Accept", "application/json, text/html")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String applicationInProviderReview() {
        LocalDate today = LocalDate.now(Clocks.BEIJING);
        Announcement a = announcements.publish(new AnnouncementForm(
                "jingdezhen",
                "单点登录测试通告",
                Announcement.Mode.WHOLE,
                "全市",
                "条件",
                List.of("标准"),
                today,
                today.plusDays(10),
                List.of("fgw-personal-credit", "jtj-vehicles")));
        String code = "914403001922038216";
        long doc = documents
                .store(code, "应急预案.pdf", "%PDF-1.4\n%%EOF".getBytes(StandardCharsets.US_ASCII))
                .id();
        AdmissionApplication application = submission.submit(new ApplicationForm(
                a.getId(),
                code,
                "昌南数科有限公司",
                "甲",
                "乙",
                "丙",
                "丁",
                "戊",
                "13800138000",
                "ops@changnan.example.cn",
                IntStream.rangeClosed(1, 8)
                        .mapToObj(i -> new ApplicationForm.PlanSectionInput(i, PlanSections.label(i)))
                        .toList(),
                List.of("fgw-personal-credit", "jtj-vehicles"),
                List.of(new ApplicationForm.DocumentRef(doc, DocumentKind.EMERGENCY_PLAN)),
                null));
        String pid = application.getProcessInstanceId();
        decisions.decide(
                tasks.createTaskQuery().processInstanceId(pid).singleResult().getId(),
                "authority",
                Set.of("authority-reviewer"),
                Map.of("completenessDecision", "approve"));
        return pid;
    }
}
