package cn.pubdata.approval.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A request's log lines carry the caller and the flow it is about, and only while it runs; the production profile
 * writes them as JSON (ECS), with the MDC fields as fields of each line.
 */
class LogContextTest {

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aCallAboutAFlowLogsItsUserAndBusinessKey() throws Exception {
        SecurityContextHolder.getContext()
                .setAuthentication(new TestingAuthenticationToken("op-cidu", null, "ROLE_operator"));
        Map<String, String> seen = new HashMap<>();
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/applications/12/progress");
        new LogContext().logContextFilter().getFilter().doFilter(request, new MockHttpServletResponse(), (req, res) -> {
            seen.put("user", MDC.get("user"));
            seen.put("businessKey", MDC.get("businessKey"));
        });
        assertThat(seen).containsEntry("user", "op-cidu").containsEntry("businessKey", "ADM-12");
        assertThat(MDC.get("user")).as("cleared after the request").isNull();
        assertThat(MDC.get("businessKey")).isNull();

        seen.clear();
        new LogContext()
                .logContextFilter()
                .getFilter()
                .doFilter(
                        new MockHttpServletRequest("POST", "/api/exits/7/plan"),
                        new MockHttpServletResponse(),
                        (req, res) -> seen.put("businessKey", MDC.get("businessKey")));
        assertThat(seen).containsEntry("businessKey", "EXT-7");
    }

    @Test
    void theProductionProfileLogsJson() throws Exception {
        String production = Files.readString(Path.of("src/main/resources/application-production.yaml"));
        assertThat(production).containsPattern("structured:\\s+format:\\s+console: ecs");
        String engine = Files.readString(Path.of("src/main/resources/application.yaml"));
        assertThat(engine).contains("logging-context-business-key: businessKey");
    }
}
