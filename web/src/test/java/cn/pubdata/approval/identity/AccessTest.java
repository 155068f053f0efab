package cn.pubdata.approval.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.pubdata.approval.WebTest;
import cn.pubdata.approval.admission.ApplicationBodies;
import cn.pubdata.approval.common.Clocks;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.TaskService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;

/** Every caller sees what their role and company allow: 401 without a token, 403 for the wrong role, 404 for others' data. */
class AccessTest extends WebTest {

    private static final String CIDU = "91330100716105852F";
    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST =
            new ParameterizedTypeReference<>() {};

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TaskService tasks;

    @Test
    void theEngineRestApiAnswersOnlyAuthenticatedReviewers() {
        assertThat(call(null, HttpMethod.GET, "/engine-rest/process-definition", null)
                        .getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(call("op-cidu", HttpMethod.GET, "/engine-rest/process-definition", null)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        HttpHeaders forged = new HttpHeaders();
        forged.setBearerAuth(Tokens.of("authority") + "x");
        assertThat(http.exchange(
                                "/engine-rest/process-definition",
                                HttpMethod.GET,
                                new HttpEntity<>(forged),
                                String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.exchange(
                                "/engine-rest/process-definition",
                                HttpMethod.GET,
                                new HttpEntity<>(auth("authority")),
                                String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void anOperatorCannotReachAnotherOperatorsApplicationDocumentOrInboxByAnyId() {
        long app = submitAsCidu();
        long doc = ((Number) jdbc.sql(
                                "select max(document_id) from approval.application_document where admission_application_id = ?")
                        .param(1, app)
                        .query(Long.class)
                        .single())
                .longValue();
        for (String path : List.of(
                "/api/applications/" + app, "/api/applications/" + app + "/progress", "/api/documents/" + doc)) {
            assertThat(call("op-changnan", HttpMethod.GET, path, null).getStatusCode())
                    .as(path)
                    .isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(call("op-cidu", HttpMethod.GET, path, null).getStatusCode())
                    .as(path)
                    .isEqualTo(HttpStatus.OK);
            assertThat(call(null, HttpMethod.GET, path, null).getStatusCode())
                    .as(path)
                    .isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        assertThat(call(
                                "op-changnan",
                                HttpMethod.POST,
                                "/api/applications/" + app + "/withdraw",
                                Map.of("reason", "恶意撤回"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(call("authority", HttpMethod.GET, "/api/applications/" + app, null)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(list("op-changnan", "/api/applications?creditCode=" + CIDU))
                .allSatisfy(a -> assertThat(a.get("creditCode")).isNotEqualTo(CIDU));
        assertThat(list("op-cidu", "/api/applications"))
                .anySatisfy(a -> assertThat(((Number) a.get("id")).longValue()).isEqualTo(app));
        assertThat(list("op-changnan", "/api/inbox"))
                .noneSatisfy(n -> assertThat(n.get("recipient")).isEqualTo("operator:" + CIDU));
    }

    @Test
    void eachCallNeedsItsRole() {
        Map<String, Object> announcement = announcementBody();
        assertThat(call("op-cidu", HttpMethod.POST, "/api/announcements", announcement)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(call("fgw", HttpMethod.POST, "/api/announcements", announcement)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(call("authority", HttpMethod.POST, "/api/applications", Map.of())
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(call("op-cidu", HttpMethod.POST, "/api/tasks/any/decision", Map.of())
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(call("op-cidu", HttpMethod.PUT, "/api/calendar/2027", Map.of())
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.getForEntity("/api/announcements", String.class).getStatusCode())
                .as("announcements are public")
                .isEqualTo(HttpStatus.OK);
        assertThat(http.getForEntity("/api/catalog/resources", String.class).getStatusCode())
                .as("the catalog is public")
                .isEqualTo(HttpStatus.OK);
        assertThat(call(null, HttpMethod.GET, "/api/inbox", null).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(call("fgw", HttpMethod.GET, "/api/inbox?group=provider-jtj", null)
                        .getStatusCode())
                .as("another unit's inbox")
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(list("fgw", "/api/inbox?group=provider-fgw")).isNotNull();
    }

    @Test
    void aReviewerCannotDecideAnotherUnitsTaskAndTheWorkersRunWithTheirServiceAccount() {
        long app = submitAsCidu();
        String pid = jdbc.sql("select process_instance_id from approval.admission_application where id = ?")
                .param(1, app)
                .query(String.class)
                .single();
        String taskId =
                tasks.createTaskQuery().processInstanceId(pid).singleResult().getId();
        Map<String, Object> supplement =
                Map.of("completenessDecision", "supplement", "completenessReason", "请补充应急预案的处置流程");
        assertThat(call("fgw", HttpMethod.POST, "/api/tasks/" + taskId + "/decision", supplement)
                        .getStatusCode())
                .as("a provider unit does not see the authority's task")
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(call("authority", HttpMethod.POST, "/api/tasks/" + taskId + "/decision", supplement)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        // the notice is sent by a worker that fetched the task through /engine-rest with its own token
        await().atMost(Duration.ofSeconds(30))
                .until(() -> list("op-cidu", "/api/inbox").stream()
                        .anyMatch(n -> n.get("title").toString().startsWith("【需补正】")
                                && n.get("body").toString().contains("请补充应急预案的处置流程")));

        // the header's unread count goes down when the notice is read, and only its own company may read it
        long notice = list("op-cidu", "/api/inbox").stream()
                .filter(n -> n.get("title").toString().startsWith("【需补正】"))
                .map(n -> ((Number) n.get("id")).longValue())
                .findFirst()
                .orElseThrow();
        int unread = ((Number) call("op-cidu", HttpMethod.GET, "/api/inbox/unread-count", null)
                        .getBody()
                        .get("unread"))
                .intValue();
        assertThat(unread).isPositive();
        assertThat(call("op-changnan", HttpMethod.POST, "/api/inbox/" + notice + "/read", null)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(call("op-cidu", HttpMethod.POST, "/api/inbox/" + notice + "/read", null)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(((Number) call("op-cidu", HttpMethod.GET, "/api/inbox/unread-count", null)
                                .getBody()
                                .get("unread"))
                        .intValue())
                .isEqualTo(unread - 1);
    }

    private long submitAsCidu() {
        long announcement = ((Number) call("authority", HttpMethod.POST, "/api/announcements", announcementBody())
                        .getBody()
                        .get("id"))
                .longValue();
        LinkedMultiValueMap<String, Object> file = new LinkedMultiValueMap<>();
        file.add("file", new ByteArrayResource("%PDF-1.4\n%%EOF".getBytes(StandardCharsets.US_ASCII)) {
            @Override
            public String getFilename() {
                return "应急预案.pdf";
            }
        });
        HttpHeaders multipart = auth("op-cidu");
        multipart.setContentType(MediaType.MULTIPART_FORM_DATA);
        long doc = ((Number) http.exchange("/api/documents", HttpMethod.POST, new HttpEntity<>(file, multipart), JSON)
                        .getBody()
                        .get("id"))
                .longValue();
        Map<String, Object> body = ApplicationBodies.complete(announcement, CIDU, "瓷都数据运营有限公司", doc);
        ResponseEntity<Map<String, Object>> created = call("op-cidu", HttpMethod.POST, "/api/applications", body);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return ((Number) created.getBody().get("id")).longValue();
    }

    private static Map<String, Object> announcementBody() {
        LocalDate today = LocalDate.now(Clocks.BEIJING);
        return Map.of(
                "jurisdiction",
                "jingdezhen",
                "title",
                "权限测试通告",
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
                List.of("fgw-personal-credit"));
    }

    private ResponseEntity<Map<String, Object>> call(String user, HttpMethod method, String path, Object body) {
        return http.exchange(path, method, new HttpEntity<>(body, user == null ? new HttpHeaders() : auth(user)), JSON);
    }

    private List<Map<String, Object>> list(String user, String path) {
        ResponseEntity<List<Map<String, Object>>> answer =
                http.exchange(path, HttpMethod.GET, new HttpEntity<>(auth(user)), LIST);
        assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    private static HttpHeaders auth(String user) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(Tokens.of(user));
        return headers;
    }
}
