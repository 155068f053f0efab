package cn.pubdata.approval.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.pubdata.approval.WebTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The webapps authenticate with a session cookie after the Keycloak login, so they are the part a forged cross-site
 * request could drive: the session is new at login, a write needs the XSRF token a foreign page cannot read, and
 * the pages may not be framed by another site.
 */
class WebappSessionTest extends WebTest {

    @Test
    void theLoginGivesTheBrowserANewSession() throws Exception {
        SsoBrowser browser = SsoBrowser.login("authority");
        assertThat(browser.sessionBeforeLogin())
                .as("a session held the request to return to")
                .isNotNull();
        assertThat(browser.cookie("JSESSIONID"))
                .as("session fixation: the id known before the login is worthless after it")
                .isNotNull()
                .isNotEqualTo(browser.sessionBeforeLogin());
    }

    @Test
    void aWriteWithoutTheXsrfTokenIsRefusedAndEndsTheSession() throws Exception {
        SsoBrowser browser = SsoBrowser.login("authority");
        String token = browser.cookie("XSRF-TOKEN");
        assertThat(token).as("the webapps hand the token to their own pages").isNotBlank();
        String claim = "/operaton/api/engine/engine/default/task/no-such-task/claim";
        HttpResponse<String> withToken = post(browser, claim, token);
        assertThat(withToken.statusCode())
                .as("with the token the call reaches the engine (which knows no such task): " + withToken.body())
                .isNotIn(401, 403);
        HttpResponse<String> forged = post(browser, claim, null);
        assertThat(forged.statusCode())
                .as("a cross-site form or script cannot send the token")
                .isEqualTo(403);
        assertThat(forged.body()).contains("CSRFPreventionFilter");
        assertThat(browser.get("/operaton/api/engine/engine/default/task/count").statusCode())
                .as("the forged request ended the session")
                .isNotEqualTo(200);
    }

    @Test
    void tasklistKeepsItsContentPolicyAndCannotBeFramed() throws Exception {
        HttpResponse<String> tasklist = SsoBrowser.login("authority").get("/operaton/app/tasklist/default/");
        assertThat(tasklist.statusCode()).isEqualTo(200);
        assertThat(tasklist.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("frame-ancestors 'none'"));
        assertThat(tasklist.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    }

    private static HttpResponse<String> post(SsoBrowser browser, String path, String xsrf) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(SsoBrowser.APP + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"userId\":\"authority\"}"));
        if (xsrf != null) {
            request.header("X-XSRF-TOKEN", xsrf);
        }
        return browser.client().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
