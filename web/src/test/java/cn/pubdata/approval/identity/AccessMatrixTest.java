package cn.pubdata.approval.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.pubdata.approval.WebTest;
import cn.pubdata.approval.common.Enforces;
import cn.pubdata.approval.fixture.Figures;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.rest.impl.OperatonRestResources;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every route of the application (the portal API as Spring maps it, every resource of the engine's REST API, the
 * webapps and their API, actuator) called by every demo role, by the workers' service account and without a token.
 * The routes are read from the running application, so a new endpoint without an expectation fails here. Writes the
 * matrix to web/target/access-matrix.tsv and prints its summary. The auditor (SEC-14) reads what the reviewers read and
 * every write of its is refused.
 */
class AccessMatrixTest extends WebTest {

    private static final long NO_SUCH_ID = 987_654_321L;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /** The port the application runs on (18080 unless {@code -Dserver.port} says otherwise). */
    @LocalServerPort
    int port;

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    @Enforces({"SEC-14"})
    void everyRouteAnswersEveryCallerAsThePolicySays() throws Exception {
        Map<Caller, String> tokens = new EnumMap<>(Caller.class);
        for (Caller caller : Caller.values()) {
            if (caller != Caller.ANONYMOUS) {
                tokens.put(caller, caller.token());
            }
        }
        List<String> rows = new ArrayList<>();
        rows.add("method\troute\t" + String.join("\t", names()));
        List<String> unexpected = new ArrayList<>();
        int allowed = 0;
        int refused = 0;
        List<Route> routes = routes();
        for (Route route : routes) {
            StringBuilder row = new StringBuilder(route.method() + "\t" + route.pattern());
            for (Caller caller : Caller.values()) {
                int status = call(route, tokens.get(caller));
                boolean passed = status != 401 && status != 403 && !(status == 302 && route.webapp());
                Expected expected = Policy.of(route, caller);
                String verdict;
                if (expected == null) {
                    verdict = "?" + status;
                    unexpected.add(route + " " + caller + ": no expectation (answered " + status + ")");
                } else if (!expected.matches(status, route)) {
                    verdict = "!" + status;
                    unexpected.add(route + " " + caller + ": expected " + expected + ", answered " + status);
                } else {
                    verdict = String.valueOf(status);
                }
                if (passed) {
                    allowed++;
                } else {
                    refused++;
                }
                row.append('\t').append(verdict);
            }
            rows.add(row.toString());
        }
        java.nio.file.Path out = java.nio.file.Path.of("target/access-matrix.tsv");
        Files.write(out, rows);
        String summary = "Access matrix: " + routes.size() + " routes × " + Caller.values().length + " callers = "
                + (allowed + refused) + " calls, " + allowed + " allowed, " + refused + " refused, "
                + unexpected.size() + " unexpected (" + out.toAbsolutePath() + ")";
        Figures.report("access-matrix", summary);
        assertThat(unexpected).as(summary).isEmpty();
    }

    /** The portal API as Spring maps it, each engine REST resource, the webapps and their API, actuator. */
    private List<Route> routes() {
        Set<Route> routes = new java.util.LinkedHashSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods().isEmpty()
                    ? Set.of(RequestMethod.GET)
                    : info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/error")) {
                    continue;
                }
                for (RequestMethod method : methods) {
                    routes.add(new Route(method.name(), pattern));
                }
            }
        }
        Set<String> engine = new TreeSet<>();
        for (Class<?> resource : OperatonRestResources.getResourceClasses()) {
            String root = path(resource);
            if (root == null) {
                continue;
            }
            for (Method method : resource.getMethods()) {
                Path sub = method.getAnnotation(Path.class);
                if (sub != null) {
                    engine.add(("/engine-rest" + root + sub.value()).replace("//", "/"));
                }
            }
        }
        engine.forEach(p -> routes.add(new Route("GET", p)));
        routes.add(new Route("POST", "/engine-rest/external-task/fetchAndLock"));
        routes.add(new Route("POST", "/engine-rest/message"));
        routes.add(new Route("POST", "/engine-rest/process-definition/key/{key}/start"));
        for (String app : List.of("welcome", "tasklist", "cockpit", "admin")) {
            routes.add(new Route("GET", "/operaton/app/" + app + "/default/"));
        }
        routes.add(new Route("GET", "/operaton/api/admin/auth/user/default"));
        routes.add(new Route("GET", "/operaton/api/engine/engine/default/task"));
        routes.add(new Route("GET", "/operaton/api/cockpit/plugin/base/default/process-definition/statistics"));
        routes.add(new Route("GET", "/operaton/api/admin/setup/default/user/initial"));
        routes.add(new Route("GET", "/actuator/health"));
        routes.add(new Route("GET", "/actuator/info"));
        routes.add(new Route("GET", "/actuator/env"));
        routes.add(new Route("GET", "/actuator/prometheus"));
        routes.add(new Route("GET", "/actuator/health/readiness"));
        return new ArrayList<>(routes);
    }

    private static String path(Class<?> resource) {
        for (Class<?> c = resource; c != null; c = c.getSuperclass()) {
            if (c.getAnnotation(Path.class) != null) {
                return c.getAnnotation(Path.class).value();
            }
            for (Class<?> i : c.getInterfaces()) {
                if (i.getAnnotation(Path.class) != null) {
                    return i.getAnnotation(Path.class).value();
                }
            }
        }
        return null;
    }

    private int call(Route route, String token) throws Exception {
        String path = route.pattern()
                .replaceAll("\\{year}", "2030")
                .replaceAll("\\{jurisdiction}", "jingdezhen")
                .replaceAll("\\{creditCode}", "91360200000000000X")
                .replaceAll("\\{category}", "API")
                .replaceAll("\\{code}", "no-such-resource")
                .replaceAll("\\{key}", "no-such-process")
                .replaceAll("\\{[^}]+}", String.valueOf(NO_SUCH_ID))
                .replace("/**", "/x");
        String query = switch (path) {
            case "/api/calendar/due" -> "?from=2026-12-01&workingDays=1";
            case "/api/catalog/changes", "/api/catalog/operation", "/api/catalog/products" ->
                "?jurisdiction=jingdezhen";
            default -> "";
        };
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path + query));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpRequest.BodyPublisher body = switch (path) {
            case "/engine-rest/external-task/fetchAndLock" ->
                HttpRequest.BodyPublishers.ofString("{\"workerId\":\"access-matrix\",\"maxTasks\":0,\"topics\":[]}");
            case "/engine-rest/message" -> HttpRequest.BodyPublishers.ofString("{\"messageName\":\"no-such-message\"}");
            default ->
                route.method().equals("GET") || route.method().equals("DELETE")
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("{}");
        };
        request.header("Content-Type", "application/json").method(route.method(), body);
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static List<String> names() {
        List<String> names = new ArrayList<>();
        for (Caller c : Caller.values()) {
            names.add(c.name().toLowerCase());
        }
        return names;
    }

    record Route(String method, String pattern) {

        boolean webapp() {
            return pattern.startsWith("/operaton/");
        }

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    /** Who calls: every demo role by its demo user, the workers' service account, and nobody. */
    enum Caller {
        ANONYMOUS(null),
        OPERATOR("op-cidu"),
        DEVELOPER("dev-cidu"),
        AUTHORITY("authority"),
        PROVIDER("fgw"),
        SECURITY("cac"),
        EXPERT("expert"),
        PRICING("pricing"),
        MANAGER("manager"),
        PROVINCE("province"),
        ADMIN("admin"),
        AUDITOR("auditor"),
        WORKERS(null);

        final String user;

        Caller(String user) {
            this.user = user;
        }

        String token() throws Exception {
            String form = this == WORKERS
                    ? "client_id=approval-workers&grant_type=client_credentials&client_secret="
                            + URLEncoder.encode(LocalKeycloak.secret("WORKERS_CLIENT_SECRET"), StandardCharsets.UTF_8)
                    : "client_id=approval-portal&grant_type=password&username=" + user + "&password=demo";
            HttpResponse<String> answer = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(LocalKeycloak.REALM + "/protocol/openid-connect/token"))
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .POST(HttpRequest.BodyPublishers.ofString(form))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(name() + " " + answer.body()).isEqualTo(200);
            return new ObjectMapper()
                    .readTree(answer.body())
                    .path("access_token")
                    .asText();
        }
    }

    /** What a caller should get: through to the handler, refused (401, 403, or the webapps' login), or nothing there. */
    enum Expected {
        ALLOWED,
        REFUSED,
        ABSENT;

        boolean matches(int status, Route route) {
            boolean refused = status == 401 || status == 403 || (status == 302 && route.webapp());
            return switch (this) {
                case ALLOWED -> !refused && status < 500;
                case REFUSED -> refused;
                case ABSENT -> status == 404;
            };
        }
    }

    /**
     * The access policy, first matching rule wins; {@code null} where no rule speaks of a route (a new endpoint nobody
     * decided on). Past the role check a handler answers 404 for another company's data and 400 for a missing
     * parameter: both count as reached.
     */
    static final class Policy {

        private static final Set<Caller> EVERYONE = Set.of(Caller.values());
        private static final Set<Caller> REVIEWERS = Set.of(
                Caller.AUTHORITY,
                Caller.PROVIDER,
                Caller.SECURITY,
                Caller.EXPERT,
                Caller.PRICING,
                Caller.MANAGER,
                Caller.PROVINCE,
                Caller.ADMIN);
        private static final Set<Caller> OPERATOR_SIDE = Set.of(Caller.OPERATOR, Caller.DEVELOPER);
        private static final Set<Caller> PEOPLE = union(union(REVIEWERS, OPERATOR_SIDE), Set.of(Caller.AUDITOR));
        /** SEC-14: the audit bureau reads what the reviewers read, the revenue and the catalog's history included. */
        private static final Set<Caller> READERS = union(REVIEWERS, Set.of(Caller.AUDITOR));

        private record Rule(String method, String pattern, Set<Caller> allowed, Expected otherwise) {}

        private static final AntPathMatcher MATCHER = new AntPathMatcher();
        private static final List<Rule> RULES = List.of(
                // public: the portal's files, announcements, the catalog and product list, objections during publicity
                rule("GET", "/portal/**", EVERYONE),
                rule("GET", "/portal", EVERYONE),
                rule("GET", "/api/portal-config", EVERYONE),
                rule("GET", "/api/announcements/**", EVERYONE),
                rule("GET", "/api/announcements", EVERYONE),
                rule("GET", "/api/catalog/changes", READERS),
                rule("GET", "/api/catalog/**", EVERYONE),
                rule("POST", "/api/applications/*/objections", EVERYONE),
                // the API description (springdoc, from the controllers) is as public as the README's table of calls
                rule("GET", "/v3/api-docs/**", EVERYONE),
                rule("GET", "/v3/api-docs", EVERYONE),
                rule("GET", "/v3/api-docs.yaml", EVERYONE),
                rule("GET", "/api/public/**", EVERYONE),
                rule("POST", "/api/public/publicity/*/objections", EVERYONE),
                // health, probes and metrics are on the management port only (OperationsTest): none on this one
                new Rule("*", "/actuator/**", Set.of(), Expected.ABSENT),
                // each write to the role that makes it
                rule("POST", "/api/announcements", Set.of(Caller.AUTHORITY)),
                rule("POST", "/api/catalog/resources", Set.of(Caller.AUTHORITY)),
                rule("PUT", "/api/catalog/resources/*/open-condition", Set.of(Caller.AUTHORITY)),
                rule("PUT", "/api/catalog/resources/*/grade", Set.of(Caller.AUTHORITY, Caller.PROVIDER)),
                rule("PUT", "/api/calendar/*", Set.of(Caller.AUTHORITY, Caller.ADMIN)),
                rule("PUT", "/api/pricing/ceilings/**", Set.of(Caller.PRICING)),
                rule("POST", "/api/applications", Set.of(Caller.OPERATOR)),
                rule("POST", "/api/applications/*/supplement", Set.of(Caller.OPERATOR)),
                rule("POST", "/api/applications/*/withdraw", Set.of(Caller.OPERATOR)),
                rule("POST", "/api/documents", Set.of(Caller.OPERATOR)),
                rule("POST", "/api/scenarios/**", Set.of(Caller.OPERATOR, Caller.DEVELOPER, Caller.PROVIDER)),
                rule("POST", "/api/scenarios", Set.of(Caller.OPERATOR, Caller.DEVELOPER, Caller.PROVIDER)),
                rule("GET", "/api/agreements", OPERATOR_SIDE),
                rule("POST", "/api/data-use-requests/**", OPERATOR_SIDE),
                rule("POST", "/api/data-use-requests", OPERATOR_SIDE),
                rule("POST", "/api/risk-reports", OPERATOR_SIDE),
                rule("POST", "/api/quality-issues", OPERATOR_SIDE),
                rule("POST", "/api/products/**", OPERATOR_SIDE),
                rule("POST", "/api/products", OPERATOR_SIDE),
                rule("*", "/api/tasks/**", REVIEWERS),
                // the operator's lifecycle: the authority orders, edits and inspects; the operator files and asks
                rule("POST", "/api/rectifications", Set.of(Caller.AUTHORITY)),
                rule("POST", "/api/inspections", Set.of(Caller.AUTHORITY)),
                rule("POST", "/api/lifecycle/evidence", Set.of(Caller.AUTHORITY)),
                rule("PUT", "/api/lifecycle/agreements/*/terms", Set.of(Caller.AUTHORITY)),
                rule("PUT", "/api/policy/profiles/**", Set.of(Caller.AUTHORITY, Caller.MANAGER, Caller.ADMIN)),
                rule("POST", "/api/lifecycle/agreements/*/renewal", Set.of(Caller.OPERATOR)),
                rule("POST", "/api/lifecycle/agreements/*/emergency-plans", Set.of(Caller.OPERATOR)),
                rule("POST", "/api/rectifications/*/plan", Set.of(Caller.OPERATOR)),
                rule("POST", "/api/rectifications/*/report", Set.of(Caller.OPERATOR)),
                rule("POST", "/api/evaluations/*/report", Set.of(Caller.OPERATOR)),
                rule("POST", "/api/exits/*/plan", Set.of(Caller.OPERATOR)),
                rule("POST", "/api/exits/*/deletion", Set.of(Caller.OPERATOR)),
                rule("POST", "/api/exits/plan-ahead", Set.of(Caller.OPERATOR)),
                rule("POST", "/api/exits", Set.of(Caller.OPERATOR, Caller.AUTHORITY)),
                rule("GET", "/api/revenue/**", READERS),
                // developer onboarding: the operator's rules and decisions, the developer's application, providers
                // recommend
                rule("POST", "/api/developers/rules", Set.of(Caller.OPERATOR)),
                rule("POST", "/api/developers/applications/*/*", Set.of(Caller.OPERATOR)),
                rule("POST", "/api/developers/applications", Set.of(Caller.DEVELOPER)),
                // APL-01 APL-04: the operator side appeals a refused data-use request (003) or objects to a line's
                // refusal (004)
                rule("POST", "/api/appeals/data-use", OPERATOR_SIDE),
                rule("POST", "/api/appeals/objections", OPERATOR_SIDE),
                rule("POST", "/api/appeals", Set.of(Caller.DEVELOPER)),
                // APL-01 (003): a developer appeals the operator's refusal of its product in the out-of-domain review
                rule("POST", "/api/appeals/products", Set.of(Caller.DEVELOPER)),
                rule("POST", "/api/appeals/*/material", OPERATOR_SIDE),
                rule("POST", "/api/developers/recommendations", Set.of(Caller.PROVIDER)),
                rule("POST", "/api/security/exercises", Set.of(Caller.OPERATOR)),
                rule("GET", "/api/security/exercises/overdue", READERS),
                rule("GET", "/api/audit/**", Set.of(Caller.AUTHORITY, Caller.MANAGER, Caller.ADMIN, Caller.AUDITOR)),
                rule("*", "/api/dashboard/**", Set.of(Caller.MANAGER, Caller.ADMIN)),
                rule("GET", "/api/notices/**", union(READERS, Set.of(Caller.OPERATOR))),
                rule("*", "/api/disclosure-plan/**", Set.of(Caller.OPERATOR)),
                rule("*", "/api/disclosure-plan", Set.of(Caller.OPERATOR)),
                rule("GET", "/api/notices", union(READERS, Set.of(Caller.OPERATOR))),
                // the rest of the portal API: any person; the handler checks whose data it is
                rule("*", "/api/**", PEOPLE),
                // the engine: the workers fetch and report external tasks and nothing else; reviewers the rest
                rule("*", "/engine-rest/external-task/**", Set.of(Caller.WORKERS)),
                rule("*", "/engine-rest/engine/*/external-task/**", Set.of(Caller.WORKERS)),
                rule("*", "/engine-rest/**", REVIEWERS),
                rule("*", "/engine-rest", REVIEWERS),
                // the webapps take no API token: everyone is sent to the Keycloak login (single sign-on)
                rule("*", "/operaton/**", Set.of()));

        private static Rule rule(String method, String pattern, Set<Caller> allowed) {
            return new Rule(method, pattern, allowed, Expected.REFUSED);
        }

        private static Set<Caller> union(Set<Caller> a, Set<Caller> b) {
            Set<Caller> all = new java.util.HashSet<>(a);
            all.addAll(b);
            return Set.copyOf(all);
        }

        static Expected of(Route route, Caller caller) {
            if (caller == Caller.AUDITOR && !route.method().equals("GET")) {
                return Expected.REFUSED; // SEC-14: read-only, public writes included
            }
            for (Rule rule : RULES) {
                if ((rule.method().equals("*") || rule.method().equals(route.method()))
                        && MATCHER.match(rule.pattern(), route.pattern())) {
                    return rule.allowed().contains(caller) ? Expected.ALLOWED : rule.otherwise();
                }
            }
            return null;
        }
    }
}
