package cn.pubdata.approval.production;

import cn.pubdata.approval.demo.DemoAccounts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.env.PropertyResolver;

/**
 * What the production profile refuses to start with: a client secret that is missing, short or a well-known default;
 * a database or mail password that is a default; the demo data switched on; a Keycloak realm where a demo user still
 * logs in with the demo password. Each finding names the setting, never its value.
 */
public final class ProductionReadiness {

    /** One reason not to start, in Chinese and in English. */
    public record Finding(String zh, String en) {

        @Override
        public String toString() {
            return zh + " / " + en;
        }
    }

    private record Secret(String property, String variable, boolean client, boolean required) {}

    private static final List<Secret> SECRETS = List.of(
            new Secret(
                    "spring.security.oauth2.client.registration.keycloak.client-secret",
                    "WEBAPPS_CLIENT_SECRET",
                    true,
                    true),
            new Secret("approval.workers.client-secret", "WORKERS_CLIENT_SECRET", true, true),
            new Secret("approval.keycloak.identity.client-secret", "IDENTITY_CLIENT_SECRET", true, true),
            new Secret("spring.datasource.password", "APPROVAL_DB_PASSWORD", false, true),
            new Secret("spring.mail.password", "APPROVAL_SMTP_PASSWORD", false, false));

    /** Values people leave in place; {@code **********} is how Keycloak exports a client secret it hides. */
    static final Set<String> DEFAULTS = Set.of(
            "demo",
            "secret",
            "changeme",
            "change-me",
            "change_me",
            "changeit",
            "password",
            "passw0rd",
            "admin",
            "administrator",
            "approval",
            "postgres",
            "keycloak",
            "operaton",
            "camunda",
            "test",
            "123456",
            "12345678",
            "**********");

    /** Keycloak generates client secrets of 32 characters; a short one was typed by hand. */
    static final int MIN_CLIENT_SECRET_LENGTH = 16;

    private static final String REALM = "approval";
    private static final String PORTAL_CLIENT = "approval-portal";

    private final PropertyResolver properties;
    private final List<String> demoLogins;
    private final Duration keycloakWait;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    public ProductionReadiness(PropertyResolver properties, List<String> demoLogins, Duration keycloakWait) {
        this.properties = properties;
        this.demoLogins = List.copyOf(demoLogins);
        this.keycloakWait = keycloakWait;
    }

    /** The production check of this application's demo logins, waiting for Keycloak as configured. */
    public static ProductionReadiness of(PropertyResolver properties) {
        return new ProductionReadiness(
                properties,
                DemoAccounts.logins(),
                Duration.ofSeconds(
                        properties.getProperty("approval.production.keycloak-wait-seconds", Long.class, 60L)));
    }

    public List<Finding> findings() {
        List<Finding> findings = new ArrayList<>();
        for (Secret secret : SECRETS) {
            if (secret.property().equals("approval.workers.client-secret")
                    && !properties.getProperty("approval.workers.enabled", Boolean.class, true)) {
                continue;
            }
            // a worker process (profile worker) serves no webapps and reads no users: it holds only its own secret
            if (properties.getProperty("approval.workers.only", Boolean.class, false)
                    && (secret.variable().equals("WEBAPPS_CLIENT_SECRET")
                            || secret.variable().equals("IDENTITY_CLIENT_SECRET"))) {
                continue;
            }
            check(secret).ifPresent(findings::add);
        }
        if (properties.getProperty("approval.demo.enabled", Boolean.class, false)) {
            findings.add(new Finding(
                    "approval.demo.enabled=true：生产环境不得创建演示数据，请删除该设置",
                    "approval.demo.enabled=true: production must not create demo data; remove the setting"));
        }
        if (!properties.getProperty("approval.workers.only", Boolean.class, false)) {
            findings.addAll(demoUsers()); // the engine nodes check the realm; a worker process lets no one log in
        }
        return findings;
    }

    private Optional<Finding> check(Secret secret) {
        String value = value(secret.property());
        String name = secret.variable() + "（" + secret.property() + "）";
        String nameEn = secret.variable() + " (" + secret.property() + ")";
        if (value == null || value.isBlank()) {
            return secret.required()
                    ? Optional.of(new Finding(name + "未设置", nameEn + " is not set"))
                    : Optional.empty();
        }
        if (DEFAULTS.contains(value.trim().toLowerCase(Locale.ROOT)) || value.startsWith("${")) {
            return Optional.of(new Finding(
                    name + "是常见的默认值，请换成随机生成的密钥", nameEn + " is a well-known default; use a randomly generated one"));
        }
        if (secret.client() && value.length() < MIN_CLIENT_SECRET_LENGTH) {
            return Optional.of(new Finding(
                    name + "太短（至少 " + MIN_CLIENT_SECRET_LENGTH + " 个字符；请使用 Keycloak 为客户端生成的密钥）",
                    nameEn + " is shorter than " + MIN_CLIENT_SECRET_LENGTH
                            + " characters; use the secret Keycloak generates for the client"));
        }
        return Optional.empty();
    }

    /**
     * A demo login that exists in the realm and still accepts the demo password. Existence is asked with the identity
     * client's service account first, so that no login is tried for a user that is not there: failed logins count
     * towards Keycloak's brute-force lockout of real users.
     */
    private List<Finding> demoUsers() {
        String keycloak = properties.getProperty("approval.keycloak.url");
        if (keycloak == null || keycloak.isBlank()) {
            return List.of(new Finding(
                    "KEYCLOAK_URL（approval.keycloak.url）未设置", "KEYCLOAK_URL (approval.keycloak.url) is not set"));
        }
        String realm = keycloak.replaceAll("/+$", "") + "/realms/" + REALM;
        String admin = keycloak.replaceAll("/+$", "") + "/admin/realms/" + REALM;
        HttpResponse<String> answer;
        try {
            answer = awaitKeycloak(
                    realm + "/protocol/openid-connect/token",
                    form(
                            "grant_type", "client_credentials",
                            "client_id",
                                    properties.getProperty("approval.keycloak.identity.client-id", "approval-identity"),
                            "client_secret", String.valueOf(value("approval.keycloak.identity.client-secret"))));
        } catch (IOException e) {
            return List.of(new Finding(
                    "在 " + keycloakWait.toSeconds() + " 秒内无法连接 Keycloak（" + keycloak + "），不能确认演示账号已删除：请先启动 Keycloak",
                    "cannot reach Keycloak at " + keycloak + " within " + keycloakWait.toSeconds()
                            + " s, so the demo users cannot be checked: start Keycloak first"));
        }
        if (answer.statusCode() != 200) {
            return List.of(new Finding(
                    "Keycloak 不接受 IDENTITY_CLIENT_SECRET（HTTP " + answer.statusCode()
                            + "），不能确认演示账号已删除：请设置 approval-identity 客户端的密钥",
                    "Keycloak refuses IDENTITY_CLIENT_SECRET (HTTP " + answer.statusCode()
                            + "), so the demo users cannot be checked: set the approval-identity client's secret"));
        }
        List<Finding> findings = new ArrayList<>();
        List<String> loggingIn = new ArrayList<>();
        try {
            String token = json.readTree(answer.body()).path("access_token").asText();
            for (String login : demoLogins) {
                if (exists(admin, token, login)) {
                    demoLogin(realm, login, loggingIn).ifPresent(findings::add);
                }
            }
            if (!loggingIn.isEmpty()) {
                String names = String.join("、", loggingIn);
                findings.add(
                        0,
                        new Finding(
                                "演示账号 " + names + " 仍能用演示口令登录 Keycloak（共 " + loggingIn.size()
                                        + " 个）：请从 approval 领域删除 infra/keycloak/approval-realm.json 导入的演示账号",
                                "demo users " + String.join(", ", loggingIn)
                                        + " still log in to Keycloak with the demo password (" + loggingIn.size()
                                        + "): delete the demo users from the approval realm"));
            }
        } catch (IOException e) {
            findings.add(new Finding(
                    "核对演示账号时与 Keycloak 的连接中断：" + e.getClass().getSimpleName(),
                    "the connection to Keycloak failed while checking the demo users: "
                            + e.getClass().getSimpleName()));
        }
        return findings;
    }

    private boolean exists(String admin, String token, String login) throws IOException {
        HttpResponse<String> answer =
                send(HttpRequest.newBuilder(URI.create(admin + "/users?exact=true&briefRepresentation=true&username="
                                + URLEncoder.encode(login, StandardCharsets.UTF_8)))
                        .header("Authorization", "Bearer " + token)
                        .GET());
        if (answer.statusCode() != 200) {
            throw new IOException("HTTP " + answer.statusCode() + " listing users");
        }
        JsonNode users = json.readTree(answer.body());
        for (JsonNode user : users) {
            if (login.equalsIgnoreCase(user.path("username").asText())) {
                return true;
            }
        }
        return false;
    }

    /** Adds the login to {@code loggingIn} when it logs in; a finding when that cannot be told. */
    private Optional<Finding> demoLogin(String realm, String login, List<String> loggingIn) throws IOException {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(
                        "grant_type",
                        "password",
                        "client_id",
                        PORTAL_CLIENT,
                        "username",
                        login,
                        "password",
                        DemoAccounts.PASSWORD))));
        if (answer.statusCode() == 200) {
            loggingIn.add(login);
            return Optional.empty();
        }
        String error = json.readTree(answer.body().isBlank() ? "{}" : answer.body())
                .path("error")
                .asText();
        if (error.equals("invalid_grant")) {
            return Optional.empty();
        }
        return Optional.of(new Finding(
                "演示账号 " + login + " 存在，但无法通过客户端 " + PORTAL_CLIENT + " 核验其口令（" + error + "）：请删除或改名该账号",
                "demo user " + login + " exists and its password cannot be checked through client " + PORTAL_CLIENT
                        + " (" + error + "): delete or rename the user"));
    }

    /** The first call waits for a Keycloak that is still starting, up to the configured time. */
    private HttpResponse<String> awaitKeycloak(String tokenUrl, String body) throws IOException {
        Instant giveUp = Instant.now().plus(keycloakWait);
        while (true) {
            try {
                HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(tokenUrl))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)));
                if (answer.statusCode() < 500 && answer.statusCode() != 404
                        || Instant.now().isAfter(giveUp)) {
                    return answer;
                }
            } catch (IOException e) {
                if (Instant.now().isAfter(giveUp)) {
                    throw e;
                }
            }
            try {
                Thread.sleep(Math.min(2000, Math.max(100, keycloakWait.toMillis() / 10)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for Keycloak", e);
            }
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
        try {
            return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** A property's value, or null when it is not set or names an environment variable that is not set. */
    private String value(String property) {
        try {
            return properties.getProperty(property);
        } catch (IllegalArgumentException unresolvable) {
            return null;
        }
    }

    private static String form(String... pairs) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            b.append(i == 0 ? "" : "&")
                    .append(pairs[i])
                    .append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return b.toString();
    }
}
