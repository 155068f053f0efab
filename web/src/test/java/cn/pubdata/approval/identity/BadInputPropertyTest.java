package cn.pubdata.approval.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.pubdata.approval.WebTest;
import cn.pubdata.approval.fixture.Figures;
import cn.pubdata.approval.identity.AccessMatrixTest.Caller;
import cn.pubdata.approval.identity.AccessMatrixTest.Expected;
import cn.pubdata.approval.identity.AccessMatrixTest.Policy;
import cn.pubdata.approval.identity.AccessMatrixTest.Route;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Generated bad input sent to every write endpoint of the portal API by a caller allowed to write there: malformed
 * and mistyped bodies, odd ids and parameters, wrong encodings and oversized values. Each answer is below 500 and a
 * problem detail (RFC 9457) in Chinese; a field of the wrong type is named; and no stored row changes. The number of
 * cases is printed when the properties end.
 */
class BadInputPropertyTest extends WebTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
    private static final AtomicInteger CASES = new AtomicInteger();
    private static final AtomicInteger SERVER_ERRORS = new AtomicInteger();
    private static final AtomicInteger ROWS_CHANGED = new AtomicInteger();

    /** The fields of free text among them, where only an object or a list is of the wrong type. */
    private static final Set<String> FREE_TEXT = Set.of("reason", "note", "plan");

    /** Field names the write endpoints read, each of which a generated body may carry with a value of the wrong type. */
    private static final List<String> FIELDS = List.of(
            "announcementId",
            "scenarioId",
            "lineNo",
            "lineNos",
            "periodFrom",
            "periodTo",
            "foundOn",
            "feeYuan",
            "expectedYearlyVolume",
            "costItems",
            "resourceCodes",
            "resources",
            "documents",
            "planSections",
            "lines",
            "purpose",
            "kind",
            "jurisdiction",
            "aiBased",
            "rawData",
            "opensOn",
            "deadline",
            "criteria",
            "days",
            "ceilingYuan",
            "grade",
            "openCondition",
            "agreementId",
            "documentId",
            "documentIds",
            "trigger",
            "ground",
            "plan",
            "note",
            "revenueYuan",
            "settings",
            "reason");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    JdbcClient jdbc;

    // Generated with jqwik's arbitraries and sampled inside the application's shared test context (jqwik-spring
    // would start one of its own; the properties need no shrinking: each failure names its route and input).

    @Test
    void malformedOrMistypedBodiesAreRefusedAtTheirFieldAndChangeNothing() throws Exception {
        for (Route route : everyRouteThenAtRandom(routes(false), 250)) {
            BadBody body = badBodies().sample();
            Answer answer = send(
                    route,
                    concrete(route.pattern(), "1"),
                    body.json().getBytes(StandardCharsets.UTF_8),
                    "application/json");
            assertRefusedWell(route, answer);
            if (body.field() != null && answer.status() == 400) {
                assertThat(answer.text())
                        .as("%s with %s: the answer names a field to fix", route, body)
                        .contains("\"field\"");
            }
        }
    }

    @Test
    void oddIdsAndParametersAreRefusedAndChangeNothing() throws Exception {
        for (Route route : everyRouteThenAtRandom(routes(true), 150)) {
            String path =
                    concrete(route.pattern(), oddIds().sample()) + oddQueries().sample();
            byte[] body = route.method().equals("GET") ? null : "{}".getBytes(StandardCharsets.UTF_8);
            Answer answer = send(route, path, body, "application/json");
            if (route.method().equals("GET") && answer.status() == 200) {
                // a look-up by a key that matches nothing (a jurisdiction, a credit code) answers an empty list
                assertUnharmed(route, answer);
            } else {
                assertRefusedWell(route, answer);
            }
        }
    }

    @Test
    void wrongEncodingsAndOversizedValuesAreRefusedAndChangeNothing() throws Exception {
        for (Route route : everyRouteThenAtRandom(routes(false), 150)) {
            Encoded body = encodings().sample();
            assertRefusedWell(route, send(route, concrete(route.pattern(), "1"), body.bytes(), body.contentType()));
        }
    }

    /** Each route once, so that none goes untried, then routes drawn at random up to the count. */
    private static List<Route> everyRouteThenAtRandom(List<Route> routes, int count) {
        List<Route> order = new ArrayList<>(routes);
        while (order.size() < count) {
            order.add(Arbitraries.of(routes).sample());
        }
        return order;
    }

    @AfterAll
    static void figures() {
        Figures.report(
                "bad-input",
                "Bad input: " + CASES.get() + " generated cases against the write endpoints, " + SERVER_ERRORS.get()
                        + " answered 5xx, " + ROWS_CHANGED.get() + " changed a stored row");
    }

    // --- generators -------------------------------------------------------------------------------------------

    record BadBody(String json, String field) {
        @Override
        public String toString() {
            return json.length() > 120 ? json.substring(0, 120) + "…(" + json.length() + ")" : json;
        }
    }

    Arbitrary<BadBody> badBodies() {
        Arbitrary<BadBody> broken = Arbitraries.oneOf(
                        Arbitraries.of(
                                "",
                                "{",
                                "[",
                                "}",
                                "null",
                                "true",
                                "42",
                                "\"text\"",
                                "{\"a\":}",
                                "{}{}",
                                "{'a':1}",
                                "[{}]",
                                "{\"scenarioId\":1,}",
                                "\u0000",
                                "﻿{}",
                                "{\"a\":\"\\ud800\"}"),
                        Arbitraries.strings().ofMaxLength(200))
                .map(s -> new BadBody(s, null));
        Arbitrary<Object> wrongValues = Arbitraries.oneOf(
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20).map(s -> (Object) ("x" + s)),
                Arbitraries.of(true, -1, 1.5, 1e308, "2026-13-45", "9999999999999999999999", "")
                        .map(o -> (Object) o),
                Arbitraries.just(Map.of("nested", List.of(1, 2))),
                Arbitraries.just(List.of("a", Map.of())),
                Arbitraries.strings().withCharRange('一', '龥').ofLength(100_000).map(s -> (Object) s));
        Arbitrary<BadBody> mistyped = Combinators.combine(Arbitraries.of(FIELDS), wrongValues)
                // any text is a well-formed reason or note (and JSON's numbers and booleans read as text): only an
                // object or a list is mistyped there; a drawn "x…" reason once withdrew an application under test
                .filter((field, value) -> !FREE_TEXT.contains(field) || value instanceof Map || value instanceof List)
                .as((field, value) -> {
                    try {
                        return new BadBody(JSON.writeValueAsString(Map.of(field, value)), field);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
        Arbitrary<BadBody> deep =
                Arbitraries.integers().between(1_100, 5_000).map(n -> new BadBody("[".repeat(n) + "]".repeat(n), null));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, broken),
                net.jqwik.api.Tuple.of(6, mistyped),
                net.jqwik.api.Tuple.of(1, deep));
    }

    Arbitrary<String> oddIds() {
        return Arbitraries.oneOf(
                Arbitraries.of(
                        "abc",
                        "-1",
                        "0",
                        "1.5",
                        "99999999999999999999999",
                        "%E4%B8%AD%E6%96%87",
                        "1%3Bdrop",
                        "%00",
                        "1e3",
                        "0x1F",
                        "%20",
                        "null",
                        "undefined",
                        "..",
                        "%2e%2e%2fetc"),
                Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(30));
    }

    Arbitrary<String> oddQueries() {
        return Arbitraries.of(
                "",
                "?creditCode=%27%20or%201%3D1",
                "?group=" + "x".repeat(5000),
                "?jurisdiction=%00",
                "?from=yesterday&workingDays=-5",
                "?workingDays=99999999999",
                "?creditCode=" + "9".repeat(300));
    }

    record Encoded(byte[] bytes, String contentType, String what) {
        @Override
        public String toString() {
            return what + " as " + contentType;
        }
    }

    Arbitrary<Encoded> encodings() {
        return Arbitraries.of(
                new Encoded("{\"name\":\"场景\"}".getBytes(StandardCharsets.UTF_8), "text/plain", "JSON"),
                new Encoded("<scenario/>".getBytes(StandardCharsets.UTF_8), "application/xml", "XML"),
                new Encoded(
                        "{\"name\":\"场景\",\"purpose\":\"INDUSTRY\"}".getBytes(Charset.forName("GBK")),
                        "application/json;charset=GBK",
                        "GBK JSON"),
                new Encoded(
                        "{\"name\":\"场景\"}".getBytes(Charset.forName("GBK")),
                        "application/json",
                        "GBK bytes declared UTF-8"),
                new Encoded(
                        new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'},
                        "application/json",
                        "invalid UTF-8"),
                new Encoded(new byte[] {(byte) 0xFF, (byte) 0xFE, '{', 0, '}', 0}, "application/json", "UTF-16 BOM"),
                new Encoded("a=1&b=2".getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded", "form"),
                new Encoded(
                        "--x\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nno filename\r\n--x--\r\n"
                                .getBytes(StandardCharsets.UTF_8),
                        "multipart/form-data; boundary=x",
                        "multipart without a file name"),
                new Encoded(
                        "--x\r\n".getBytes(StandardCharsets.UTF_8),
                        "multipart/form-data; boundary=x",
                        "truncated multipart"),
                new Encoded(
                        ("{\"description\":\"" + "长".repeat(2_000_000) + "\"}").getBytes(StandardCharsets.UTF_8),
                        "application/json",
                        "6 MB field"));
    }

    // --- the checks -------------------------------------------------------------------------------------------

    private void assertUnharmed(Route route, Answer answer) {
        count(answer);
        assertThat(answer.rowsAfter()).as("%s changed nothing", route).isEqualTo(answer.rowsBefore());
    }

    private static void count(Answer answer) {
        CASES.incrementAndGet();
        if (answer.status() >= 500) {
            SERVER_ERRORS.incrementAndGet();
        }
        if (!answer.rowsBefore().equals(answer.rowsAfter())) {
            ROWS_CHANGED.incrementAndGet();
        }
    }

    private void assertRefusedWell(Route route, Answer answer) {
        count(answer);
        assertThat(answer.status()).as("%s answered %s", route, answer.text()).isBetween(400, 499);
        assertThat(answer.contentType())
                .as("%s: a problem detail, answered %s %s", route, answer.status(), answer.text())
                .startsWith("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.path("detail").asText())
                .as("%s says what to fix", route)
                .isNotBlank();
        assertThat(answer.rowsAfter()).as("%s changed nothing", route).isEqualTo(answer.rowsBefore());
    }

    record Answer(int status, String contentType, String text, String rowsBefore, String rowsAfter) {
        JsonNode json() {
            try {
                return JSON.readTree(text);
            } catch (Exception e) {
                return JSON.createObjectNode();
            }
        }
    }

    private Answer send(Route route, String path, byte[] body, String contentType) throws Exception {
        String before = rows();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(APP + path))
                .header("Authorization", "Bearer " + token(callerOf(route)))
                .header("Content-Type", contentType)
                .method(
                        route.method(),
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(
                response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(""),
                response.body(),
                before,
                rows());
    }

    /** Every stored row the portal API writes, as one fingerprint: counts and the states that writes change. */
    private String rows() {
        return jdbc.sql("""
                select concat_ws('|',
                  (select count(*) || md5(coalesce(string_agg(id || status, ',' order by id), '')) from approval.admission_application),
                  (select count(*) || md5(coalesce(string_agg(id || status, ',' order by id), '')) from approval.scenario),
                  (select count(*) from approval.scenario_line),
                  (select count(*) || md5(coalesce(string_agg(id || status, ',' order by id), '')) from approval.product),
                  (select count(*) || md5(coalesce(string_agg(id || status, ',' order by id), '')) from approval.data_use_request),
                  (select count(*) from approval.data_quality_issue),
                  (select count(*) from approval.risk_report),
                  (select count(*) from approval.announcement),
                  (select count(*) from approval.document),
                  (select count(*) || md5(coalesce(string_agg(code || grade || open_condition, ',' order by code), '')) from approval.catalog_resource),
                  (select count(*) from approval.price_ceiling_change),
                  (select count(*) from approval.calendar_day),
                  (select count(*) from approval.objection),
                  (select count(*) from approval.agreement_renewal),
                  (select count(*) from approval.evaluation_document),
                  (select count(*) from approval.rectification_document),
                  (select count(*) from approval.inspection),
                  (select count(*) from approval.exit_case),
                  (select count(*) from approval.exit_document),
                  (select count(*) from approval.revenue_report),
                  (select count(*) from approval.policy_profile_version))""").query(String.class).single();
    }

    private List<Route> routes(boolean withId) {
        List<Route> routes = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> handler :
                mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = handler.getKey();
            // a write that reads no body (mark as read, withdraw) has no body to get wrong; its id is tried below
            boolean readsBody = Arrays.stream(handler.getValue().getMethodParameters())
                    .anyMatch(p -> p.hasParameterAnnotation(RequestBody.class)
                            || p.hasParameterAnnotation(RequestPart.class)
                            || p.hasParameterAnnotation(RequestParam.class));
            for (String pattern : info.getPatternValues()) {
                for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                    Route route = new Route(method.name(), pattern);
                    boolean write = method != RequestMethod.GET;
                    if (pattern.startsWith("/api/")
                            && (withId ? pattern.contains("{") : write && readsBody)
                            && callerOf(route) != null) {
                        routes.add(route);
                    }
                }
            }
        }
        assertThat(routes).isNotEmpty();
        return routes;
    }

    /** A caller the access policy lets through, so that the input and not the role is what is judged. */
    private static Caller callerOf(Route route) {
        for (Caller caller : List.of(
                Caller.OPERATOR, Caller.AUTHORITY, Caller.PRICING, Caller.PROVIDER, Caller.MANAGER, Caller.ADMIN)) {
            if (Policy.of(route, caller) == Expected.ALLOWED) {
                return caller;
            }
        }
        return null;
    }

    private static String token(Caller caller) throws Exception {
        String token = TOKENS.get(caller.user);
        if (token == null) {
            token = caller.token();
            TOKENS.put(caller.user, token);
        }
        return token;
    }

    private static String concrete(String pattern, String id) {
        return pattern.replaceAll("\\{year}", "2031")
                .replaceAll("\\{jurisdiction}", "jingdezhen")
                .replaceAll("\\{creditCode}", "91330100716105852F")
                .replaceAll("\\{category}", "API")
                .replaceAll("\\{code}", "fgw-enterprise-credit")
                .replaceAll("\\{[^}]+}", id);
    }
}
