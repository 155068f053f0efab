package cn.pubdata.approval.embedded;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param embedded start a real PostgreSQL inside this JVM (the local default and the tests) instead of using
 *                 {@code spring.datasource.*}
 * @param dataDir where that PostgreSQL keeps its files; empty means a fresh temporary directory
 * @param port its port; 0 picks a free one
 * @param durable whether a commit is acknowledged only once it is on disk ({@code synchronous_commit=on}, {@code
 *                fsync=on}); true unless set otherwise. zonky's own defaults (both off) are fast and fit the tests, but
 *                a crash of PostgreSQL or of the machine may then lose the last acknowledged decisions
 */
@ConfigurationProperties("approval.database")
public record EmbeddedDatabaseProperties(
        boolean embedded,
        String dataDir,
        int port,
        @DefaultValue("true") boolean durable) {}
