package cn.pubdata.approval.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import cn.pubdata.approval.fixture.Figures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Nothing secret is kept in the repository: not the secrets infra/keycloak.sh generated for this checkout, no private
 * key, no token, and no configuration file gives a secret or password a value of its own instead of an environment
 * variable.
 */
class RepositorySecretsTest {

    private static final Set<String> NOT_SOURCES =
            Set.of(".git", "target", "node_modules", "node", ".run-data", ".idea", "node-unpacked");
    private static final Pattern PRIVATE_KEY = Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----");
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{10,}\\.");
    /** {@code client-secret: xyz}, {@code "secret": "xyz"}, {@code password=xyz} in a configuration file. */
    private static final Pattern CONFIGURED_SECRET = Pattern.compile(
            "(?i)[\"']?[a-z._-]*(secret|password|passwd|credential)[\"']?\\s*[:=]\\s*[\"']?([A-Za-z0-9][^\\s\"',}]*)");

    @Test
    void noSecretIsKeptInTheRepository() throws IOException {
        Path repository = repository();
        Map<String, String> generated = generatedSecrets(repository);
        List<String> found = new ArrayList<>();
        int files = 0;
        for (Path file : sources(repository)) {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (java.nio.charset.MalformedInputException binary) {
                continue;
            }
            files++;
            String name = repository.relativize(file).toString();
            generated.forEach((key, value) -> {
                if (text.contains(value)) {
                    found.add(name + ": the value of " + key + " from .run-data/keycloak.env");
                }
            });
            if (PRIVATE_KEY.matcher(text).find()) {
                found.add(name + ": a private key");
            }
            if (JWT.matcher(text).find()) {
                found.add(name + ": a token");
            }
            if (name.matches(".*\\.(ya?ml|properties|env|json)") && !name.endsWith("package-lock.json")) {
                Matcher m = CONFIGURED_SECRET.matcher(text);
                while (m.find()) {
                    String value = m.group(2);
                    if (!value.startsWith("${") && !value.equals("password") && !value.equals("secret")) {
                        found.add(name + ": " + m.group().trim());
                    }
                }
            }
        }
        Figures.report(
                "repository-secrets",
                "Repository secrets: " + files + " text files checked, " + generated.size()
                        + " generated secrets looked for, " + found.size() + " found");
        assertThat(files).as("files checked").isGreaterThan(100);
        assertThat(found).isEmpty();
    }

    /** The secrets infra/keycloak.sh generated for this checkout, if it ran here. */
    private static Map<String, String> generatedSecrets(Path repository) throws IOException {
        Path env = repository.resolve(".run-data/keycloak.env");
        if (!Files.exists(env)) {
            return Map.of();
        }
        return Files.readAllLines(env).stream()
                .filter(l -> l.contains("=") && (l.contains("SECRET") || l.contains("PASSWORD")))
                .map(l -> l.split("=", 2))
                .filter(kv -> kv[1].length() >= 8)
                .collect(Collectors.toMap(kv -> kv[0], kv -> kv[1]));
    }

    private static List<Path> sources(Path repository) throws IOException {
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(repository, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return NOT_SOURCES.contains(dir.getFileName().toString()) && !dir.equals(repository)
                        ? FileVisitResult.SKIP_SUBTREE
                        : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && attrs.size() < 5_000_000) {
                    files.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return files;
    }

    private static Path repository() {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.exists(dir.resolve("infra/keycloak/approval-realm.json"))) {
            dir = dir.getParent();
        }
        return dir;
    }
}
