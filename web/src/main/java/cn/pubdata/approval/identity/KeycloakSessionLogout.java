package cn.pubdata.approval.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.web.authentication.logout.LogoutHandler;

/**
 * The webapps log out with a background request, so the browser cannot be sent to Keycloak's end-session page:
 * the Keycloak session is ended server to server instead (the client's refresh token at the logout endpoint), so that
 * the next visit asks for the password again rather than logging the same user straight back in.
 */
class KeycloakSessionLogout implements LogoutHandler {

    private static final Logger log = LoggerFactory.getLogger(KeycloakSessionLogout.class);

    private final OAuth2AuthorizedClientService clients;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    KeycloakSessionLogout(OAuth2AuthorizedClientService clients) {
        this.clients = clients;
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        if (!(authentication instanceof OAuth2AuthenticationToken token)) {
            return;
        }
        OAuth2AuthorizedClient client =
                clients.loadAuthorizedClient(token.getAuthorizedClientRegistrationId(), token.getName());
        if (client == null || client.getRefreshToken() == null) {
            return;
        }
        ClientRegistration registration = client.getClientRegistration();
        String endSession = registration.getProviderDetails().getTokenUri().replace("/token", "/logout");
        String form =
                "client_id=" + enc(registration.getClientId()) + "&client_secret=" + enc(registration.getClientSecret())
                        + "&refresh_token=" + enc(client.getRefreshToken().getTokenValue());
        try {
            HttpResponse<Void> answer = http.send(
                    HttpRequest.newBuilder(URI.create(endSession))
                            .timeout(Duration.ofSeconds(10))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            if (answer.statusCode() >= 300) {
                log.warn("Keycloak 会话未能结束：HTTP {}", answer.statusCode());
            }
        } catch (Exception e) {
            log.warn("Keycloak 会话未能结束：{}", e.getMessage());
        } finally {
            clients.removeAuthorizedClient(token.getAuthorizedClientRegistrationId(), token.getName());
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
