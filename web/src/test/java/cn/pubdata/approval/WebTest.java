package cn.pubdata.approval;

import cn.pubdata.approval.identity.LocalKeycloak;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The whole application on a random port, with the Keycloak the build starts. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class WebTest {

    @DynamicPropertySource
    static void keycloak(DynamicPropertyRegistry registry) throws Exception {
        LocalKeycloak.ensureRunning();
        registry.add("approval.keycloak.url", () -> LocalKeycloak.URL);
        registry.add("approval.workers.client-secret", () -> LocalKeycloak.secret("WORKERS_CLIENT_SECRET"));
    }
}
