package cn.pubdata.approval;

import cn.pubdata.approval.containers.ContainerSwitch;
import cn.pubdata.approval.identity.LocalKeycloak;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application on port 18080 (see application-test.yaml), with the Keycloak the build starts; with
 * {@code -Dapproval.testcontainers=true} and Docker, on PostgreSQL and Keycloak containers ({@link ContainerSwitch}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("test")
public abstract class WebTest {

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
