package cn.pubdata.approval.portal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.pubdata.approval.fixture.Figures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /**
     * The axe-core lines of a script's output (e2e/axe.mjs prints one per screenshot): the counts per page reported as
     * figures, and no serious or critical violation on any page.
     */
    static void assertAccessible(String figures, Result result) {
        Matcher page = Pattern.compile(
                        "^AXE (\\S+) serious=(\\d+) critical=(\\d+) moderate=(\\d+) minor=(\\d+)$", Pattern.MULTILINE)
                .matcher(result.output());
        List<String> pages = new ArrayList<>();
        while (page.find()) {
            pages.add(String.format(
                    "  %-45s serious %s, critical %s, moderate %s, minor %s",
                    page.group(1), page.group(2), page.group(3), page.group(4), page.group(5)));
        }
        Figures.report(
                figures,
                "Accessibility (axe-core, WCAG 2.1 A/AA rules), violations per page:\n" + String.join("\n", pages));
        assertThat(pages).as("axe-core ran on the pages: " + result.output()).isNotEmpty();
        assertThat(result.output().lines().filter(l -> l.startsWith("AXE-VIOLATION")))
                .as("serious or critical accessibility violations")
                .isEmpty();
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
