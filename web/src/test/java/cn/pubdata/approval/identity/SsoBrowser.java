package cn.pubdata.approval.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser's way into the webapps: opening Tasklist sends it to Keycloak's login form, posting the form sends it back
 * with a session cookie. Keeps its cookies, so a test can look at the session before and after the login.
 */
final class SsoBrowser {

    static final String APP = cn.pubdata.approval.WebTest.APP;

    private final LocalhostCookies cookies = new LocalhostCookies();
    private final HttpClient client = HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.ALWAYS)
            .build();
    private String sessionBeforeLogin;

    static SsoBrowser login(String user) throws Exception {
        SsoBrowser browser = new SsoBrowser();
        // as a browser navigates: a JSON Accept header would keep Spring from saving the page to return to
        HttpResponse<String> loginPage = browser.client.send(
                HttpRequest.newBuilder(URI.create(APP + "/operaton/app/tasklist/default/"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        browser.sessionBeforeLogin = browser.cookie("JSESSIONID");
        Matcher action = Pattern.compile(
                        "id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"|action=\"([^\"]+)\"[^>]*id=\"kc-form-login\"")
                .matcher(loginPage.body());
        assertThat(action.find()).as("Keycloak's login form").isTrue();
        String url = (action.group(1) != null ? action.group(1) : action.group(2)).replace("&amp;", "&");
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=demo&credentialId=";
        HttpResponse<String> back = browser.client.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(back.uri().toString())
                .as(user + " lands back in Tasklist")
                .startsWith(APP + "/operaton/app/tasklist/default/");
        return browser;
    }

    HttpClient client() {
        return client;
    }

    HttpResponse<String> get(String path) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create(APP + path))
                        .header("Accept", "application/json, text/html")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The session the application gave the browser before it logged in (the saved request to return to). */
    String sessionBeforeLogin() {
        return sessionBeforeLogin;
    }

    String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue)
                .reduce((first, last) -> last)
                .orElse(null);
    }

    /** Browsers send Secure cookies to http://localhost (a secure context); Java's cookie manager would not. */
    private static final class LocalhostCookies extends CookieManager {
        @Override
        public void put(URI uri, Map<String, List<String>> headers) throws java.io.IOException {
            Map<String, List<String>> plain = new java.util.HashMap<>();
            headers.forEach((name, values) -> plain.put(
                    name,
                    name == null
                            ? values
                            : values.stream()
                                    .map(v -> v.replaceAll("(?i);\\s*Secure", ""))
                                    .toList()));
            super.put(uri, plain);
        }
    }
}
