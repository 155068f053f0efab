package cn.pubdata.approval.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import cn.pubdata.approval.WebTest;
import cn.pubdata.approval.fixture.Figures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * Tasklist and the welcome page offer Chinese first; Cockpit and Admin speak Chinese to a Chinese browser, every label of
 * Operaton's English locale translated: the application's own locale files and settings are served.
 */
class ChineseWebappsTest extends WebTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{.*?}}");

    @Autowired
    TestRestTemplate http;

    @Test
    void tasklistServesChineseLabelsAndPrefersChinese() {
        assertThat(http.getForObject("/operaton/app/tasklist/locales/zh.json", String.class))
                .contains("\"CLAIM_TASK\": \"认领\"", "\"COMPLETE\": \"办结\"", "\"DUE_DATE\": \"办理期限\"");
        assertThat(http.getForObject("/operaton/app/tasklist/scripts/config.js", String.class))
                .contains("availableLocales: ['zh', 'en']", "fallbackLocale: 'zh'");
    }

    @Test
    void cockpitAndAdminServeChineseLabelsAndFallBackToEnglish() {
        assertThat(http.getForObject("/operaton/app/cockpit/locales/zh.json", String.class))
                .contains("\"COCKPIT_PROCESSES\": \"流程\"", "\"DASHBOARD_DASHBOARD\": \"仪表板\"");
        assertThat(http.getForObject("/operaton/app/admin/locales/zh.json", String.class))
                .contains("\"GROUPS_GROUPS\": \"组\"");
        for (String app : java.util.List.of("cockpit", "admin")) {
            assertThat(http.getForObject("/operaton/app/" + app + "/scripts/config.js", String.class))
                    .as(app)
                    .contains("availableLocales: ['zh', 'en']", "fallbackLocale: 'en'");
        }
    }

    /**
     * Every label of Operaton's own English locale (served from its webjar) has a Chinese one, with the same
     * placeholders ({{name}}) and markup, and no Chinese label is left over from another version.
     */
    @Test
    void cockpitAndAdminTranslateEveryLabelOfOperatonsEnglishLocale() throws Exception {
        StringBuilder figures = new StringBuilder("Chinese webapps, labels translated of Operaton's English locale:");
        for (String app : List.of("cockpit", "admin")) {
            JsonNode en = labels(app, "en");
            JsonNode zh = labels(app, "zh");
            Set<String> enKeys = keys(en);
            Set<String> zhKeys = keys(zh);
            Set<String> missing = new TreeSet<>(enKeys);
            missing.removeAll(zhKeys);
            Set<String> extra = new TreeSet<>(zhKeys);
            extra.removeAll(enKeys);
            long blank = zhKeys.stream()
                    .filter(k ->
                            zh.get(k).asText().isBlank() && !en.path(k).asText().isBlank())
                    .count();
            figures.append(String.format(
                    "%n  %-8s %4d of %4d (missing %d, left over %d)",
                    app, enKeys.size() - missing.size(), enKeys.size(), missing.size(), extra.size()));
            assertThat(missing)
                    .as(app + ": English labels without a Chinese one")
                    .isEmpty();
            assertThat(extra)
                    .as(app + ": Chinese labels Operaton does not have")
                    .isEmpty();
            for (String key : enKeys) {
                assertThat(placeholders(zh.get(key).asText()))
                        .as(app + " " + key + ": the same placeholders as in English")
                        .isEqualTo(placeholders(en.get(key).asText()));
            }
        }
        Figures.report("chinese-webapps", figures.toString());
    }

    private JsonNode labels(String app, String locale) throws Exception {
        String json = http.getForObject("/operaton/app/" + app + "/locales/" + locale + ".json", String.class);
        return JSON.readTree(json.startsWith("\uFEFF") ? json.substring(1) : json)
                .get("labels");
    }

    private static Set<String> keys(JsonNode labels) {
        Set<String> keys = new TreeSet<>();
        labels.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    /** {{ name }} placeholders, whatever their spacing. */
    private static List<String> placeholders(String label) {
        Matcher m = PLACEHOLDER.matcher(label);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group().replaceAll("\\s", ""));
        }
        found.sort(null);
        return found;
    }

    @Test
    void everyWebappSendsItsLoginRouteThroughKeycloak() {
        for (String app : java.util.List.of("tasklist", "welcome", "cockpit", "admin")) {
            assertThat(http.getForObject("/operaton/app/" + app + "/scripts/config.js", String.class))
                    .as(app)
                    .contains("customScripts: ['sso-login']");
            assertThat(http.getForObject("/operaton/app/" + app + "/sso-login.js", String.class))
                    .as(app)
                    .contains("#/login", "window.location.replace");
        }
    }

    @Test
    void welcomePageServesChineseLabelsAndPrefersChinese() {
        assertThat(http.getForObject("/operaton/app/welcome/locales/zh.json", String.class))
                .contains("\"TASKLIST\": \"审查待办\"");
        assertThat(http.getForObject("/operaton/app/welcome/scripts/config.js", String.class))
                .contains("fallbackLocale: 'zh'");
    }
}
