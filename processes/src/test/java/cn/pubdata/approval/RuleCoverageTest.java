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
 * Policy fidelity: every rule the admission flow enforces is cited in a model element's documentation and proved by a
 * test marked {@code @Enforces}; every other rule of the section says why not. Writes target/rule-coverage.md.
 */
class RuleCoverageTest {

    private static final Pattern RULE = Pattern.compile("\\b(?:ADM|CAT|DSC|APL|PRC|SEC|ROLE)-\\d{2}\\b");
    private static final Pattern ENFORCES =
            Pattern.compile("@Enforces\\(\\{?([^)]*?)\\}?\\)\\s*(?:@\\w+(?:\\([^)]*\\))?\\s*)*void\\s+(\\w+)");
    private static final Path MODULE = Path.of("").toAbsolutePath();

    private record Rule(String id, String title, String status) {
        boolean enforced() {
            return status.equals("enforced");
        }
    }

    @Test
    void everyEnforcedAdmissionRuleIsCitedInTheModelAndProvedByATest() throws Exception {
        List<Rule> rules = rules();
        Map<String, TreeSet<String>> inModel = modelCitations();
        Map<String, TreeSet<String>> inTests = testCitations();

        StringBuilder table = new StringBuilder(
                "# Admission rules: model element → test\n\n| rule | model elements | tests | status |\n|---|---|---|---|\n");
        List<String> gaps = new ArrayList<>();
        for (Rule rule : rules) {
            String elements = String.join(", ", inModel.getOrDefault(rule.id(), new TreeSet<>()));
            String tests = String.join(", ", inTests.getOrDefault(rule.id(), new TreeSet<>()));
            table.append("| ")
                    .append(rule.id())
                    .append(" ")
                    .append(rule.title())
                    .append(" | ")
                    .append(elements)
                    .append(" | ")
                    .append(tests)
                    .append(" | ")
                    .append(rule.status())
                    .append(" |\n");
            if (rule.enforced() && (elements.isEmpty() || tests.isEmpty())) {
                gaps.add(rule.id()
                        + (elements.isEmpty() ? " is not cited in any model element" : "")
                        + (tests.isEmpty() ? " has no @Enforces test" : ""));
            }
            if (!rule.enforced() && !rule.status().startsWith("not enforced: ")) {
                gaps.add(rule.id() + " neither enforced nor given a reason");
            }
        }
        List<String> notCovered = rules.stream()
                .filter(r -> !r.enforced())
                .map(r -> r.id() + " — " + r.status())
                .toList();
        table.append("\n## Not covered yet\n\n");
        notCovered.forEach(line -> table.append("- ").append(line).append('\n'));
        Path report = MODULE.resolve("target/rule-coverage.md");
        Files.createDirectories(report.getParent());
        Files.writeString(report, table, StandardCharsets.UTF_8);
        System.out.printf(
                "Rule coverage: %d admission rules, %d enforced (model element and test), %d not yet; table in %s%n  %s%n",
                rules.size(),
                rules.stream().filter(Rule::enforced).count(),
                notCovered.size(),
                report,
                String.join("\n  ", notCovered));

        assertThat(gaps).as("rules without model citation, test or reason").isEmpty();
        Map<String, TreeSet<String>> citedButUnlisted = new TreeMap<>(inModel);
        rules.forEach(r -> citedButUnlisted.remove(r.id()));
        assertThat(citedButUnlisted)
                .as("rules cited in the model but missing from admission-rules.tsv")
                .isEmpty();
    }

    private static List<Rule> rules() throws IOException {
        List<Rule> rules = new ArrayList<>();
        for (String line : Files.readAllLines(MODULE.resolve("src/test/resources/rules/admission-rules.tsv"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t");
            rules.add(new Rule(cells[0], cells[1], cells[2]));
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

    /** Tests of every module: the workers', these process tests and the web API tests. */
    private static Map<String, TreeSet<String>> testCitations() throws IOException {
        Map<String, TreeSet<String>> cited = new LinkedHashMap<>();
        for (String module : List.of("../workers", ".", "../web")) {
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
