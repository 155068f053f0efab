package cn.pubdata.approval.websecurity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** HSTS goes out only where the deployment asks for it, and the production profile does. */
class SecurityHeadersTest {

    @Test
    void hstsOnEveryResponseWhenConfiguredAndNeverOtherwise() throws Exception {
        assertThat(headersOf(new SecurityHeaders("https://sso.example.gov.cn", 31_536_000), "/portal/")
                        .getHeader("Strict-Transport-Security"))
                .isEqualTo("max-age=31536000; includeSubDomains");
        assertThat(headersOf(new SecurityHeaders("http://localhost:8180", 0), "/portal/")
                        .getHeader("Strict-Transport-Security"))
                .isNull();
    }

    @Test
    void thePortalMayTalkToItsKeycloakAndNothingElseWhileTheWebappsKeepOperatonsPolicy() throws Exception {
        SecurityHeaders headers = new SecurityHeaders("https://sso.example.gov.cn", 0);
        assertThat(headersOf(headers, "/portal/").getHeader("Content-Security-Policy"))
                .contains(
                        "connect-src 'self' https://sso.example.gov.cn",
                        "frame-ancestors 'none'",
                        "script-src 'self';");
        assertThat(headersOf(headers, "/operaton/app/tasklist/default/").getHeader("Content-Security-Policy"))
                .isNull();
    }

    @Test
    void theProductionProfileSendsHstsForAYearAndTrustsOnlyItsProxysForwardedHeaders() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application-production.yaml"));
        Map<Object, Object> production = yaml.getObject();
        assertThat(production)
                .containsEntry("approval.web-security.hsts-max-age-seconds", 31536000)
                .containsEntry("server.forward-headers-strategy", "native");
    }

    private static MockHttpServletResponse headersOf(SecurityHeaders filter, String uri) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(new MockHttpServletRequest("GET", uri), response, new MockFilterChain());
        return response;
    }
}
