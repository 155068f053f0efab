package cn.pubdata.approval.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a kept data directory startable again after a crash, with no hand. zonky starts PostgreSQL through
 * {@code pg_ctl}, so the postmaster outlives a JVM killed with {@code kill -9} (or by the OOM killer), and the next start
 * fails with {@code lock file "postmaster.pid" already exists}. Before PostgreSQL starts on the directory this finds:
 *
 * <ul>
 *   <li>an <b>orphaned postmaster</b>, still running on this directory while no JVM holds zonky's {@code epg-lock}: it
 *       is stopped with SIGINT (PostgreSQL's fast shutdown: open transactions roll back, a checkpoint is written),
 *       escalating to SIGQUIT and then SIGKILL only when it does not exit in time;
 *   <li>a <b>stale {@code postmaster.pid}</b> whose process is gone, or whose pid now belongs to a process that is not a
 *       PostgreSQL on this directory: the file is removed (PostgreSQL then recovers from its WAL as after any crash).
 * </ul>
 *
 * <p>Nothing is signalled unless it is proven to be a PostgreSQL server process of this very directory: its executable is
 * {@code postgres} and its {@code -D} argument or its working directory (every server process runs in its data
 * directory) is this directory. A process that cannot be inspected is left alone.
 */
public final class StalePostmaster {

    /** What the directory held before PostgreSQL started on it. */
    public enum Found {
        /** no {@code postmaster.pid}: the last run ended cleanly */
        NOTHING,
        /** a {@code postmaster.pid} of a process that is gone or unrelated; removed */
        STALE_PID_FILE,
        /** a running orphan, stopped by a fast shutdown */
        ORPHAN_STOPPED,
        /** a running orphan that ignored the fast shutdown and had to be killed (crash recovery follows) */
        ORPHAN_KILLED,
        /** a process that could not be inspected holds the pid; left to PostgreSQL's own check */
        UNVERIFIED
    }

    private static final Logger log = LoggerFactory.getLogger(StalePostmaster.class);
    private static final Duration FAST_SHUTDOWN = Duration.ofSeconds(30);
    private static final Duration ESCALATION = Duration.ofSeconds(10);
    private static final Path PROC = Path.of("/proc");

    private StalePostmaster() {}

    /** Clears the data directory for a start, waiting up to 30 s for an orphan's fast shutdown. */
    public static Found clear(Path dataDirectory) {
        return clear(dataDirectory, FAST_SHUTDOWN);
    }

    /**
     * @param patience how long an orphan is given to finish its fast shutdown before it is shut down immediately
     * @throws IllegalStateException when a running JVM still owns the directory, or an orphan survives even SIGKILL
     */
    public static Found clear(Path dataDirectory, Duration patience) {
        Path dir = dataDirectory.toAbsolutePath().normalize();
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Found.NOTHING;
        }
        requireNoLiveOwner(dir);
        List<String> lines = readLines(pidFile);
        if (lines == null) {
            return Found.NOTHING;
        }
        long pid = parsePid(lines);
        String recorded = lines.size() > 1 ? lines.get(1).trim() : "";
        Optional<ProcessHandle> process =
                pid > 0 ? ProcessHandle.of(pid).filter(StalePostmaster::alive) : Optional.empty();
        if (process.isPresent()) {
            switch (ownership(process.get(), dir)) {
                case OURS -> {
                    Found found = stopOrphan(process.get(), dir, patience);
                    stopLeftovers(dir);
                    removeIfStale(pidFile, pid, lines, dir);
                    return found;
                }
                case UNKNOWN -> {
                    log.warn(
                            "postmaster.pid 记录的 PID {} 仍在运行，但无法读取它的进程信息、确认不了它是否是本数据目录（{}）的 PostgreSQL："
                                    + "不向它发送任何信号，交由 PostgreSQL 自行检查",
                            pid,
                            dir);
                    return Found.UNVERIFIED;
                }
                case NOT_OURS ->
                    log.warn(
                            "postmaster.pid 记录的 PID {} 现属于一个无关的进程（{}），不是本数据目录上的 PostgreSQL：不向它发送任何信号，只清除过期的锁文件",
                            pid,
                            describe(process.get()));
            }
        } else if (pid > 0) {
            log.warn(
                    "数据目录 {} 中有上次运行留下的 postmaster.pid（PID {}{}），该进程已不存在：上次运行未正常关闭（进程被强制结束或机器掉电）",
                    dir,
                    pid,
                    recorded.isEmpty() || sameFile(Path.of(recorded), dir) ? "" : "，记录的数据目录为 " + recorded);
        } else {
            log.warn("数据目录 {} 中的 postmaster.pid 内容不完整（上次启动或关闭时被中断）", dir);
        }
        stopLeftovers(dir);
        removeIfStale(pidFile, pid, lines, dir);
        return Found.STALE_PID_FILE;
    }

    // -- the orphan -------------------------------------------------------------------------------------------------

    private static Found stopOrphan(ProcessHandle postmaster, Path dir, Duration patience) {
        long pid = postmaster.pid();
        long started = System.nanoTime();
        log.warn(
                "发现上次运行遗留的 PostgreSQL（PID {}，数据目录 {}）仍在运行，启动它的应用进程已不在（被 kill -9 或异常终止）。"
                        + "正在快速关闭它（SIGINT：回滚未提交的事务并写检查点），最多等待 {} 秒…",
                pid,
                dir,
                patience.toSeconds());
        signal(postmaster, "INT");
        if (awaitExit(postmaster, patience)) {
            log.info("遗留的 PostgreSQL（PID {}）已正常关闭，用时 {} ms；现在正常启动", pid, millisSince(started));
            return Found.ORPHAN_STOPPED;
        }
        log.warn("遗留的 PostgreSQL（PID {}）在 {} 秒内未退出，改为立即关闭（SIGQUIT，下次启动时从 WAL 做崩溃恢复）", pid, patience.toSeconds());
        Duration escalation = patience.compareTo(ESCALATION) < 0 ? patience : ESCALATION;
        signal(postmaster, "QUIT");
        if (!awaitExit(postmaster, escalation)) {
            log.warn("遗留的 PostgreSQL（PID {}）仍未退出，强制结束（SIGKILL）", pid);
            postmaster.destroyForcibly();
            if (!awaitExit(postmaster, ESCALATION)) {
                throw new IllegalStateException(
                        "遗留的 PostgreSQL（PID " + pid + "，数据目录 " + dir + "）连 SIGKILL 都无法结束（可能处于不可中断的 I/O 等待）：请检查磁盘后再启动");
            }
        }
        log.warn("遗留的 PostgreSQL（PID {}）已强制结束，用时 {} ms；启动时将从 WAL 做崩溃恢复", pid, millisSince(started));
        return Found.ORPHAN_KILLED;
    }

    /**
     * Server processes of this directory whose postmaster is gone (a postmaster killed with SIGKILL leaves its backends
     * running until they notice). They hold the old shared memory, and PostgreSQL refuses to start while they do.
     */
    private static void stopLeftovers(Path dir) {
        List<ProcessHandle> left = serverProcesses(dir);
        if (left.isEmpty()) {
            return;
        }
        log.warn(
                "PostgreSQL 主进程已不在，但还有 {} 个它的子进程在数据目录 {} 上运行（PID {}）：等待它们退出",
                left.size(),
                dir,
                left.stream().map(ProcessHandle::pid).toList());
        if (awaitAllExit(left, ESCALATION)) {
            return;
        }
        left.stream().filter(StalePostmaster::alive).forEach(p -> signal(p, "QUIT"));
        if (awaitAllExit(left, ESCALATION)) {
            return;
        }
        left.stream().filter(StalePostmaster::alive).forEach(ProcessHandle::destroyForcibly);
        if (!awaitAllExit(left, ESCALATION)) {
            throw new IllegalStateException("数据目录 " + dir + " 上遗留的 PostgreSQL 子进程无法结束："
                    + serverProcesses(dir).stream().map(ProcessHandle::pid).toList());
        }
    }

    /** Removes the pid file (and the socket's lock file of the same pid) once no server process runs on the directory. */
    private static void removeIfStale(Path pidFile, long pid, List<String> lines, Path dir) {
        if (!serverProcesses(dir).isEmpty()) {
            return;
        }
        try {
            List<String> now = readLines(pidFile);
            if (now != null && parsePid(now) == pid && Files.deleteIfExists(pidFile)) {
                log.info("已清除过期的 postmaster.pid（PID {}）", pid);
            }
            // <socket directory>/.s.PGSQL.<port>.lock names the same pid; PostgreSQL refuses it when the pid was reused
            if (lines.size() > 4 && !lines.get(3).isBlank() && !lines.get(4).isBlank()) {
                Path socketLock = Path.of(lines.get(4).trim())
                        .resolve(".s.PGSQL." + lines.get(3).trim() + ".lock");
                List<String> socket = readLines(socketLock);
                if (socket != null
                        && parsePid(socket) == pid
                        && ProcessHandle.of(pid)
                                .filter(StalePostmaster::alive)
                                .map(p -> !isPostgres(p))
                                .orElse(true)
                        && Files.deleteIfExists(socketLock)) {
                    Files.deleteIfExists(
                            socketLock.resolveSibling(".s.PGSQL." + lines.get(3).trim()));
                    log.info("已清除过期的套接字锁文件 {}", socketLock);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("无法清除过期的 postmaster.pid：" + pidFile, e);
        }
    }

    // -- who owns what ----------------------------------------------------------------------------------------------

    private enum Ownership {
        OURS,
        NOT_OURS,
        UNKNOWN
    }

    /**
     * zonky holds {@code epg-lock} in the data directory for as long as its JVM lives; a JVM killed with SIGKILL loses it.
     * A held lock means the postmaster is not an orphan: another running application uses the directory.
     */
    private static void requireNoLiveOwner(Path dir) {
        Path lockFile = dir.resolve("epg-lock");
        if (!Files.exists(lockFile)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new IllegalStateException("数据目录 " + dir
                        + " 正被另一个运行中的审批系统使用（它持有 epg-lock）：同一数据目录不能同时启动两个实例；请先停止另一个，或用 APPROVAL_DATA_DIR 指定另一个目录");
            }
            lock.release();
        } catch (NoSuchFileException e) {
            // released and removed meanwhile
        } catch (IOException e) {
            throw new UncheckedIOException("无法检查数据目录的锁文件 " + lockFile, e);
        }
    }

    /** Provably not a PostgreSQL at all (another program, or an exited process)? */
    private static boolean isPostgres(ProcessHandle process) {
        try {
            String exe = Files.readSymbolicLink(PROC.resolve(process.pid() + "/exe"))
                    .getFileName()
                    .toString();
            return exe.equals("postgres") || exe.equals("postgres (deleted)");
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            return true; // cannot tell: treat it as one, so that its files are left alone
        }
    }

    /** A PostgreSQL server process (the postmaster or one of its children) of this data directory? */
    private static Ownership ownership(ProcessHandle process, Path dir) {
        Path proc = PROC.resolve(Long.toString(process.pid()));
        if (Files.isDirectory(PROC.resolve("self"))) {
            try {
                String exe = Files.readSymbolicLink(proc.resolve("exe"))
                        .getFileName()
                        .toString();
                if (!exe.equals("postgres") && !exe.equals("postgres (deleted)")) {
                    return Ownership.NOT_OURS;
                }
                boolean ours = sameFile(proc.resolve("cwd"), dir)
                        || dataDirectoryArgument(commandLine(proc))
                                .map(d -> sameFile(d, dir))
                                .orElse(false);
                return ours ? Ownership.OURS : Ownership.NOT_OURS;
            } catch (NoSuchFileException e) {
                return Ownership.NOT_OURS; // exited meanwhile
            } catch (IOException | SecurityException e) {
                return Ownership.UNKNOWN;
            }
        }
        // no /proc (macOS): what the JDK can tell
        ProcessHandle.Info info = process.info();
        if (info.command().isEmpty() || info.arguments().isEmpty()) {
            return Ownership.UNKNOWN;
        }
        boolean postgres =
                Path.of(info.command().get()).getFileName().toString().equals("postgres");
        boolean ours = dataDirectoryArgument(List.of(info.arguments().get()))
                .map(d -> sameFile(d, dir))
                .orElse(false);
        return postgres && ours ? Ownership.OURS : Ownership.NOT_OURS;
    }

    /** Every live PostgreSQL server process whose working directory is this data directory (Linux only). */
    private static List<ProcessHandle> serverProcesses(Path dir) {
        if (!Files.isDirectory(PROC.resolve("self"))) {
            return List.of();
        }
        List<ProcessHandle> found = new ArrayList<>();
        try (Stream<Path> entries = Files.list(PROC)) {
            entries.map(p -> p.getFileName().toString())
                    .filter(name -> name.chars().allMatch(Character::isDigit))
                    .map(Long::parseLong)
                    .filter(pid -> pid != ProcessHandle.current().pid())
                    .map(ProcessHandle::of)
                    .flatMap(Optional::stream)
                    .filter(StalePostmaster::alive)
                    .filter(p -> ownership(p, dir) == Ownership.OURS)
                    .forEach(found::add);
        } catch (IOException e) {
            log.warn("无法列出 /proc 中的进程：{}", e.getMessage());
        }
        return found;
    }

    private static List<String> commandLine(Path proc) throws IOException {
        String raw = new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8);
        List<String> args = new ArrayList<>(List.of(raw.split("\0")));
        if (!args.isEmpty()) {
            args.remove(0);
        }
        return args;
    }

    private static Optional<Path> dataDirectoryArgument(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-D") && i + 1 < args.size()) {
                return Optional.of(Path.of(args.get(i + 1)));
            }
            if (a.startsWith("-D") && a.length() > 2) {
                return Optional.of(Path.of(a.substring(2)));
            }
        }
        return Optional.empty();
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    private static String describe(ProcessHandle process) {
        ProcessHandle.Info info = process.info();
        return info.commandLine().or(info::command).orElse("命令行不可读");
    }

    // -- processes --------------------------------------------------------------------------------------------------

    /** Alive and not a zombie waiting to be reaped (an exited orphan stays one until init reaps it). */
    private static boolean alive(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(PROC.resolve(process.pid() + "/stat"));
            int end = stat.lastIndexOf(')');
            return end < 0 || end + 2 >= stat.length() || stat.charAt(end + 2) != 'Z';
        } catch (IOException | SecurityException e) {
            return process.isAlive();
        }
    }

    /**
     * The JDK sends only SIGTERM and SIGKILL; PostgreSQL's fast (SIGINT) and immediate (SIGQUIT) shutdowns go through
     * the shell's kill. Right before, the handle is checked to be alive: the JDK compares the process's start time with
     * the one it saw when the handle was made, so a pid taken over by another process meanwhile is not signalled.
     */
    private static void signal(ProcessHandle process, String signal) {
        if (!alive(process)) {
            return;
        }
        try {
            Process kill = new ProcessBuilder("sh", "-c", "kill -s \"$0\" \"$1\"", signal, Long.toString(process.pid()))
                    .redirectErrorStream(true)
                    .start();
            String output = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0) {
                return;
            }
            log.warn("向 PID {} 发送 SIG{} 失败：{}", process.pid(), signal, output);
        } catch (IOException e) {
            log.warn("无法执行 kill 向 PID {} 发送 SIG{}：{}", process.pid(), signal, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (signal.equals("INT")) {
            process.destroy(); // SIGTERM: PostgreSQL's smart shutdown, still clean
        }
    }

    private static boolean awaitExit(ProcessHandle process, Duration timeout) {
        return awaitAllExit(List.of(process), timeout);
    }

    private static boolean awaitAllExit(List<ProcessHandle> processes, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (processes.stream().anyMatch(StalePostmaster::alive)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    // -- files ------------------------------------------------------------------------------------------------------

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取 " + file, e);
        }
    }

    /** The first line; PostgreSQL writes a negative pid for a single-user backend. 0 when unreadable. */
    private static long parsePid(List<String> lines) {
        try {
            return lines.isEmpty() ? 0 : Math.abs(Long.parseLong(lines.get(0).trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
