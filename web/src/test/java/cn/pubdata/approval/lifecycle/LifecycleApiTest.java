package cn.pubdata.approval.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.pubdata.approval.WebTest;
import cn.pubdata.approval.common.Clocks;
import cn.pubdata.approval.common.Enforces;
import cn.pubdata.approval.document.DocumentStore;
import cn.pubdata.approval.fixture.AuthorizedOperators;
import cn.pubdata.approval.identity.Tokens;
import cn.pubdata.approval.policy.PolicyProfiles;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
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
import org.springframework.util.LinkedMultiValueMap;

/**
 * The lifecycle through the portal API: the operator follows its agreement, asks to renew or to leave early; the
 * authority orders a rectification with evidence and edits the profiles; the ledger for the price authority. Each test
 * gives op-changnan a fresh agreement in 咸宁, as an admission leaves it (the flows themselves are the process tests').
 */
class LifecycleApiTest extends WebTest {

    private static final String RESOURCE = "xn-gjj-api-lifecycle";
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST =
            new ParameterizedTypeReference<>() {};

    @Autowired
    TestRestTemplate http;

    @Autowired
    AuthorizedOperators operators;

    @Autowired
    DocumentStore documents;

    @Autowired
    PolicyProfiles profiles;

    @Test
    void theOperatorFollowsItsOwnAgreementAndARenewalTheProfileDoesNotKnowIsRefusedWithTheRule() {
        long id = newAgreement();
        List<Map<String, Object>> mine = http.exchange(
                        "/api/lifecycle/agreements", HttpMethod.GET, new HttpEntity<>(auth("op-changnan")), LIST)
                .getBody();
        assertThat(mine).anySatisfy(a -> {
            assertThat(((Number) a.get("agreementId")).longValue()).isEqualTo(id);
            assertThat(a.get("stateLabel")).isEqualTo("运营中");
        });
        ResponseEntity<Map<String, Object>> overview =
                call("op-changnan", HttpMethod.GET, "/api/lifecycle/agreements/" + id, null);
        assertThat(overview.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(overview.getBody().get("profileVersionLabel").toString()).startsWith("咸宁市 政策配置第 ");
        assertThat(call("op-cidu", HttpMethod.GET, "/api/lifecycle/agreements/" + id, null)
                        .getStatusCode())
                .as("another company's agreement")
                .isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<Map<String, Object>> renewal = call(
                "op-changnan",
                HttpMethod.POST,
                "/api/lifecycle/agreements/" + id + "/renewal",
                Map.of("reason", "继续运营"));
        assertThat(renewal.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(renewal.getBody().get("detail").toString()).contains("未设续期", "ADM-20");
    }

    @Test
    @Enforces({"SEC-08"})
    @SuppressWarnings("unchecked")
    void theAgreementPageShowsTheGoverningEmergencyPlanAndTheOperatorFilesAnUpdateForReview() {
        long id = newAgreement();
        String path = "/api/lifecycle/agreements/" + id + "/emergency-plans";
        Map<String, Object> plans =
                call("op-changnan", HttpMethod.GET, path, null).getBody();
        assertThat((Map<String, Object>) plans.get("governing"))
                .containsEntry("fromAdmission", true)
                .containsEntry("status", "GOVERNING");
        assertThat(plans.get("inReview")).isNull();
        assertThat(call("op-cidu", HttpMethod.GET, path, null).getStatusCode())
                .as("another company's agreement")
                .isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<Map<String, Object>> incomplete =
                call("op-changnan", HttpMethod.POST, path, Map.of("changes", " "));
        assertThat(incomplete.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(incomplete.getBody().toString()).contains("请上传更新后的应急预案", "请说明应急预案修订了哪些内容");
        long updated = documents
                .store(
                        AuthorizedOperators.CHANGNAN_COMPANY.creditCode(),
                        "应急预案（修订）.pdf",
                        ("%PDF-1.4\n% 修订 " + System.nanoTime() + "\n%%EOF").getBytes(StandardCharsets.UTF_8))
                .id();
        ResponseEntity<Map<String, Object>> filed =
                call("op-changnan", HttpMethod.POST, path, Map.of("documentId", updated, "changes", "补充个人信息泄露处置流程"));
        assertThat(filed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(filed.getBody()).containsEntry("status", "IN_REVIEW").containsEntry("fileName", "应急预案（修订）.pdf");
        Map<String, Object> after =
                call("authority", HttpMethod.GET, path, null).getBody();
        assertThat((Map<String, Object>) after.get("governing")).containsEntry("fromAdmission", true);
        assertThat((Map<String, Object>) after.get("inReview")).containsEntry("changes", "补充个人信息泄露处置流程");
        assertThat((List<?>) after.get("history")).hasSize(2);
        assertThat(call("op-changnan", HttpMethod.POST, path, Map.of("documentId", updated, "changes", "再次修订"))
                        .getStatusCode())
                .as("one plan in review at a time")
                .isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void theAuthorityOrdersARectificationWithEvidenceAndTheOperatorFilesItsPlanAndReport() {
        long id = newAgreement();
        long evidence = uploadEvidence();
        Map<String, Object> order = new HashMap<>();
        order.put("agreementId", id);
        order.put("trigger", "BREACH");
        order.put("problems", "未按协议约定开展数据安全风险评估");
        order.put("evidence", "2027年检查记录");
        order.put("evidenceDocumentIds", List.of(evidence));
        order.put("deadline", LocalDate.now(Clocks.BEIJING).plusDays(20).toString());
        assertThat(call("op-changnan", HttpMethod.POST, "/api/rectifications", order)
                        .getStatusCode())
                .as("only the authority orders")
                .isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map<String, Object>> created = call("authority", HttpMethod.POST, "/api/rectifications", order);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long rid = ((Number) created.getBody().get("id")).longValue();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> Boolean.TRUE.equals(
                        call("op-changnan", HttpMethod.GET, "/api/rectifications/" + rid + "/progress", null)
                                .getBody()
                                .get("awaitsPlan")));
        Map<String, Object> progress = call(
                        "op-changnan", HttpMethod.GET, "/api/rectifications/" + rid + "/progress", null)
                .getBody();
        assertThat(progress.get("operatorAction").toString()).contains("提交整改方案");
        assertThat((List<?>) progress.get("evidence")).hasSize(1);
        assertThat(call(
                                "op-changnan",
                                HttpMethod.POST,
                                "/api/rectifications/" + rid + "/plan",
                                Map.of("text", "整改方案：补做风险评估"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> Boolean.TRUE.equals(
                        call("op-changnan", HttpMethod.GET, "/api/rectifications/" + rid + "/progress", null)
                                .getBody()
                                .get("awaitsReport")));
        assertThat(call(
                                "op-changnan",
                                HttpMethod.POST,
                                "/api/rectifications/" + rid + "/report",
                                Map.of("text", "已完成风险评估"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        Map<String, Object> overview = call("op-changnan", HttpMethod.GET, "/api/lifecycle/agreements/" + id, null)
                .getBody();
        assertThat(overview.get("agreement").toString()).contains("整改中");
    }

    @Test
    void anEarlyTerminationNeedsTheOperatorsAcceptanceOfLiabilityAndIsThenFollowedWithItsVersion() {
        long id = newAgreement();
        Map<String, Object> request = new HashMap<>();
        request.put("agreementId", id);
        request.put("trigger", "EARLY_TERMINATION");
        request.put("reason", "业务调整");
        request.put("exitDate", LocalDate.now(Clocks.BEIJING).plusMonths(1).toString());
        request.put("liabilityAccepted", false);
        ResponseEntity<Map<String, Object>> refused = call("op-changnan", HttpMethod.POST, "/api/exits", request);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().get("errors").toString()).contains("liabilityAccepted", "EXIT-02");
        request.put("liabilityAccepted", true);
        request.put("liabilityStatement", "愿意承担相应违约责任");
        ResponseEntity<Map<String, Object>> created = call("op-changnan", HttpMethod.POST, "/api/exits", request);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long exitId = ((Number) created.getBody().get("id")).longValue();
        Map<String, Object> progress = call("op-changnan", HttpMethod.GET, "/api/exits/" + exitId + "/progress", null)
                .getBody();
        assertThat(progress.get("statusLabel")).isEqualTo("退出中");
        assertThat(progress.get("profileVersionLabel").toString()).startsWith("咸宁市 政策配置第 ");
        assertThat(call("op-cidu", HttpMethod.GET, "/api/exits/" + exitId + "/progress", null)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        Map<String, Object> breach =
                new HashMap<>(Map.of("agreementId", newAgreement(), "trigger", "BREACH", "reason", "违约"));
        ResponseEntity<Map<String, Object>> noEvidence = call("authority", HttpMethod.POST, "/api/exits", breach);
        assertThat(noEvidence.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noEvidence.getBody().get("errors").toString()).contains("evidence");
    }

    @Test
    void theSettingsPageShowsEachSettingWithItsClauseAndTheAuthorityEditsAVersion() {
        ResponseEntity<Map<String, Object>> chizhou =
                call("op-changnan", HttpMethod.GET, "/api/policy/profiles/chizhou", null);
        assertThat(chizhou.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((List<Map<String, Object>>) chizhou.getBody().get("settings"))
                .anySatisfy(s -> {
                    assertThat(s.get("key")).isEqualTo("rectificationCalendarDays");
                    assertThat(s.get("value")).isEqualTo(30);
                    assertThat(s.get("rules")).isEqualTo("RECT-02 RECT-06");
                    assertThat(s.get("clause").toString()).contains("30日内完成整改");
                })
                .anySatisfy(s -> {
                    assertThat(s.get("key")).isEqualTo("reminderWorkingDays");
                    assertThat(s.get("value")).isEqualTo(2);
                    assertThat(s.get("clause").toString()).contains("系统默认到期前2个工作日提醒");
                });
        Map<String, Object> edit = Map.of("settings", Map.of("renewalNoticeMonths", 6), "reason", "测试：提前半年提醒");
        assertThat(call("op-changnan", HttpMethod.PUT, "/api/policy/profiles/yangxin", edit)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map<String, Object>> bad = call(
                "authority",
                HttpMethod.PUT,
                "/api/policy/profiles/yangxin",
                Map.of("settings", Map.of("renewalNoticeMonths", 0), "reason", "x"));
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        int before = profiles.currentVersion("yangxin");
        try {
            ResponseEntity<Map<String, Object>> edited =
                    call("authority", HttpMethod.PUT, "/api/policy/profiles/yangxin", edit);
            assertThat(edited.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(edited.getBody().get("version")).isEqualTo(before + 1);
            assertThat(edited.getBody().get("versions").toString()).contains("测试：提前半年提醒");
        } finally {
            profiles.update("yangxin", Map.of("renewalNoticeMonths", 4), "测试后恢复", "test");
        }
    }

    @Test
    void theLedgerIsForTheAuthoritiesNotTheOperators() {
        assertThat(http.exchange(
                                "/api/revenue/ledger?jurisdiction=xianning",
                                HttpMethod.GET,
                                new HttpEntity<>(auth("pricing")),
                                LIST)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(call("op-changnan", HttpMethod.GET, "/api/revenue/ledger?jurisdiction=xianning", null)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    /** A fresh agreement of op-changnan in 咸宁 with its permissions open: the state an admission leaves. */
    private long newAgreement() {
        operators.ensureResource(RESOURCE, "住房公积金缴存信息（接口测试）", "xianning", "xn-gjj");
        return operators.openAgreement(
                AuthorizedOperators.CHANGNAN_COMPANY,
                "xianning",
                "生命周期接口测试通告",
                List.of(RESOURCE),
                List.of("provider-xn-gjj"),
                "XN-API-" + NEXT.incrementAndGet(),
                36);
    }

    private long uploadEvidence() {
        LinkedMultiValueMap<String, Object> file = new LinkedMultiValueMap<>();
        file.add("file", new ByteArrayResource("%PDF-1.4\n% 检查记录\n%%EOF".getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "检查记录.pdf";
            }
        });
        HttpHeaders multipart = auth("authority");
        multipart.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<Map<String, Object>> stored =
                http.exchange("/api/lifecycle/evidence", HttpMethod.POST, new HttpEntity<>(file, multipart), JSON);
        assertThat(stored.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(stored.getBody().get("owner")).isEqualTo("authority:authority");
        return ((Number) stored.getBody().get("id")).longValue();
    }

    private static HttpHeaders auth(String user) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(Tokens.of(user));
        return headers;
    }

    private ResponseEntity<Map<String, Object>> call(String user, HttpMethod method, String path, Object body) {
        return http.exchange(path, method, new HttpEntity<>(body, auth(user)), JSON);
    }
}
