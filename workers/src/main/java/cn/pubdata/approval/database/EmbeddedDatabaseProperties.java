package cn.pubdata.approval.database;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param embedded start a real PostgreSQL inside this JVM (the local default and the tests) instead of using
 *                 {@code spring.datasource.*}
 * @param dataDir where that PostgreSQL keeps its files; empty means a fresh temporary directory
 * @param port its port; 0 picks a free one
 */
@ConfigurationProperties("approval.database")
public record EmbeddedDatabaseProperties(boolean embedded, String dataDir, int port) {}
