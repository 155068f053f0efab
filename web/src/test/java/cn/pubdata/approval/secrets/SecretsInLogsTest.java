package cn.pubdata.approval.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import cn.pubdata.approval.WebTest;
import cn.pubdata.approval.fixture.Figures;
import cn.pubdata.approval.identity.LocalKeycloak;
import cn.pubdata.approval.identity.Tokens;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.operaton.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Tokens and secrets stay out of the log even when an operator turns every logger to DEBUG to chase a problem: calls
 * with tokens, a refused token, an upload, the engine's REST API and the identity plugin's calls to Keycloak, and not
 * one token, client secret or password appears in what was logged.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsInLogsTest extends WebTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    LoggingSystem logging;

    @Autowired
    IdentityService identity;

    @AfterEach
    void quietAgain() {
        logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.WARN);
    }

    @Test
    void noTokenSecretOrPasswordIsLoggedAtDebug(CapturedOutput output) {
        String operator = Tokens.of("op-cidu");
        String reviewer = Tokens.of("authority");
        logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.DEBUG);
        int before = output.length();

        assertThat(call(operator, HttpMethod.GET, "/api/inbox", null)).isEqualTo(HttpStatus.OK);
        assertThat(call(reviewer, HttpMethod.GET, "/engine-rest/task?maxResults=5", null))
                .isEqualTo(HttpStatus.OK);
        String forged = operator.substring(0, operator.lastIndexOf('.') + 1) + "Zm9yZ2Vk";
        assertThat(call(forged, HttpMethod.GET, "/api/inbox", null)).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(call(reviewer, HttpMethod.PUT, "/api/calendar/2027", Map.of("notice", "x", "days", List.of())))
                .isEqualTo(HttpStatus.BAD_REQUEST);
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource("%PDF-1.4\n% logged?\n".getBytes(StandardCharsets.US_ASCII)) {
            @Override
            public String getFilename() {
                return "日志.pdf";
            }
        });
        assertThat(call(operator, HttpMethod.POST, "/api/documents", form)).isIn(HttpStatus.CREATED, HttpStatus.OK);
        assertThat(identity.createUserQuery().userId("authority").count()).isEqualTo(1);
        assertThat(identity.createGroupQuery().groupMember("fgw").count()).isPositive();

        String logged = output.toString().substring(before);
        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put("the operator's token", operator);
        secrets.put("the reviewer's token", reviewer);
        secrets.put("the forged token", forged);
        secrets.put("a token's signature", operator.substring(operator.lastIndexOf('.') + 1));
        for (String name : List.of("WEBAPPS_CLIENT_SECRET", "WORKERS_CLIENT_SECRET", "IDENTITY_CLIENT_SECRET")) {
            secrets.put(name, LocalKeycloak.secret(name));
        }
        secrets.put("the demo password in a form", "password=demo");
        Figures.report(
                "secrets-in-logs",
                "Secrets in logs: " + logged.lines().count() + " lines logged at DEBUG, "
                        + secrets.size() + " secrets looked for, "
                        + secrets.values().stream().filter(logged::contains).count() + " found");
        assertThat(logged.lines().count()).as("DEBUG really logged").isGreaterThan(50);
        secrets.forEach((name, value) -> assertThat(logged).as(name).doesNotContain(value));
        assertThat(logged)
                .doesNotContainPattern("(?i)bearer\\s+eyJ")
                .doesNotContainPattern("(?i)authorization:\\s*basic")
                .doesNotContain("client_secret=");
    }

    private HttpStatus call(String token, HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        if (body instanceof LinkedMultiValueMap) {
            headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        }
        return HttpStatus.valueOf(http.exchange(path, method, new HttpEntity<>(body, headers), String.class)
                .getStatusCode()
                .value());
    }
}
