package cn.pubdata.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Policy fidelity. Every rule of a covered section is listed in {@code src/test/resources/rules/<SECTION>.tsv}, either
 * enforced (cited in a model element's documentation or in the main code, and proved by a test marked
 * {@code @Enforces}) or with the reason it is not. A rule that is not enforced is cited nowhere. Writes
 * target/rule-coverage.md and prints the figures per section.
 */
class RuleCoverageTest {

    private static final Pattern RULE =
            Pattern.compile("\\b(?:ADM|SCN|PRD|RECT|EXIT|EVAL|DEV|APL|PRC|CAT|DSC|SEC|ROLE)-\\d{2}\\b");
    private static final Pattern ENFORCES =
            Pattern.compile("@Enforces\\(\\{?([^)]*?)\\}?\\)\\s*(?:@\\w+(?:\\([^)]*\\))?\\s*)*void\\s+(\\w+)");
    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final List<String> MODULES = List.of("../workers", ".", "../web");

    private record Rule(String section, String id, String title, String status) {
        boolean enforced() {
            return status.equals("enforced");
        }
    }

    @Test
    void everyRuleOfACoveredSectionIsEnforcedAndProvedOrSaysWhyNot() throws Exception {
        List<Rule> rules = rules();
        Map<String, TreeSet<String>> cited = new TreeMap<>(modelCitations());
        codeCitations()
                .forEach((id, where) ->
                        cited.computeIfAbsent(id, k -> new TreeSet<>()).addAll(where));
        Map<String, TreeSet<String>> proved = testCitations();

        StringBuilder table = new StringBuilder("# Rule coverage: rule → model elements and code → tests\n");
        List<String> gaps = new ArrayList<>();
        Map<String, int[]> perSection = new LinkedHashMap<>();
        String section = "";
        for (Rule rule : rules) {
            if (!rule.section().equals(section)) {
                section = rule.section();
                table.append("\n## ")
                        .append(section)
                        .append("\n\n| rule | cited in | tests | status |\n|---|---|---|---|\n");
            }
            String where = String.join(", ", cited.getOrDefault(rule.id(), new TreeSet<>()));
            String tests = String.join(", ", proved.getOrDefault(rule.id(), new TreeSet<>()));
            table.append("| ")
                    .append(rule.id())
                    .append(" ")
                    .append(rule.title())
                    .append(" | ")
                    .append(where)
                    .append(" | ")
                    .append(tests)
                    .append(" | ")
                    .append(rule.status())
                    .append(" |\n");
            int[] counts = perSection.computeIfAbsent(rule.section(), k -> new int[2]);
            counts[1]++;
            if (rule.enforced()) {
                counts[0]++;
                if (where.isEmpty() || tests.isEmpty()) {
                    gaps.add(rule.id()
                            + (where.isEmpty() ? " is cited in no model element or code" : "")
                            + (tests.isEmpty() ? " has no @Enforces test" : ""));
                }
            } else if (!rule.status().startsWith("not enforced: ")) {
                gaps.add(rule.id() + " neither enforced nor given a reason");
            } else if (!where.isEmpty() || !tests.isEmpty()) {
                gaps.add(rule.id() + " is listed as not enforced but cited in " + where + " " + tests);
            }
        }
        Path report = MODULE.resolve("target/rule-coverage.md");
        Files.createDirectories(report.getParent());
        Files.writeString(report, table, StandardCharsets.UTF_8);
        StringBuilder summary = new StringBuilder("Rule coverage (enforced/listed):");
        perSection.forEach((s, c) -> summary.append(' ')
                .append(s)
                .append(' ')
                .append(c[0])
                .append('/')
                .append(c[1]));
        System.out.println(summary + "; table in " + report);

        assertThat(gaps)
                .as("rules without citation, test or reason, or cited while not enforced")
                .isEmpty();
        Map<String, TreeSet<String>> citedButUnlisted = new TreeMap<>(cited);
        citedButUnlisted.putAll(proved);
        rules.forEach(r -> citedButUnlisted.remove(r.id()));
        assertThat(citedButUnlisted)
                .as("rules cited in a model, the code or a test but missing from rules/*.tsv")
                .isEmpty();
    }

    /** Each section file lists every rule of its section, in order. */
    private static List<Rule> rules() throws IOException {
        List<Rule> rules = new ArrayList<>();
        try (Stream<Path> files = Files.list(MODULE.resolve("src/test/resources/rules"))) {
            for (Path file :
                    files.filter(p -> p.toString().endsWith(".tsv")).sorted().toList()) {
                String section = file.getFileName().toString().replace(".tsv", "");
                for (String line : Files.readAllLines(file)) {
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    String[] cells = line.split("\t");
                    assertThat(cells).as(file + ": " + line).hasSize(3);
                    assertThat(cells[0])
                            .as(file + ": a rule of its own section")
                            .startsWith(section + "-");
                    rules.add(new Rule(section, cells[0], cells[1], cells[2]));
                }
            }
        }
        return rules;
    }

    private static Map<String, TreeSet<String>> modelCitations() throws Exception {
        Map<String, TreeSet<String>> cited = new LinkedHashMap<>();
        try (Stream<Path> models = Files.list(MODULE.resolve("src/main/resources/bpmn"))) {
            for (Path model : models.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
                var factory = DocumentBuilderFactory.newInstance();
                factory.setNamespaceAware(true);
                NodeList docs = factory.newDocumentBuilder()
                        .parse(model.toFile())
                        .getElementsByTagNameNS("http://www.omg.org/spec/BPMN/20100524/MODEL", "documentation");
                for (int i = 0; i < docs.getLength(); i++) {
                    Element doc = (Element) docs.item(i);
                    String element = ((Element) doc.getParentNode()).getAttribute("id");
                    Matcher m = RULE.matcher(doc.getTextContent());
                    while (m.find()) {
                        cited.computeIfAbsent(m.group(), k -> new TreeSet<>()).add(element);
                    }
                }
            }
        }
        return cited;
    }

    /** The main code of every module: a rule id in a class names the class. */
    private static Map<String, TreeSet<String>> codeCitations() throws IOException {
        Map<String, TreeSet<String>> cited = new LinkedHashMap<>();
        for (String module : MODULES) {
            Path root = MODULE.resolve(module).resolve("src/main/java").normalize();
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file :
                        files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Matcher m = RULE.matcher(Files.readString(file));
                    while (m.find()) {
                        cited.computeIfAbsent(m.group(), k -> new TreeSet<>())
                                .add(file.getFileName().toString().replace(".java", ""));
                    }
                }
            }
        }
        return cited;
    }

    /** Tests of every module: the workers', these process tests and the web API tests. */
    private static Map<String, TreeSet<String>> testCitations() throws IOException {
        Map<String, TreeSet<String>> cited = new LinkedHashMap<>();
        for (String module : MODULES) {
            Path root = MODULE.resolve(module).resolve("src/test/java").normalize();
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file :
                        files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    String source = Files.readString(file);
                    Matcher m = ENFORCES.matcher(source);
                    while (m.find()) {
                        Matcher ids = RULE.matcher(m.group(1));
                        while (ids.find()) {
                            cited.computeIfAbsent(ids.group(), k -> new TreeSet<>())
                                    .add(file.getFileName().toString().replace(".java", "") + "." + m.group(2));
                        }
                    }
                }
            }
        }
        return cited;
    }
}
