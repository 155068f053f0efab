package cn.pubdata.approval.websecurity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.pubdata.approval.WebTest;
import cn.pubdata.approval.identity.Tokens;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;

/**
 * What a browser and an anonymous visitor meet: the security headers of the portal and the API, and the budget of
 * anonymous calls to the public endpoints per address (each test calls from its own loopback address, so that the
 * budget it spends is nobody else's).
 */
class WebSecurityTest extends WebTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void thePortalAndTheApiForbidFramingSniffingAndForeignScripts() {
        for (String path : List.of("/portal/", "/api/announcements")) {
            HttpHeaders headers = http.getForEntity(path, String.class).getHeaders();
            assertThat(headers.getFirst("Content-Security-Policy"))
                    .as(path)
                    .contains("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'");
            assertThat(headers.getFirst("X-Frame-Options")).as(path).isEqualTo("DENY");
            assertThat(headers.getFirst("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            assertThat(headers.getFirst("Referrer-Policy")).as(path).isEqualTo("same-origin");
            assertThat(headers.getFirst("Strict-Transport-Security"))
                    .as("plain http on a first local run: no HSTS")
                    .isNull();
        }
    }

    @Test
    void anAddressThatReadsThePublicEndpointsTooOftenWaitsWhileOthersAndSignedInCallersGoOn() throws Exception {
        // 120 a minute refill at 2 a second: however slow the machine, the budget runs out after 120 calls plus
        // what refilled while they ran
        long started = System.nanoTime();
        int allowed = 0;
        Answer last = null;
        for (int i = 0; i < 400; i++) {
            last = call("127.0.0.2", "GET", "/api/catalog/jurisdictions", null);
            if (last.status() != 200) {
                break;
            }
            allowed++;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        assertThat(last.status()).as("past the budget").isEqualTo(429);
        assertThat(allowed)
                .as("calls allowed in %.1f s", seconds)
                .isBetween(120, 120 + (int) Math.ceil(seconds * 2) + 1);
        assertThat(last.headers()).containsKey("retry-after");
        assertThat(last.body()).contains("请求过于频繁", "秒后重试");
        assertThat(call("127.0.0.3", "GET", "/api/catalog/jurisdictions", null).status())
                .as("another address has its own budget")
                .isEqualTo(200);
        assertThat(call("127.0.0.2", "GET", "/api/catalog/jurisdictions", Tokens.of("op-cidu"))
                        .status())
                .as("a signed-in caller is not counted")
                .isEqualTo(200);
    }

    @Test
    void anonymousObjectionsFromOneAddressAreCappedPerHour() throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            statuses.add(call("127.0.0.4", "POST", "/api/applications/987654321/objections", null)
                    .status());
        }
        assertThat(statuses.subList(0, 10)).doesNotContain(429);
        assertThat(statuses.get(10)).isEqualTo(429);
    }

    private record Answer(int status, Map<String, String> headers, String body) {}

    /** One HTTP/1.1 call from the given loopback address (Java's HttpClient cannot choose its local address). */
    private static Answer call(String from, String method, String path, String token) throws Exception {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", WebTest.PORT), 5000);
            socket.setSoTimeout(10000);
            String body = method.equals("POST") ? "{}" : "";
            String request =
                    method + " " + path + " HTTP/1.1\r\nHost: localhost:" + WebTest.PORT + "\r\nConnection: close\r\n"
                            + (token == null ? "" : "Authorization: Bearer " + token + "\r\n")
                            + (body.isEmpty()
                                    ? ""
                                    : "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n")
                            + "\r\n" + body;
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            String[] headAndBody = text.split("\r\n\r\n", 2);
            String[] lines = headAndBody[0].split("\r\n");
            Map<String, String> headers = new java.util.HashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(
                        lines[i].substring(0, colon).trim().toLowerCase(),
                        lines[i].substring(colon + 1).trim());
            }
            return new Answer(
                    Integer.parseInt(lines[0].split(" ")[1]), headers, headAndBody.length > 1 ? headAndBody[1] : "");
        }
    }
}
