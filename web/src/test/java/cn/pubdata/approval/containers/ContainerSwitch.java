package cn.pubdata.approval.containers;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.FixedHostPortGenericContainer;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.MountableFile;

/**
 * The one switch for users with Docker: {@code -Dapproval.testcontainers=true} (or {@code APPROVAL_TESTCONTAINERS=true})
 * runs the web tests against a PostgreSQL container (the release the embedded binaries have) and a Keycloak container
 * with the project's realm, on the port the tests expect, instead of the embedded PostgreSQL and infra/keycloak.sh.
 * Without Docker the switch is skipped, said once, and the tests run on the embedded ones.
 */
public final class ContainerSwitch {

    public static final String POSTGRES_IMAGE = "postgres:17";
    public static final String KEYCLOAK_IMAGE = "quay.io/keycloak/keycloak:26.7.3";

    private static Boolean active;
    private static PostgreSQLContainer<?> postgres;

    private ContainerSwitch() {}

    public static boolean requested() {
        return Boolean.parseBoolean(System.getProperty(
                "approval.testcontainers", System.getenv().getOrDefault("APPROVAL_TESTCONTAINERS", "false")));
    }

    /** Whether the containers are used: requested, and Docker answers. Says once why not, when requested. */
    public static synchronized boolean active() {
        if (active == null) {
            active = requested() && dockerAvailable();
            if (requested() && !active) {
                System.out.println(
                        "Testcontainers 已请求，但本机没有可用的 Docker：跳过容器，测试使用内嵌 PostgreSQL 和 infra/keycloak.sh 的 Keycloak"
                                + " / Testcontainers requested but no Docker here: skipped, the tests use the embedded PostgreSQL"
                                + " and infra/keycloak.sh's Keycloak");
            }
        }
        return active;
    }

    /** For the switch's own test: decide again. */
    static synchronized void forget() {
        active = null;
    }

    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** The PostgreSQL container, started once per test JVM. */
    public static synchronized PostgreSQLContainer<?> postgres() {
        if (postgres == null) {
            postgres = new PostgreSQLContainer<>(POSTGRES_IMAGE);
            postgres.start();
        }
        return postgres;
    }

    /**
     * Keycloak with the realm on the host port the tests' token calls use, with the client secrets of the build's
     * keycloak.env substituted at import as infra/keycloak.sh does.
     */
    @SuppressWarnings("deprecation") // a fixed host port: the realm's redirect URIs and the tests name it
    public static GenericContainer<?> keycloak(int port, Path realm, Map<String, String> secrets) {
        GenericContainer<?> keycloak = new FixedHostPortGenericContainer<>(KEYCLOAK_IMAGE)
                .withFixedExposedPort(port, 8080)
                .withCopyFileToContainer(
                        MountableFile.forHostPath(realm), "/opt/keycloak/data/import/approval-realm.json")
                .withEnv(secrets)
                .withCommand(List.of(
                                "start-dev",
                                "--import-realm",
                                "--http-port=8080",
                                "--hostname=http://localhost:" + port,
                                "--health-enabled=true")
                        .toArray(String[]::new))
                .waitingFor(Wait.forHttp("/realms/approval/.well-known/openid-configuration")
                        .forPort(8080)
                        .withStartupTimeout(Duration.ofMinutes(3)));
        keycloak.start();
        return keycloak;
    }
}
