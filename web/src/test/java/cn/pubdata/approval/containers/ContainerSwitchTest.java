package cn.pubdata.approval.containers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The Testcontainers switch: on this machine (no Docker) it is skipped cleanly and says so once; where Docker runs,
 * the web tests use the containers (not run here). The images it names are the releases the build uses elsewhere
 * (DeploymentArtefactsTest checks compose.yaml against the same).
 */
class ContainerSwitchTest {

    @Test
    void withoutDockerTheSwitchIsSkippedAndSaysSoOnce() {
        String before = System.getProperty("approval.testcontainers");
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setProperty("approval.testcontainers", "true");
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        ContainerSwitch.forget();
        try {
            boolean docker = ContainerSwitch.dockerAvailable();
            boolean first = ContainerSwitch.active();
            boolean second = ContainerSwitch.active();
            assertThat(first).isEqualTo(docker).isEqualTo(second);
            String said = printed.toString(StandardCharsets.UTF_8);
            if (!docker) {
                assertThat(said.split("no Docker here", -1)).as("said once").hasSize(2);
                out.println("Testcontainers switch: no Docker on this machine, skipped (said once)");
            } else {
                assertThat(said).doesNotContain("no Docker here");
            }
        } finally {
            ContainerSwitch.forget();
            System.setOut(out);
            if (before == null) {
                System.clearProperty("approval.testcontainers");
            } else {
                System.setProperty("approval.testcontainers", before);
            }
        }
        assertThat(ContainerSwitch.POSTGRES_IMAGE).isEqualTo("postgres:17");
        assertThat(ContainerSwitch.KEYCLOAK_IMAGE).endsWith(":26.7.3");
    }
}
