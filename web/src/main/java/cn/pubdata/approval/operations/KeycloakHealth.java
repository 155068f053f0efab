package cn.pubdata.approval.operations;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * Keycloak reachability for readiness ({@code keycloak}): the realm's OIDC discovery document answers. Without it no
 * token is checked or issued, so a node that cannot reach Keycloak takes no traffic. Bounded to 2 s per check.
 */
@Component("keycloak")
public class KeycloakHealth extends AbstractHealthIndicator {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final URI discovery;

    public KeycloakHealth(@Value("${approval.keycloak.url}") String keycloak) {
        super("Keycloak 检查失败");
        this.discovery = URI.create(keycloak + "/realms/approval/.well-known/openid-configuration");
    }

    @Override
    protected void doHealthCheck(Health.Builder health) throws IOException, InterruptedException {
        HttpResponse<Void> answer = http.send(
                HttpRequest.newBuilder(discovery).timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.discarding());
        health.withDetail("realm", discovery.toString()).withDetail("status", answer.statusCode());
        if (answer.statusCode() == 200) {
            health.up();
        } else {
            health.down();
        }
    }
}
