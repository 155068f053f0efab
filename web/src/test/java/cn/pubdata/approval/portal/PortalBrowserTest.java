package cn.pubdata.approval.portal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.pubdata.approval.WebTest;
import cn.pubdata.approval.task.TaskDecisions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.TaskService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An operator in a real Chromium: logs in through Keycloak, fills and submits an admission application with a
 * document, sees its timeline move when a reviewer returns it for 补正, and supplements it. Screenshots of each step:
 * web/target/e2e/.
 */
class PortalBrowserTest extends WebTest {

    private static final Path FRONTEND = Path.of("src/main/frontend").toAbsolutePath();
    private static final Path OUT = Path.of("target/e2e").toAbsolutePath();

    @Autowired
    TaskDecisions decisions;

    @Autowired
    TaskService tasks;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anOperatorAppliesThroughThePortalAndSeesTheReviewersDecision() throws Exception {
        assertThat(run(FRONTEND.getParent().getParent().getParent().getParent(), "bash", "infra/chromium.sh")
                        .exit())
                .as("Debian's Chromium is there or can be installed")
                .isZero();
        Files.createDirectories(OUT);
        Path pdf = OUT.resolve("应急预案.pdf");
        Files.writeString(pdf, "%PDF-1.4\n% 应急预案\n%%EOF\n", StandardCharsets.UTF_8);

        Result apply = run(
                FRONTEND,
                node(),
                "e2e/portal.e2e.mjs",
                "apply",
                "http://localhost:18080",
                OUT.toString(),
                pdf.toString());
        assertThat(apply.exit()).as(apply.output()).isZero();
        Matcher id = Pattern.compile("APPLICATION (\\d+)").matcher(apply.output());
        assertThat(id.find()).as(apply.output()).isTrue();
        long applicationId = Long.parseLong(id.group(1));
        assertThat(jdbc.sql("select credit_code from approval.admission_application where id = ?")
                        .param(1, applicationId)
                        .query(String.class)
                        .single())
                .isEqualTo("91330100716105852F");

        String pid = jdbc.sql("select process_instance_id from approval.admission_application where id = ?")
                .param(1, applicationId)
                .query(String.class)
                .single();
        decisions.decide(
                tasks.createTaskQuery().processInstanceId(pid).singleResult().getId(),
                "authority",
                Set.of("authority-reviewer"),
                Map.of("completenessDecision", "supplement", "completenessReason", "请补充应急预案的处置流程"));

        Result follow = run(
                FRONTEND,
                node(),
                "e2e/portal.e2e.mjs",
                "follow",
                "http://localhost:18080",
                OUT.toString(),
                String.valueOf(applicationId));
        assertThat(follow.exit()).as(follow.output()).isZero();
        assertThat(OUT.resolve("5-timeline-moved-supplement-requested.png")).exists();
        assertThat(jdbc.sql(
                                "select count(*) from approval.timeline_event where subject = 'ADM-' || ? and title = '提交补正材料'")
                        .param(1, applicationId)
                        .query(Integer.class)
                        .single())
                .as("the supplement reached the process")
                .isEqualTo(1);
        assertThat(tasks.createTaskQuery().processInstanceId(pid).singleResult().getTaskDefinitionKey())
                .as("back at the completeness check")
                .isEqualTo("UserTask_CheckCompleteness");
    }

    private record Result(int exit, String output) {}

    /** The Node the build installed for the portal (frontend-maven-plugin). */
    private static String node() {
        return FRONTEND.resolve("node/node").toString();
    }

    private static Result run(Path dir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            return new Result(-1, output + "\n(timed out)");
        }
        return new Result(p.exitValue(), output);
    }
}
