package cn.pubdata.approval.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A playwright-core script of e2e/ run by the Node the build installed for the portal, against Debian's Chromium
 * (infra/chromium.sh installs it where missing). Screenshots go to web/target/e2e/.
 */
final class BrowserScript {

    static final Path FRONTEND = Path.of("src/main/frontend").toAbsolutePath();
    static final Path OUT = Path.of("target/e2e").toAbsolutePath();
    static final String APP = cn.pubdata.approval.WebTest.APP;

    record Result(int exit, String output) {}

    private BrowserScript() {}

    static void ensureChromium() throws IOException, InterruptedException {
        Path root = FRONTEND.getParent().getParent().getParent().getParent();
        assertThat(run(root, List.of("bash", "infra/chromium.sh")).exit())
                .as("Debian's Chromium is there or can be installed")
                .isZero();
        Files.createDirectories(OUT);
    }

    static Result run(String script, String... args) throws IOException, InterruptedException {
        List<String> command =
                new ArrayList<>(List.of(FRONTEND.resolve("node/node").toString(), "e2e/" + script));
        command.addAll(List.of(args));
        return run(FRONTEND, command);
    }

    private static Result run(Path dir, List<String> command) throws IOException, InterruptedException {
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
