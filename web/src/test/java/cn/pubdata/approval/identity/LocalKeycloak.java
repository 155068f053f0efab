package cn.pubdata.approval.identity;

import cn.pubdata.approval.containers.ContainerSwitch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The Keycloak the build runs: {@code infra/keycloak.sh} fetches it from Maven Central and starts it with the project's
 * realm. Started once per test JVM and stopped at its end, unless it was already running (a local run's).
 */
public final class LocalKeycloak {

    public static final String URL = "http://localhost:" + System.getenv().getOrDefault("KEYCLOAK_PORT", "8180");
    public static final String REALM = URL + "/realms/approval";

    private static Path root;

    private LocalKeycloak() {}

    public static synchronized void ensureRunning() throws IOException, InterruptedException {
        if (root != null) {
            return;
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("infra/keycloak.sh"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException(
                    "infra/keycloak.sh not found above " + Path.of("").toAbsolutePath());
        }
        Path repo = dir;
        if (ContainerSwitch.active()) {
            root = repo;
            ContainerSwitch.keycloak(
                    Integer.parseInt(System.getenv().getOrDefault("KEYCLOAK_PORT", "8180")),
                    repo.resolve("infra/keycloak/approval-realm.json"),
                    containerSecrets(repo));
            return;
        }
        boolean wasRunning = run(repo, "status") == 0;
        if (run(repo, "start") != 0) {
            throw new IllegalStateException(
                    "infra/keycloak.sh start failed: its output above says why (a Keycloak of another checkout on the port, or see .run-data/keycloak.log)");
        }
        if (!wasRunning) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    run(repo, "stop");
                } catch (Exception ignored) {
                    // the JVM is ending; the next start finds no Keycloak and starts one
                }
            }));
        }
        root = repo;
    }

    /** The clients' secrets for a Keycloak container: the build's keycloak.env, generated as keycloak.sh does if absent. */
    private static Map<String, String> containerSecrets(Path repo) throws IOException {
        Path env = repo.resolve(".run-data/keycloak.env");
        if (!Files.exists(env)) {
            java.security.SecureRandom random = new java.security.SecureRandom();
            StringBuilder lines = new StringBuilder();
            for (String name :
                    java.util.List.of("WEBAPPS_CLIENT_SECRET", "WORKERS_CLIENT_SECRET", "IDENTITY_CLIENT_SECRET")) {
                byte[] bytes = new byte[24];
                random.nextBytes(bytes);
                lines.append(name)
                        .append('=')
                        .append(java.util.HexFormat.of().formatHex(bytes))
                        .append('\n');
            }
            Files.createDirectories(env.getParent());
            Files.writeString(env, lines);
        }
        return secrets();
    }

    /** The checkout whose infra/keycloak.sh started it. */
    static Path repository() {
        return root;
    }

    public static String secret(String name) {
        try {
            return secrets().get(name);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The secrets infra/keycloak.sh generated for the clients (never in the repository). */
    static Map<String, String> secrets() throws IOException {
        return Files.readAllLines(root.resolve(".run-data/keycloak.env")).stream()
                .filter(l -> l.contains("="))
                .collect(Collectors.toMap(l -> l.substring(0, l.indexOf('=')), l -> l.substring(l.indexOf('=') + 1)));
    }

    private static int run(Path repo, String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", "infra/keycloak.sh", command)
                .directory(repo.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                .start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("infra/keycloak.sh " + command + " did not finish in 10 minutes");
        }
        return p.exitValue();
    }
}
