package cn.pubdata.approval.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The realm as code (infra/keycloak/approval-realm.json) on the real Keycloak the build starts: a token for each demo role. */
class KeycloakRealmTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void keycloak() throws Exception {
        LocalKeycloak.ensureRunning();
    }

    @ParameterizedTest(name = "{0} has role {1} and group {2}")
    @CsvSource({
        "authority, authority-reviewer, authority-reviewer",
        "pricing, pricing-officer, pricing-officer",
        "expert, expert, expert",
        "manager, manager, manager",
        "manager-jdz, manager, manager-jingdezhen",
        "cac, security-reviewer, security-cac",
        "police, security-reviewer, security-police",
        "state, security-reviewer, security-state",
        "fgw, provider-reviewer, provider-fgw",
        "jtj, provider-reviewer, provider-jtj",
        "gxj, provider-reviewer, provider-gxj",
        "admin, administrator, operaton-admin"
    })
    void everyReviewingRoleLogsInWithItsRoleAndUnit(String user, String role, String group) throws Exception {
        JsonNode token = claims(passwordGrant(user, "demo"));
        assertThat(token.path("realm_access").path("roles").toString()).contains("\"" + role + "\"");
        assertThat(token.path("groups").toString()).contains("\"" + group + "\"");
        assertThat(token.path("aud").toString()).as("the API accepts it").contains("approval-api");
        assertThat(token.path("preferred_username").asText()).isEqualTo(user);
    }

    @Test
    void twoCompetingOperatorsCarryTheirOwnCreditCode() throws Exception {
        JsonNode cidu = claims(passwordGrant("op-cidu", "demo"));
        JsonNode changnan = claims(passwordGrant("op-changnan", "demo"));
        JsonNode developer = claims(passwordGrant("dev-cidu", "demo"));
        assertThat(cidu.path("realm_access").path("roles").toString()).contains("\"operator\"");
        assertThat(cidu.path("credit_code").asText()).isEqualTo("91330100716105852F");
        assertThat(changnan.path("credit_code").asText()).isEqualTo("914403001922038216");
        assertThat(developer.path("realm_access").path("roles").toString())
                .contains("\"developer\"")
                .doesNotContain("\"operator\"");
        assertThat(developer.path("credit_code").asText())
                .as("a developer belongs to its operator")
                .isEqualTo("91330100716105852F");
        JsonNode company = claims(passwordGrant("dev-huiyun", "demo"));
        assertThat(company.path("credit_code").asText())
                .as("a developer company of its own")
                .isEqualTo("91360200MA3KD7R2WF");
        assertThat(company.path("company_name").asText()).isEqualTo("慧云数据科技有限公司");
        JsonNode auditor = claims(passwordGrant("auditor", "demo"));
        assertThat(auditor.path("realm_access").path("roles").toString()).contains("\"auditor\"");
    }

    @Test
    void aWrongPasswordGetsNoToken() throws Exception {
        HttpResponse<String> answer = token(Map.of(
                "client_id",
                "approval-portal",
                "grant_type",
                "password",
                "username",
                "authority",
                "password",
                "wrong"));
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("invalid_grant").doesNotContain("access_token");
    }

    @Test
    void theWorkersServiceAccountGetsATokenWithTheGeneratedSecretOnly() throws Exception {
        String secret = LocalKeycloak.secrets().get("WORKERS_CLIENT_SECRET");
        HttpResponse<String> ok = token(
                Map.of("client_id", "approval-workers", "client_secret", secret, "grant_type", "client_credentials"));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(claims(JSON.readTree(ok.body()).path("access_token").asText())
                        .path("aud")
                        .toString())
                .contains("approval-api");
        HttpResponse<String> refused = token(Map.of(
                "client_id",
                "approval-workers",
                "client_secret",
                "not-the-secret",
                "grant_type",
                "client_credentials"));
        assertThat(refused.statusCode()).isEqualTo(401);
    }

    @Test
    void theDemoLoginsTheStartBannerPrintsAreThoseOfTheRealm() throws Exception {
        JsonNode realm = JSON.readTree(java.nio.file.Files.readString(
                LocalKeycloak.repository().resolve("infra/keycloak/approval-realm.json")));
        java.util.Set<String> users = new java.util.HashSet<>();
        realm.path("users").forEach(u -> users.add(u.path("username").asText()));
        for (var account : cn.pubdata.approval.demo.DemoAccounts.ALL) {
            assertThat(users).as("Keycloak user " + account.id()).contains(account.id());
        }
        for (var account : cn.pubdata.approval.demo.DemoAccounts.OPERATORS) {
            assertThat(users).as("Keycloak user " + account.id()).contains(account.id());
        }
    }

    private static String passwordGrant(String user, String password) throws Exception {
        HttpResponse<String> answer = token(Map.of(
                "client_id", "approval-portal", "grant_type", "password", "username", user, "password", password));
        assertThat(answer.statusCode()).as(user + ": " + answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body()).path("access_token").asText();
    }

    private static HttpResponse<String> token(Map<String, String> form) throws Exception {
        String body = new LinkedHashMap<>(form)
                .entrySet().stream()
                        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"));
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(LocalKeycloak.REALM + "/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode claims(String jwt) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }
}
