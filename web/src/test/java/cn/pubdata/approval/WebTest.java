package cn.pubdata.approval;

import cn.pubdata.approval.containers.ContainerSwitch;
import cn.pubdata.approval.identity.LocalKeycloak;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application on port 18080 or APPROVAL_TEST_PORT (see application-test.yaml), with the Keycloak the build
 * starts; with {@code -Dapproval.testcontainers=true} and Docker, on PostgreSQL and Keycloak containers
 * ({@link ContainerSwitch}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("test")
public abstract class WebTest {

    /** 18080, or what APPROVAL_TEST_PORT says (a redirect URI of the realm's clients, so 18080 or 18090). */
    public static final int PORT = Integer.parseInt(System.getenv().getOrDefault("APPROVAL_TEST_PORT", "18080"));

    public static final String APP = "http://localhost:" + PORT;

    @DynamicPropertySource
    static void keycloak(DynamicPropertyRegistry registry) throws Exception {
        LocalKeycloak.ensureRunning();
        if (ContainerSwitch.active()) {
            registry.add("approval.database.embedded", () -> false);
            registry.add(
                    "spring.datasource.url", () -> ContainerSwitch.postgres().getJdbcUrl());
            registry.add(
                    "spring.datasource.username",
                    () -> ContainerSwitch.postgres().getUsername());
            registry.add(
                    "spring.datasource.password",
                    () -> ContainerSwitch.postgres().getPassword());
        }
        registry.add("approval.keycloak.url", () -> LocalKeycloak.URL);
        registry.add("approval.workers.client-secret", () -> LocalKeycloak.secret("WORKERS_CLIENT_SECRET"));
        registry.add("approval.keycloak.identity.client-secret", () -> LocalKeycloak.secret("IDENTITY_CLIENT_SECRET"));
        registry.add(
                "spring.security.oauth2.client.registration.keycloak.client-secret",
                () -> LocalKeycloak.secret("WEBAPPS_CLIENT_SECRET"));
    }
}
