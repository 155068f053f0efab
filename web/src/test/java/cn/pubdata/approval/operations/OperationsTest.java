package cn.pubdata.approval.operations;

import static org.assertj.core.api.Assertions.assertThat;

import cn.pubdata.approval.WebTest;
import cn.pubdata.approval.fixture.AuthorizedOperators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * What an operations team reads from a node: the probes' groups and Prometheus metrics on the management port (and
 * none of it on the public port), and the portal API's OpenAPI description, checked against the controllers.
 */
class OperationsTest extends WebTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    BusinessGauges gauges;

    @Autowired
    MeterRegistry registry;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuthorizedOperators operators;

    @Test
    void livenessAndReadinessGroupsAnswerOnTheManagementPort() throws Exception {
        JsonNode liveness = JSON.readTree(get(managementPort, "/actuator/health/liveness", 200));
        assertThat(liveness.path("status").asText()).isEqualTo("UP");
        assertThat(names(liveness.path("components"))).containsExactly("livenessState");

        JsonNode readiness = JSON.readTree(get(managementPort, "/actuator/health/readiness", 200));
        assertThat(readiness.path("status").asText()).isEqualTo("UP");
        assertThat(names(readiness.path("components")))
                .as("engine, database, Keycloak reachability and the workers' fetch loop")
                .containsExactlyInAnyOrder("readinessState", "db", "processEngine", "keycloak", "workers");
        readiness
                .path("components")
                .forEach(c -> assertThat(c.path("status").asText()).isEqualTo("UP"));

        assertThat(status(port, "/actuator/health"))
                .as("nothing of it on the public port")
                .isEqualTo(404);
        assertThat(status(managementPort, "/actuator/env"))
                .as("only health, info and metrics")
                .isEqualTo(404);
    }

    @Test
    void prometheusHasTheEnginesAndTheBusinessFigures() throws Exception {
        gauges.refresh();
        String metrics = get(managementPort, "/actuator/prometheus", 200);
        assertThat(metrics)
                .contains("approval_flows{application=\"approval\",model=\"admission\",state=\"active\"}")
                .contains("approval_flows{application=\"approval\",model=\"exit\",state=\"incident\"}")
                .contains("approval_tasks_overdue{")
                .contains("approval_engine_jobs{application=\"approval\",kind=\"timer\"}")
                .contains("approval_engine_incidents{application=\"approval\",type=\"failedExternalTask\"}")
                .contains("approval_engine_activity{application=\"approval\",counter=\"activity-instance-start\"}")
                .contains("approval_worker_failures_total{application=\"approval\",topic=\"admission-notify\"}")
                .contains("hikaricp_connections_active")
                .contains("http_server_requests_seconds");
        Files.writeString(Path.of("target", "prometheus-sample.txt"), metrics);
    }

    @Test
    void flowsPerStateCountTheDomainStatesOfOurTables() throws Exception {
        operators.approvedScenarioOfCidu("运维指标测试场景"); // an admission, an agreement and a scenario at least
        gauges.refresh();

        Map<String, Long> published = new TreeMap<>();
        for (Gauge g : registry.find("approval.flows.state").gauges()) {
            published.put(g.getId().getTag("flow") + " " + g.getId().getTag("state"), Math.round(g.value()));
        }
        Map<String, Long> rows = new TreeMap<>();
        for (String[] table : new String[][] {
            {"admission", "admission_application", "status"},
            {"scenario", "scenario", "status"},
            {"product", "product", "status"},
            {"data-use-request", "data_use_request", "status"},
            {"exit", "exit_case", "status"},
            {"agreement", "agreement", "state"}
        }) {
            jdbc.sql("select " + table[2] + " as state, count(*) as n from approval." + table[1] + " where " + table[2]
                            + " is not null group by " + table[2])
                    .query((rs, n) -> rows.put(table[0] + " " + rs.getString("state"), rs.getLong("n")))
                    .list();
        }
        assertThat(published).as("approval_flows_state against our tables").isEqualTo(rows);
        assertThat(published)
                .as("domain states, not the engine's")
                .containsKeys("agreement OPERATING", "scenario APPROVED")
                .doesNotContainKeys("admission active");
        assertThat(published.keySet()).anyMatch(k -> k.startsWith("admission "));
        assertThat(get(managementPort, "/actuator/prometheus", 200))
                .contains("approval_flows_state{application=\"approval\",flow=\"agreement\",state=\"OPERATING\"}");
    }

    @Test
    void theOpenApiDescriptionListsEveryRouteOfTheControllersAndNothingElse() throws Exception {
        String body = get(port, "/v3/api-docs", 200);
        Files.writeString(Path.of("target", "openapi.json"), body);
        JsonNode doc = JSON.readTree(body);
        assertThat(doc.path("info").path("title").asText()).contains("门户 API");
        Set<String> described = new TreeSet<>();
        for (Iterator<String> paths = doc.path("paths").fieldNames(); paths.hasNext(); ) {
            String path = paths.next();
            for (Iterator<String> methods = doc.path("paths").path(path).fieldNames(); methods.hasNext(); ) {
                described.add(methods.next().toUpperCase() + " " + path);
            }
        }
        Set<String> mapped = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    mapped.add(method.name() + " " + pattern);
                }
            }
        }
        assertThat(mapped).as("the controllers map routes").hasSizeGreaterThan(50);
        assertThat(described).as("the description against the controllers").isEqualTo(mapped);
        System.out.println("OpenAPI: " + described.size() + " operations of the portal API described, as mapped");
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private String get(int port, String path, int expected) throws Exception {
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(expected);
        return answer.body();
    }

    private int status(int port, String path) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
