package cn.pubdata.approval.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * The workers' access token for the engine's REST API: OAuth2 client credentials of their Keycloak service account,
 * fetched when needed and reused until shortly before it expires.
 */
public class ServiceAccountToken {

    private static final Duration EARLY = Duration.ofSeconds(30);

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String tokenUrl;
    private final String form;
    private String token;
    private Instant renewAt = Instant.MIN;

    public ServiceAccountToken(String tokenUrl, String clientId, String clientSecret) {
        this.tokenUrl = tokenUrl;
        this.form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8);
    }

    public synchronized String get() {
        if (token == null || Instant.now().isAfter(renewAt)) {
            fetch();
        }
        return token;
    }

    private void fetch() {
        try {
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(URI.create(tokenUrl))
                            .timeout(Duration.ofSeconds(20))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(
                        "执行器未能从 " + tokenUrl + " 取得令牌：HTTP " + answer.statusCode() + " " + answer.body());
            }
            JsonNode body = json.readTree(answer.body());
            token = body.path("access_token").asText();
            renewAt = Instant.now()
                    .plusSeconds(body.path("expires_in").asLong(60))
                    .minus(EARLY);
        } catch (IOException e) {
            throw new UncheckedIOException("执行器未能连接 " + tokenUrl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
