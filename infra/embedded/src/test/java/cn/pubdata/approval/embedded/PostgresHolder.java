package cn.pubdata.approval.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

/**
 * A JVM that starts PostgreSQL with zonky on a kept data directory, as the application does, commits a row and then
 * waits to be killed: {@link StalePostmasterTest} kills it with SIGKILL, which leaves the postmaster behind. With a second
 * argument {@code durable} the server runs with the application's durable settings, else with zonky's defaults.
 */
public final class PostgresHolder {

    private PostgresHolder() {}

    public static void main(String[] args) throws Exception {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(Path.of(args[0]))
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false);
        if (args.length > 1 && args[1].equals("durable")) {
            builder.setServerConfig("synchronous_commit", "on").setServerConfig("fsync", "on");
        }
        EmbeddedPostgres pg = builder.start();
        try (Connection c = pg.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("create table if not exists crash_probe (id serial primary key, note text)");
            s.execute("insert into crash_probe (note) values ('committed before the crash')");
        }
        System.out.println("READY " + pg.getPort());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
