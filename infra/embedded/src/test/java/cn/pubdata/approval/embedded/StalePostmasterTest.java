package cn.pubdata.approval.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.pubdata.approval.embedded.StalePostmaster.Found;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a crashed run leaves in a kept data directory, on a real PostgreSQL: the postmaster of a JVM killed with SIGKILL
 * keeps running (zonky starts it through pg_ctl), and the next start must get past it without a hand, signalling only
 * PostgreSQL processes of that very directory.
 */
class StalePostmasterTest {

    @TempDir
    Path tmp;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopEverythingStarted() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void theOrphanOfAKilledJvmIsShutDownFastAndTheApplicationStartsOnTheDirectoryWithItsData() throws Exception {
        Path dir = tmp.resolve("postgres");
        Process holder = holdPostgres(dir, false);
        long postmaster = postmasterPid(dir);

        assertThatThrownBy(() -> StalePostmaster.clear(dir))
                .as("while the JVM that started it lives, its PostgreSQL is no orphan")
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("正被另一个运行中的审批系统使用");
        assertThat(alive(postmaster)).isTrue();

        holder.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertThat(alive(postmaster))
                .as("kill -9 of the JVM leaves its postmaster running: the reported bug")
                .isTrue();

        EmbeddedPostgres pg = new EmbeddedPostgresConfiguration()
                .embeddedPostgres(
                        new EmbeddedDatabaseProperties(true, dir.toString(), 0, true),
                        new org.springframework.core.env.StandardEnvironment());
        try (pg;
                Connection c = pg.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            assertThat(alive(postmaster)).as("the orphan was stopped").isFalse();
            assertThat(one(s, "select note from crash_probe")).isEqualTo("committed before the crash");
            assertThat(one(s, "show synchronous_commit")).isEqualTo("on");
            assertThat(one(s, "show fsync"))
                    .as("-c fsync=on wins over zonky's -F")
                    .isEqualTo("on");
        }
        assertThat(dir.resolve("postmaster.pid")).doesNotExist();
    }

    @Test
    void aPostmasterKilledWithSigkillLeavesNothingThatBlocksTheNextStartAndItsCommitsSurvive() throws Exception {
        Path dir = tmp.resolve("postgres");
        // with zonky's synchronous_commit=off the row committed just before the SIGKILL is usually lost (the issue)
        Process holder = holdPostgres(dir, true);
        ProcessHandle postmaster = ProcessHandle.of(postmasterPid(dir)).orElseThrow();
        List<ProcessHandle> children = postmaster.children().toList();
        assertThat(children)
                .as("checkpointer, walwriter, … and the holder's connection")
                .isNotEmpty();
        postmaster.destroyForcibly();
        holder.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

        EmbeddedPostgres pg = new EmbeddedPostgresConfiguration()
                .embeddedPostgres(
                        new EmbeddedDatabaseProperties(true, dir.toString(), 0, true),
                        new org.springframework.core.env.StandardEnvironment());
        try (pg;
                Connection c = pg.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            assertThat(one(s, "select note from crash_probe")).isEqualTo("committed before the crash");
        }
        assertThat(children).noneMatch(p -> alive(p.pid()));
    }

    @Test
    void aPidFileOfAProcessThatIsGoneIsRemovedWithTheSocketLockOfTheSamePid() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("postgres"));
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path sockets = Files.createDirectories(tmp.resolve("sockets"));
        pidFile(dir, gone.pid(), dir, sockets);
        Path socketLock = Files.writeString(sockets.resolve(".s.PGSQL.54329.lock"), gone.pid() + "\n" + dir + "\n");
        Path socket = Files.createFile(sockets.resolve(".s.PGSQL.54329"));

        assertThat(StalePostmaster.clear(dir)).isEqualTo(Found.STALE_PID_FILE);
        assertThat(dir.resolve("postmaster.pid")).doesNotExist();
        assertThat(socketLock).doesNotExist();
        assertThat(socket).doesNotExist();
        assertThat(StalePostmaster.clear(dir)).isEqualTo(Found.NOTHING);
    }

    @Test
    void aPidNowHeldByAnUnrelatedProcessIsNeverSignalledEvenAPostgresOfAnotherDirectory() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("postgres"));
        Path elsewhere = Files.createDirectories(tmp.resolve("another-cluster"));
        Process unrelated = fakePostgres(elsewhere, false);
        pidFile(dir, unrelated.pid(), dir, null);

        assertThat(StalePostmaster.clear(dir, Duration.ofSeconds(1))).isEqualTo(Found.STALE_PID_FILE);
        assertThat(unrelated.isAlive()).isTrue();
        assertThat(dir.resolve("postmaster.pid")).doesNotExist();

        Process sleep = start(new ProcessBuilder("sleep", "60"));
        pidFile(dir, sleep.pid(), dir, null);
        assertThat(StalePostmaster.clear(dir, Duration.ofSeconds(1))).isEqualTo(Found.STALE_PID_FILE);
        assertThat(sleep.isAlive()).isTrue();
    }

    @Test
    void anOrphanThatIgnoresTheFastShutdownIsEscalatedToSigkill() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("postgres"));
        Process stubborn = fakePostgres(dir, true);
        pidFile(dir, stubborn.pid(), dir, null);

        assertThat(StalePostmaster.clear(dir, Duration.ofSeconds(1))).isEqualTo(Found.ORPHAN_KILLED);
        assertThat(stubborn.waitFor(5, TimeUnit.SECONDS)).isTrue();
        assertThat(dir.resolve("postmaster.pid")).doesNotExist();
    }

    /** A JVM running zonky's PostgreSQL on the directory, as the application does; answers once it has committed. */
    private Process holdPostgres(Path dir, boolean durable) throws Exception {
        Process holder = start(new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        PostgresHolder.class.getName(),
                        dir.toString(),
                        durable ? "durable" : "fast")
                .redirectErrorStream(true));
        BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String ready = CompletableFuture.supplyAsync(() -> {
                    try {
                        for (String line; (line = out.readLine()) != null; ) {
                            seen.append(line).append('\n');
                            if (line.startsWith("READY")) {
                                return line;
                            }
                        }
                        return null;
                    } catch (IOException e) {
                        return null;
                    }
                })
                .get(90, TimeUnit.SECONDS);
        assertThat(ready).as("the holder JVM's output:\n%s", seen).isNotNull();
        // keep draining, so that the holder never blocks on a full pipe
        CompletableFuture.runAsync(() -> {
            try {
                out.transferTo(java.io.Writer.nullWriter());
            } catch (IOException ignored) {
                // killed
            }
        });
        return holder;
    }

    /**
     * A process that passes for a PostgreSQL server of {@code dir}: a copy of sleep named postgres, running in that
     * directory, optionally ignoring SIGINT and SIGQUIT (ignored signals stay ignored across exec).
     */
    private Process fakePostgres(Path dir, boolean stubborn) throws IOException {
        Path bin = Files.createDirectories(tmp.resolve("bin-" + started.size()));
        Path postgres = Files.copy(Path.of("/bin/sleep"), bin.resolve("postgres"));
        postgres.toFile().setExecutable(true);
        String trap = stubborn ? "trap '' INT QUIT; " : "";
        return start(
                new ProcessBuilder("sh", "-c", trap + "exec \"$0\" 120", postgres.toString()).directory(dir.toFile()));
    }

    private Process start(ProcessBuilder builder) throws IOException {
        Process p = builder.start();
        started.add(p);
        return p;
    }

    /** postmaster.pid as PostgreSQL writes it: pid, data directory, start time, port, socket directory, … */
    private static void pidFile(Path dir, long pid, Path recorded, Path sockets) throws IOException {
        Files.writeString(
                dir.resolve("postmaster.pid"),
                String.join(
                                "\n",
                                Long.toString(pid),
                                recorded.toString(),
                                Long.toString(System.currentTimeMillis() / 1000),
                                "54329",
                                sockets == null ? "" : sockets.toString(),
                                "localhost",
                                "  5432001         0",
                                "ready   ")
                        + "\n");
    }

    private static long postmasterPid(Path dir) throws IOException {
        return Long.parseLong(
                Files.readAllLines(dir.resolve("postmaster.pid")).get(0).trim());
    }

    /** Running: an exited orphan stays a zombie until init reaps it, and ProcessHandle still calls that alive. */
    private static boolean alive(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException e) {
            return false;
        }
    }

    private static String one(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
