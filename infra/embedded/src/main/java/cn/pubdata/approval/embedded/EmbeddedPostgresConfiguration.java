package cn.pubdata.approval.embedded;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * A real PostgreSQL started in-process for the local run and the tests. The DataSource owns its lifecycle: zonky's own
 * shutdown hook would stop PostgreSQL while the engine is still closing. On a kept data directory, what
 * a crashed run left behind (an orphaned postmaster, a stale postmaster.pid) is cleared first ({@link StalePostmaster}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
@ConditionalOnProperty(name = "approval.database.embedded", havingValue = "true")
public class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties, ConfigurableEnvironment environment)
            throws IOException {
        boolean keep = properties.dataDir() != null && !properties.dataDir().isBlank();
        Path dir = keep ? Path.of(properties.dataDir()).toAbsolutePath() : Files.createTempDirectory("approval-pg");
        Files.createDirectories(dir);
        if (keep) {
            StalePostmaster.clear(dir);
        }
        long started = System.nanoTime();
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(!keep)
                .setPort(properties.port())
                .setRegisterShutdownHook(false)
                // crash recovery replays the WAL before the server accepts connections; zonky's default is 10 s
                .setPGStartupWait(Duration.ofMinutes(5))
                .setServerConfig("timezone", "UTC");
        if (properties.durable()) {
            // zonky starts PostgreSQL with -F (fsync off) and synchronous_commit=off; -c options come after -F and win
            builder.setServerConfig("synchronous_commit", "on").setServerConfig("fsync", "on");
        }
        EmbeddedPostgres pg = builder.start();
        log.info(
                "PostgreSQL started on port {} in {} ms, data in {}; {}",
                pg.getPort(),
                (System.nanoTime() - started) / 1_000_000,
                dir,
                properties.durable()
                        ? "持久提交（synchronous_commit=on, fsync=on）：已确认的提交在崩溃后不会丢失"
                        : "快速提交（synchronous_commit=off, fsync=off）：仅供测试，崩溃时可能丢失最后的提交");
        EmbeddedServers.publish(
                environment, "postgres-url", "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres（用户 postgres）");
        return pg;
    }

    @Bean(destroyMethod = "close")
    @Primary
    DataSource dataSource(EmbeddedPostgres pg) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
        config.setMaximumPoolSize(20);
        config.setPoolName("approval");
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new UncheckedIOException(new IOException("cannot connect to the embedded PostgreSQL", e));
        }
    }
}
