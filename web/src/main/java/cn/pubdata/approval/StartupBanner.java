package cn.pubdata.approval;

import cn.pubdata.approval.demo.DemoAccounts;
import java.lang.management.ManagementFactory;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells whoever started the system where to log in, once everything is ready. */
@Component
class StartupBanner {

    private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

    private final Environment environment;
    private final boolean demo;
    private final String keycloak;

    StartupBanner(
            Environment environment,
            @Value("${approval.demo.enabled:false}") boolean demo,
            @Value("${approval.keycloak.url}") String keycloak) {
        this.environment = environment;
        this.demo = demo;
        this.keycloak = keycloak;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(100)
    void ready(ApplicationReadyEvent event) {
        int port = ((WebServerApplicationContext) event.getApplicationContext())
                .getWebServer()
                .getPort();
        String base = "http://localhost:" + port;
        StringBuilder b = new StringBuilder();
        b.append("\n\n==== 公共数据资源授权运营审批系统已就绪（应用启动 ")
                .append(String.format(
                        "%.1f", ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0))
                .append(" 秒");
        String launchedAt = System.getProperty("approval.launched-at");
        if (launchedAt != null) {
            // infra/run.sh passes when it began: the cold start includes the build, Keycloak and PostgreSQL
            b.append("；从运行 infra/run.sh 起共 ")
                    .append(System.currentTimeMillis() / 1000 - Long.parseLong(launchedAt))
                    .append(" 秒");
        }
        b.append("）====\n");
        b.append("  审查人待办 Tasklist : ").append(base).append("/operaton/app/tasklist/default/\n");
        b.append("  流程监控 Cockpit    : ").append(base).append("/operaton/app/cockpit/default/\n");
        b.append("  用户管理 Admin      : ").append(base).append("/operaton/app/admin/default/\n");
        b.append("  门户 API            : ").append(base).append("/api/announcements（准入通告）、/api/applications（准入申请）\n");
        b.append("  引擎 REST API       : ").append(base).append("/engine-rest（须携带 Keycloak 令牌）\n");
        b.append("  Keycloak            : ").append(keycloak).append("/realms/approval（门户与 API 的登录）\n");
        if (demo) {
            b.append("  演示账号（密码均为 ").append(DemoAccounts.PASSWORD).append("）：\n");
            b.append(DemoAccounts.ALL.stream()
                            .map(a -> "    " + a.id() + " — " + a.groupName())
                            .collect(Collectors.joining("\n")))
                    .append('\n');
            b.append(DemoAccounts.OPERATORS.stream()
                            .map(a -> "    " + a.id() + " — " + a.name() + "（门户/API）")
                            .collect(Collectors.joining("\n")))
                    .append('\n');
        }
        String outbox = environment.getProperty("approval.embedded.outbox");
        if (outbox != null) {
            b.append("  发出的邮件          : ").append(outbox).append('\n');
        }
        String postgres = environment.getProperty("approval.embedded.postgres-url");
        if (postgres != null) {
            b.append("  PostgreSQL          : ").append(postgres).append('\n');
        }
        b.append("  按 Ctrl+C 停止；数据保存在 .run-data/，再次启动时保留。\n");
        log.info(b.toString());
    }
}
