package hotline.store;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL server of the project's own, run from the binaries of {@code io.zonky.test.postgres} that the build
 * put on the class path (or from a PostgreSQL installed on the machine: {@link #startInstalled}), with its data in
 * {@code <dataDir>/postgres}.
 *
 * <p>The first start unpacks the binaries and runs {@code initdb} (UTF-8, password authentication with a generated
 * password kept in {@code <dataDir>/postgres/password}); later starts reuse the data. A file lock keeps a second
 * server away from the same directory, and a server left running by a killed JVM, or a stale {@code postmaster.pid},
 * is cleared before starting. PostgreSQL refuses to run as root, so as root every command runs as {@code nobody}
 * through {@code runuser}, and the data directory belongs to that user. Blocking: call from a worker or from main.
 */
public final class EmbeddedPostgres implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);
    private static final String SUPERUSER = "hotline";
    private static final String DATABASE = "hotline";
    private static final String UNPRIVILEGED_USER = "nobody";

    private final Path home;
    private final Path binaries;
    /** Whether {@link #binaries} is a PostgreSQL installed on this machine rather than the one unpacked from the jar. */
    private final boolean installed;
    private final Path data;
    private final boolean root;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private DbEndpoint endpoint;
    private volatile ProcessHandle postmaster;

    private EmbeddedPostgres(Path home, Path installation, FileChannel lockChannel, FileLock lock) {
        this.home = home;
        this.installed = installation != null;
        this.binaries = installed ? installation : home.resolve("binaries");
        this.data = home.resolve("data");
        this.root = "root".equals(System.getProperty("user.name"));
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Starts (initialising on first use) the database kept under {@code dataDir}. */
    public static EmbeddedPostgres start(Path dataDir) {
        return start(null, dataDir);
    }

    /**
     * The same with the PostgreSQL installed at {@code installation} (the folder whose {@code bin/} holds
     * {@code initdb} and {@code pg_ctl}, e.g. Debian's {@code /usr/lib/postgresql/15}) instead of the binaries in the
     * jar: the tests of several instances run on the distribution's server, as an operator would.
     */
    public static EmbeddedPostgres startInstalled(Path installation, Path dataDir) {
        return start(installation.toAbsolutePath().normalize(), dataDir);
    }

    private static EmbeddedPostgres start(Path installation, Path dataDir) {
        Path home = dataDir.toAbsolutePath().normalize().resolve("postgres");
        try {
            Files.createDirectories(home);
            FileChannel channel = FileChannel.open(home.resolve("hotline.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (java.nio.channels.OverlappingFileLockException heldInThisJvm) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new IllegalStateException(home + " is in use by another Hotline server");
            }
            EmbeddedPostgres postgres = new EmbeddedPostgres(home, installation, channel, lock);
            postgres.startServer();
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the embedded PostgreSQL in " + home, e);
        }
    }

    public DbEndpoint endpoint() {
        return endpoint;
    }

    private void startServer() throws IOException {
        if (!installed) {
            unpackBinaries();
        }
        String password = initialiseOnce();
        clearLeftovers();
        int port = freePort();
        launch(port, 120);
        endpoint = new DbEndpoint("127.0.0.1", port, DATABASE, SUPERUSER, password);
        createDatabase();
        log.info("Embedded PostgreSQL started on 127.0.0.1:{} with data in {}", port, data);
    }

    private void launch(int port, int timeoutSeconds) {
        Path logFile = home.resolve("postgres.log");
        run(List.of(binary("pg_ctl"), "start", "-w", "-t", Integer.toString(timeoutSeconds), "-D", data.toString(),
                "-l", logFile.toString(), "-o", "-p " + port), timeoutSeconds + 30);
        postmaster = readPostmaster();
    }

    /** True while the server process this object started (or restarted) lives. */
    public boolean isRunning() {
        ProcessHandle process = postmaster;
        return process != null && process.isAlive() && !zombie(process.pid());
    }

    /** A dead process not yet reaped (a container's init may never reap it) still counts as alive to Java. */
    private static boolean zombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException | RuntimeException notLinux) {
            return false;
        }
    }

    /** The process id of the server, as {@code postmaster.pid} names it (empty when it is not running). */
    public OptionalLong pid() {
        ProcessHandle process = postmaster;
        return process == null ? OptionalLong.empty() : OptionalLong.of(process.pid());
    }

    /**
     * Starts the server again after it died, on the same port (the connection pool keeps its address) and the same
     * data: PostgreSQL recovers from its write-ahead log, so every committed transaction is back. Fails while the
     * dead server's processes still hold its shared memory; the caller retries. Blocking.
     */
    public synchronized void restart() {
        try {
            clearLeftovers();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the stale pid file in " + data, e);
        }
        launch(endpoint.port(), 60);
    }

    private ProcessHandle readPostmaster() {
        try {
            String pid = Files.readAllLines(data.resolve("postmaster.pid")).stream().findFirst().orElse("").trim();
            return ProcessHandle.of(Long.parseLong(pid)).orElse(null);
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("the embedded PostgreSQL started but left no readable postmaster.pid", e);
        }
    }

    /** Stops the server (fast shutdown: open transactions roll back, committed data is on disk). */
    @Override
    public synchronized void close() {
        try {
            if (Files.exists(data.resolve("postmaster.pid"))) {
                run(List.of(binary("pg_ctl"), "stop", "-w", "-m", "fast", "-D", data.toString()), 60);
                log.info("Embedded PostgreSQL stopped");
            }
        } catch (RuntimeException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
        } finally {
            try {
                lock.release();
                lockChannel.close();
            } catch (IOException ignored) {
                // the lock goes with the process anyway
            }
        }
    }

    private void unpackBinaries() throws IOException {
        String resource = archiveName();
        Path marker = binaries.resolve(".unpacked");
        if (Files.exists(marker) && Files.readString(marker).equals(resource)) {
            return;
        }
        try (InputStream raw = EmbeddedPostgres.class.getResourceAsStream("/" + resource)) {
            if (raw == null) {
                throw new IllegalStateException("no PostgreSQL binaries for this platform (" + resource
                        + "); set HOTLINE_DB_URL to use an external PostgreSQL");
            }
            deleteTree(binaries);
            Files.createDirectories(binaries);
            try (TarArchiveInputStream tar = new TarArchiveInputStream(
                    new XZCompressorInputStream(new BufferedInputStream(raw)))) {
                TarArchiveEntry entry;
                while ((entry = tar.getNextEntry()) != null) {
                    Path target = binaries.resolve(entry.getName()).normalize();
                    if (!target.startsWith(binaries)) {
                        throw new IOException("archive entry outside the target: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(target);
                    } else if (entry.isSymbolicLink()) {
                        Files.createDirectories(target.getParent());
                        Files.deleteIfExists(target);
                        Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
                    } else {
                        Files.createDirectories(target.getParent());
                        Files.copy(tar, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                        if ((entry.getMode() & 0100) != 0) {
                            target.toFile().setExecutable(true, false);
                        }
                    }
                }
            }
        }
        Files.writeString(marker, resource);
        log.info("Unpacked PostgreSQL binaries into {}", binaries);
    }

    /** Runs initdb the first time; answers the superuser password either way. */
    private String initialiseOnce() throws IOException {
        Path passwordFile = home.resolve("password");
        if (Files.exists(data.resolve("PG_VERSION")) && Files.exists(passwordFile)) {
            return Files.readString(passwordFile).trim();
        }
        deleteTree(data);
        Files.createDirectories(data);
        String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(18));
        Files.writeString(passwordFile, password);
        restrictToOwner(passwordFile);
        Path pwfile = home.resolve("initdb.pw");
        Files.writeString(pwfile, password);
        handToUnprivilegedUser(data, pwfile, home.resolve("postgres.log"));
        try {
            run(List.of(binary("initdb"), "-D", data.toString(), "-U", SUPERUSER, "--pwfile=" + pwfile,
                    "--auth=scram-sha-256", "-E", "UTF8", "--locale=C", "--no-instructions"), 180);
        } finally {
            Files.deleteIfExists(pwfile);
        }
        Files.writeString(data.resolve("postgresql.conf"), String.join("\n",
                "",
                "# Hotline: loopback only, no Unix socket, sized for a small machine.",
                "listen_addresses = '127.0.0.1'",
                "unix_socket_directories = ''",
                "max_connections = 200",
                "shared_buffers = 256MB",
                "max_wal_size = 2GB",
                "synchronous_commit = on",
                "fsync = on",
                ""), StandardOpenOption.APPEND);
        return password;
    }

    /** A server left by a killed JVM is stopped; a pid file whose process is gone is removed. */
    private void clearLeftovers() throws IOException {
        Path pidFile = data.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        String pid = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
        Path cmdline = Path.of("/proc", pid, "cmdline");
        boolean alive = !pid.isEmpty() && Files.exists(cmdline)
                && new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8).contains("postgres");
        if (alive) {
            log.warn("Stopping a PostgreSQL (pid {}) left running on {} by an earlier server", pid, data);
            run(List.of(binary("pg_ctl"), "stop", "-w", "-m", "fast", "-D", data.toString()), 60);
        } else {
            log.warn("Removing stale {} (process {} is gone)", pidFile, pid);
            Files.deleteIfExists(pidFile);
        }
    }

    private void createDatabase() {
        DbEndpoint admin = endpoint.withDatabase("postgres");
        try (var connection = DriverManager.getConnection(admin.jdbcUrl(), admin.user(), admin.password());
             var statement = connection.createStatement()) {
            var exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'");
            if (!exists.next()) {
                statement.execute("CREATE DATABASE " + DATABASE);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the hotline database: " + e.getMessage(), e);
        }
    }

    private void handToUnprivilegedUser(Path... paths) throws IOException {
        if (!root) {
            return;
        }
        for (Path path : paths) {
            if (!Files.exists(path)) {
                Files.createFile(path);
            }
            run(List.of("chown", "-R", UNPRIVILEGED_USER, path.toString()), 60, false);
        }
        try {
            run(List.of("test", "-w", data.toString()), 30);
        } catch (IllegalStateException e) {
            throw new IllegalStateException("the user '" + UNPRIVILEGED_USER + "' that runs the embedded PostgreSQL "
                    + "cannot reach " + data + "; choose a HOTLINE_DATA_DIR whose parent folders others may enter");
        }
    }

    private String binary(String name) {
        boolean windows = System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("win");
        return binaries.resolve("bin").resolve(windows ? name + ".exe" : name).toString();
    }

    private void run(List<String> command, int timeoutSeconds) {
        run(command, timeoutSeconds, root);
    }

    private void run(List<String> command, int timeoutSeconds, boolean asUnprivileged) {
        List<String> full = new ArrayList<>();
        if (asUnprivileged) {
            full.addAll(List.of("runuser", "-u", UNPRIVILEGED_USER, "--"));
        }
        full.addAll(command);
        Path output = home.resolve("command.out");
        try {
            // Output goes to a file: a server started by pg_ctl must not hold a pipe of ours open.
            Process process = new ProcessBuilder(full).directory(home.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command.getFirst() + " did not finish in " + timeoutSeconds + " s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(Path.of(command.getFirst()).getFileName() + " failed (exit "
                        + process.exitValue() + "): " + Files.readString(output).strip()
                        + tail(home.resolve("postgres.log")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.getFirst(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.getFirst(), e);
        }
    }

    private static String tail(Path logFile) {
        try {
            if (!Files.exists(logFile)) {
                return "";
            }
            List<String> lines = Files.readAllLines(logFile);
            return "\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 10), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    private static String archiveName() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String osPart = os.contains("mac") ? "darwin" : os.contains("win") ? "windows" : "linux";
        String archPart = switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "arm_64";
            default -> arch;
        };
        return "postgres-" + osPart + "-" + archPart + ".txz";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system (Windows): the folder's own permissions apply
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
