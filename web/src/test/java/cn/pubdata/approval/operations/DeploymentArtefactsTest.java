package cn.pubdata.approval.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The deployment artefacts checked offline (no Docker, no Kubernetes, no helm on the build machine): the Dockerfile,
 * compose.yaml and the Helm chart in infra/helm/approval parse; every environment variable they give the application
 * is one its configuration reads; every port, probe path, image version and secret key they name exists where they
 * say; the chart's templates, with their expressions replaced by values, are Kubernetes objects.
 */
class DeploymentArtefactsTest {

    private static final Path ROOT = repositoryRoot();
    private static final Pattern READ_VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");
    /** Read by Spring Boot or the JVM themselves, not by a placeholder of ours. */
    private static final Set<String> PLATFORM = Set.of("SPRING_PROFILES_ACTIVE", "JAVA_TOOL_OPTIONS");

    @Test
    void composeParsesAndGivesTheApplicationOnlyWhatItReads() throws IOException {
        Map<String, Object> compose = yaml(ROOT.resolve("compose.yaml"));
        Map<String, Map<String, Object>> services = map(compose.get("services"));
        assertThat(services.keySet())
                .containsExactlyInAnyOrder("postgres", "keycloak", "node-1", "node-2", "worker-1", "worker-2");
        Set<String> read = variablesTheApplicationReads();
        for (String name : List.of("node-1", "node-2", "worker-1", "worker-2")) {
            Map<String, Object> env = map(services.get(name).get("environment"));
            assertThat(env.keySet()).as(name + " environment").allMatch(v -> read.contains(v) || PLATFORM.contains(v));
            String profiles = String.valueOf(env.get("SPRING_PROFILES_ACTIVE"));
            for (String profile : profiles.split(",")) {
                assertThat(ROOT.resolve("web/src/main/resources/application-" + profile.trim() + ".yaml"))
                        .as(name + " profile " + profile)
                        .exists();
            }
            assertThat(env).containsKey("APPROVAL_DB_URL");
        }
        assertThat(String.valueOf(services.get("node-1").get("ports"))).contains("8080:" + applicationPort());
        assertThat(String.valueOf(map(services.get("node-1").get("healthcheck")).get("test")))
                .contains("/dev/tcp/127.0.0.1/" + managementPort())
                .contains("/actuator/health/readiness");
        assertThat(String.valueOf(services.get("keycloak").get("image")))
                .isEqualTo("quay.io/keycloak/keycloak:" + keycloakVersion());
        assertThat(String.valueOf(services.get("postgres").get("image")))
                .isEqualTo("postgres:" + postgresMajorVersion());
        assertThat(String.valueOf(services.get("keycloak").get("volumes")))
                .contains("infra/keycloak/approval-realm.json");
        assertThat(ROOT.resolve("infra/compose/postgres-init.sql")).exists();
        // the realm's client secrets are substituted from Keycloak's environment at import
        String realm = Files.readString(ROOT.resolve("infra/keycloak/approval-realm.json"));
        for (String secret : List.of("WEBAPPS_CLIENT_SECRET", "WORKERS_CLIENT_SECRET", "IDENTITY_CLIENT_SECRET")) {
            assertThat(realm).contains("${" + secret + "}");
            assertThat(map(services.get("keycloak").get("environment"))).containsKey(secret);
        }
    }

    @Test
    void theDockerfileShipsTheBuildsJarOnTheApplicationsPorts() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        assertThat(Files.readString(ROOT.resolve("web/pom.xml"))).contains("<finalName>approval</finalName>");
        assertThat(dockerfile)
                .contains("COPY web/target/approval.jar")
                .contains("EXPOSE " + applicationPort() + " " + managementPort())
                .containsPattern("FROM eclipse-temurin:(17|21|25)-jre");
    }

    @Test
    void theHelmChartRendersToKubernetesObjectsNamingOnlyWhatExists() throws IOException {
        Path chart = ROOT.resolve("infra/helm/approval");
        Map<String, Object> meta = yaml(chart.resolve("Chart.yaml"));
        assertThat(meta).containsEntry("apiVersion", "v2").containsEntry("name", "approval");
        Map<String, Object> values = yaml(chart.resolve("values.yaml"));
        assertThat(map(values.get("engine"))).containsKeys("replicas", "resources");
        assertThat(map(values.get("worker"))).containsKeys("replicas", "resources");
        assertThat(map(values.get("engine")).get("port")).isEqualTo(applicationPort());
        assertThat(map(values.get("engine")).get("managementPort")).isEqualTo(managementPort());
        Map<String, Object> secretKeys = map(map(values.get("secrets")).get("keys"));

        Set<String> read = variablesTheApplicationReads();
        List<Map<String, Object>> objects = new ArrayList<>();
        String helpers = Files.readString(chart.resolve("templates/_helpers.tpl"));
        try (Stream<Path> templates = Files.list(chart.resolve("templates"))) {
            for (Path template :
                    templates.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                String text = Files.readString(template);
                checkValuesExist(text + helpers, values, template);
                for (String secret : matches(text + helpers, "\\.Values\\.secrets\\.keys\\.(\\w+)")) {
                    assertThat(secretKeys).as(template + " secret key").containsKey(secret);
                }
                for (String document : render(text, helpers).split("(?m)^---$")) {
                    Map<String, Object> object = new Yaml().load(document);
                    assertThat(object)
                            .as(template + " renders a Kubernetes object")
                            .containsKeys("apiVersion", "kind");
                    objects.add(object);
                }
            }
        }
        assertThat(objects.stream()
                        .map(o -> o.get("kind") + "/" + map(o.get("metadata")).get("name")))
                .containsExactlyInAnyOrder("Deployment/R-engine", "Service/R-engine", "Deployment/R-worker");
        for (Map<String, Object> object : objects) {
            if (!"Deployment".equals(object.get("kind"))) {
                continue;
            }
            Map<String, Object> container = map(
                    ((List<?>) map(map(map(object.get("spec")).get("template")).get("spec"))
                                    .get("containers"))
                            .get(0));
            for (Object e : (List<?>) container.get("env")) {
                String name = String.valueOf(map(e).get("name"));
                assertThat(read.contains(name) || PLATFORM.contains(name))
                        .as(object + " env " + name + " is read by the application")
                        .isTrue();
            }
            for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
                Map<String, Object> get = map(map(container.get(probe)).get("httpGet"));
                assertThat(get.get("path")).isIn("/actuator/health/liveness", "/actuator/health/readiness");
                assertThat(get.get("port")).isEqualTo("management");
            }
            assertThat(String.valueOf(container.get("ports"))).contains("name=management");
            assertThat(map(container.get("resources"))).containsKeys("requests", "limits");
        }
        System.out.println("Helm chart: " + objects.size() + " objects rendered offline (expressions replaced), "
                + "helm itself not run (not installable here)");
    }

    // -- what the application reads --------------------------------------------------------------------------------

    private static Set<String> variablesTheApplicationReads() throws IOException {
        Set<String> read = new TreeSet<>();
        try (Stream<Path> files = Files.list(ROOT.resolve("web/src/main/resources"))) {
            for (Path f : files.filter(p -> p.getFileName().toString().matches("application.*\\.yaml"))
                    .toList()) {
                read.addAll(matches(Files.readString(f), READ_VARIABLE.pattern()));
            }
        }
        return read;
    }

    private static int applicationPort() throws IOException {
        return Integer.parseInt(matches(
                        Files.readString(ROOT.resolve("web/src/main/resources/application.yaml")),
                        "port: \\$\\{APPROVAL_PORT:(\\d+)}")
                .get(0));
    }

    private static int managementPort() throws IOException {
        return Integer.parseInt(matches(
                        Files.readString(ROOT.resolve("web/src/main/resources/application.yaml")),
                        "port: \\$\\{APPROVAL_MANAGEMENT_PORT:(\\d+)}")
                .get(0));
    }

    private static String keycloakVersion() throws IOException {
        return matches(Files.readString(ROOT.resolve("infra/keycloak.sh")), "(?m)^KC_VERSION=(\\S+)")
                .get(0);
    }

    private static String postgresMajorVersion() throws IOException {
        return matches(Files.readString(ROOT.resolve("pom.xml")), "<postgres-binaries.version>(\\d+)\\.")
                .get(0);
    }

    // -- a small renderer: helm's expressions replaced by their values, includes inlined ---------------------------

    private static String render(String template, String helpers) {
        StringBuilder out = new StringBuilder();
        for (String line : template.split("\n")) {
            Matcher include = Pattern.compile("^(\\s*)\\{\\{- include \"([\\w.]+)\" \\. \\| nindent (\\d+) }}$")
                    .matcher(line);
            Matcher toYaml = Pattern.compile("^(\\s*)(\\w+): \\{\\{- toYaml [^}]+ \\| nindent (\\d+) }}$")
                    .matcher(line);
            if (include.matches()) {
                String body = define(helpers, include.group(2));
                String indent = " ".repeat(Integer.parseInt(include.group(3)));
                for (String l : body.split("\n")) {
                    out.append(indent).append(l).append('\n');
                }
            } else if (toYaml.matches()) {
                out.append(toYaml.group(1))
                        .append(toYaml.group(2))
                        .append(": {requests: {cpu: 1}, limits: {memory: 1Gi}}\n");
            } else {
                out.append(line).append('\n');
            }
        }
        return out.toString()
                .replace("{{ .Release.Name }}", "R")
                .replaceAll("\\{\\{[^}]*\\.port }}", "8080")
                .replaceAll("\\{\\{[^}]*[mM]anagementPort[^}]*}}", "8081")
                .replaceAll("\"\\{\\{[^}]*}}[^\"\\n]*\"", "\"x\"")
                .replaceAll("\\{\\{[^}]*}}", "x");
    }

    private static String define(String helpers, String name) {
        Matcher m = Pattern.compile(
                        "\\{\\{- define \"" + Pattern.quote(name) + "\" -}}\\n(.*?)\\n\\{\\{- end -}}", Pattern.DOTALL)
                .matcher(helpers);
        assertThat(m.find()).as("define " + name).isTrue();
        return m.group(1);
    }

    private static void checkValuesExist(String text, Map<String, Object> values, Path template) {
        for (String path : matches(text, "\\.Values\\.([\\w.]+)")) {
            Object at = values;
            for (String key : path.split("\\.")) {
                assertThat(at).as(template + " .Values." + path).isInstanceOf(Map.class);
                at = map(at).get(key);
                assertThat(at).as(template + " .Values." + path).isNotNull();
            }
        }
    }

    // -- plumbing
    // ------------------------------------------------------------------------------------------------------

    private static List<String> matches(String text, String regex) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile(regex).matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static Map<String, Object> yaml(Path file) throws IOException {
        return new Yaml().load(Files.readString(file));
    }

    @SuppressWarnings("unchecked")
    private static <T> Map<String, T> map(Object o) {
        assertThat(o).isInstanceOf(Map.class);
        return (Map<String, T>) o;
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("compose.yaml"))) {
            dir = dir.getParent();
        }
        return dir;
    }
}
