package cn.pubdata.approval.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens of the demo users, as the portal gets them from Keycloak; fetched again after a minute, since a long
 * run (the cluster and crash tests, the benchmark) outlives a token.
 */
public final class Tokens {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final long FRESH_NANOS = 60_000_000_000L;
    private static final Map<String, Token> CACHE = new ConcurrentHashMap<>();

    private record Token(String value, long fetchedAt) {}

    private Tokens() {}

    public static String of(String user) {
        return CACHE.compute(
                        user,
                        (u, t) -> t != null && System.nanoTime() - t.fetchedAt < FRESH_NANOS
                                ? t
                                : new Token(fetch(u), System.nanoTime()))
                .value;
    }

    private static String fetch(String user) {
        try {
            String form = "client_id=approval-portal&grant_type=password&username="
                    + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=demo";
            HttpResponse<String> answer = HTTP.send(
                    HttpRequest.newBuilder(URI.create(LocalKeycloak.REALM + "/protocol/openid-connect/token"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(user + ": " + answer.body());
            }
            return new ObjectMapper()
                    .readTree(answer.body())
                    .path("access_token")
                    .asText();
        } catch (Exception e) {
            throw new IllegalStateException("no token for " + user, e);
        }
    }
}
