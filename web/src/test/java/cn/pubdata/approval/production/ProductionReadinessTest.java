package cn.pubdata.approval.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.pubdata.approval.ApprovalApplication;
import cn.pubdata.approval.demo.DemoAccounts;
import cn.pubdata.approval.identity.LocalKeycloak;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.mock.env.MockEnvironment;

/**
 * The production profile's start check against the real Keycloak the build runs, whose realm still has the demo
 * users: it refuses them, and missing, short or default secrets, without showing a secret; it passes a configuration
 * with none of that; and the application itself refuses to start before it touches anything.
 */
class ProductionReadinessTest {

    @BeforeAll
    static void keycloak() throws Exception {
        LocalKeycloak.ensureRunning();
    }

    @Test
    void demoUsersThatStillLogInWithTheDemoPasswordAreRefused() {
        List<ProductionReadiness.Finding> findings = new ProductionReadiness(
                        sound(), List.of("authority", "op-cidu", "nobody-of-the-realm"), Duration.ofSeconds(30))
                .findings();
        assertThat(findings)
                .extracting(ProductionReadiness.Finding::toString)
                .containsExactly(
                        "演示账号 authority、op-cidu 仍能用演示口令登录 Keycloak（共 2 个）：请从 approval 领域删除 infra/keycloak/approval-realm.json 导入的演示账号"
                                + " / demo users authority, op-cidu still log in to Keycloak with the demo password (2): delete the demo users from the approval realm");
    }

    @Test
    void aSoundConfigurationWithoutDemoUsersPasses() {
        assertThat(new ProductionReadiness(sound(), List.of("nobody-of-the-realm"), Duration.ofSeconds(30)).findings())
                .isEmpty();
    }

    @Test
    void missingShortAndDefaultSecretsAreRefusedByNameNeverByValue() {
        MockEnvironment env = sound().withProperty(
                        "spring.security.oauth2.client.registration.keycloak.client-secret", " ")
                .withProperty("approval.workers.client-secret", "changeme")
                .withProperty("approval.keycloak.identity.client-secret", "s3cr3t-typed-in")
                .withProperty("spring.datasource.password", "postgres")
                .withProperty("spring.mail.password", "**********")
                .withProperty("approval.demo.enabled", "true");
        List<ProductionReadiness.Finding> findings =
                new ProductionReadiness(env, List.of("authority"), Duration.ofSeconds(30)).findings();
        assertThat(findings)
                .extracting(ProductionReadiness.Finding::toString)
                .containsExactly(
                        "WEBAPPS_CLIENT_SECRET（spring.security.oauth2.client.registration.keycloak.client-secret）未设置"
                                + " / WEBAPPS_CLIENT_SECRET (spring.security.oauth2.client.registration.keycloak.client-secret) is not set",
                        "WORKERS_CLIENT_SECRET（approval.workers.client-secret）是常见的默认值，请换成随机生成的密钥"
                                + " / WORKERS_CLIENT_SECRET (approval.workers.client-secret) is a well-known default; use a randomly generated one",
                        "IDENTITY_CLIENT_SECRET（approval.keycloak.identity.client-secret）太短（至少 16 个字符；请使用 Keycloak 为客户端生成的密钥）"
                                + " / IDENTITY_CLIENT_SECRET (approval.keycloak.identity.client-secret) is shorter than 16 characters; use the secret Keycloak generates for the client",
                        "APPROVAL_DB_PASSWORD（spring.datasource.password）是常见的默认值，请换成随机生成的密钥"
                                + " / APPROVAL_DB_PASSWORD (spring.datasource.password) is a well-known default; use a randomly generated one",
                        "APPROVAL_SMTP_PASSWORD（spring.mail.password）是常见的默认值，请换成随机生成的密钥"
                                + " / APPROVAL_SMTP_PASSWORD (spring.mail.password) is a well-known default; use a randomly generated one",
                        "approval.demo.enabled=true：生产环境不得创建演示数据，请删除该设置"
                                + " / approval.demo.enabled=true: production must not create demo data; remove the setting",
                        "Keycloak 不接受 IDENTITY_CLIENT_SECRET（HTTP 401），不能确认演示账号已删除：请设置 approval-identity 客户端的密钥"
                                + " / Keycloak refuses IDENTITY_CLIENT_SECRET (HTTP 401), so the demo users cannot be checked: set the approval-identity client's secret");
        assertThat(findings.toString()).doesNotContain("changeme", "s3cr3t-typed-in", "postgres");
    }

    @Test
    void aKeycloakThatCannotBeReachedIsRefusedAfterWaiting() {
        MockEnvironment env = sound().withProperty("approval.keycloak.url", "http://localhost:1");
        long started = System.nanoTime();
        List<ProductionReadiness.Finding> findings =
                new ProductionReadiness(env, DemoAccounts.logins(), Duration.ofSeconds(2)).findings();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(findings)
                .extracting(ProductionReadiness.Finding::zh)
                .containsExactly("在 2 秒内无法连接 Keycloak（http://localhost:1），不能确认演示账号已删除：请先启动 Keycloak");
    }

    @Test
    void theApplicationRefusesToStartUnderTheProductionProfileBeforeItTouchesAnything() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(ApprovalApplication.class)
                        .web(WebApplicationType.NONE)
                        .profiles("production")
                        .run(
                                "--approval.keycloak.url=" + LocalKeycloak.URL,
                                "--approval.keycloak.identity.client-secret="
                                        + LocalKeycloak.secret("IDENTITY_CLIENT_SECRET"),
                                "--approval.production.keycloak-wait-seconds=30"))
                .isInstanceOfSatisfying(NotReadyForProduction.class, e -> {
                    assertThat(e.getMessage())
                            .startsWith("生产环境（production）拒绝启动 / The production profile refuses to start:")
                            .contains(
                                    "WEBAPPS_CLIENT_SECRET（spring.security.oauth2.client.registration.keycloak.client-secret）未设置",
                                    "WORKERS_CLIENT_SECRET (approval.workers.client-secret) is not set",
                                    "APPROVAL_DB_PASSWORD（spring.datasource.password）未设置",
                                    "演示账号 admin、manager、authority",
                                    "xn-wlj still log in to Keycloak with the demo password ("
                                            + DemoAccounts.logins().size() + ")");
                    assertThat(e.findings()).hasSize(4);
                });
    }

    @Test
    void theDemoLoginsAreExactlyTheRealmFilesUsers() throws Exception {
        JsonNode realm = new ObjectMapper()
                .readTree(Files.readString(repository().resolve("infra/keycloak/approval-realm.json")));
        List<String> users = new ArrayList<>();
        realm.path("users").forEach(u -> {
            if (u.path("credentials").toString().contains("${DEMO_PASSWORD}")) {
                users.add(u.path("username").asText());
            }
        });
        assertThat(DemoAccounts.logins()).containsExactlyInAnyOrderElementsOf(users);
    }

    /** The secrets Keycloak knows, a strong database password, and the demo data off. */
    private static MockEnvironment sound() {
        return new MockEnvironment()
                .withProperty("approval.keycloak.url", LocalKeycloak.URL)
                .withProperty(
                        "spring.security.oauth2.client.registration.keycloak.client-secret",
                        LocalKeycloak.secret("WEBAPPS_CLIENT_SECRET"))
                .withProperty("approval.workers.client-secret", LocalKeycloak.secret("WORKERS_CLIENT_SECRET"))
                .withProperty(
                        "approval.keycloak.identity.client-secret", LocalKeycloak.secret("IDENTITY_CLIENT_SECRET"))
                .withProperty("spring.datasource.password", "a-long-random-database-password")
                .withProperty("approval.demo.enabled", "false");
    }

    private static Path repository() {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.exists(dir.resolve("infra/keycloak/approval-realm.json"))) {
            dir = dir.getParent();
        }
        return dir;
    }
}
