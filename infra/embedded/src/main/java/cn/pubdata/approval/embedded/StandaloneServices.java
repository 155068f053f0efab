package cn.pubdata.approval.embedded;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * The embedded PostgreSQL and outbox as a process of their own, for a local cluster ({@code infra/cluster.sh}): every
 * engine node and worker process connects to this one PostgreSQL and sends its mail to this one SMTP server. Durable
 * commits, a kept data directory cleared of what a crashed run left ({@link StalePostmaster}), stopped with SIGTERM.
 *
 * <p>Arguments: data directory, PostgreSQL port, SMTP port, IMAP port.
 */
public final class StandaloneServices {

    private StandaloneServices() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : ".run-data/cluster/postgres")
                .toAbsolutePath();
        int pgPort = args.length > 1 ? Integer.parseInt(args[1]) : 5433;
        int smtpPort = args.length > 2 ? Integer.parseInt(args[2]) : 3025;
        int imapPort = args.length > 3 ? Integer.parseInt(args[3]) : 3143;
        Files.createDirectories(dir);
        StalePostmaster.clear(dir);
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .setPort(pgPort)
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofMinutes(5))
                .setServerConfig("timezone", "UTC")
                .setServerConfig("max_connections", "200")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on")
                .start();
        GreenMail mail = new GreenMail(new ServerSetup[] {
                    new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                    new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)
                })
                .withConfiguration(GreenMailConfiguration.aConfig().withUser("outbox", "outbox"));
        mail.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            mail.stop();
            try {
                pg.close();
            } catch (Exception e) {
                System.err.println("PostgreSQL stop: " + e.getMessage());
            }
            stopped.countDown();
        }));
        System.out.println(
                "PostgreSQL jdbc:postgresql://localhost:" + pg.getPort() + "/postgres（用户 postgres）数据目录 " + dir);
        System.out.println("SMTP localhost:" + smtpPort + "，IMAP localhost:" + imapPort + "（用户名和密码均为收件邮箱地址）");
        System.out.println("READY");
        stopped.await();
    }
}
