package cn.pubdata.approval.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import cn.pubdata.approval.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * Tasklist and the welcome page offer Chinese first; Cockpit and Admin speak Chinese to a Chinese browser (labels not
 * translated yet in English): the application's own locale files and settings are served.
 */
class ChineseWebappsTest extends WebTest {

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
