package hotline.testing;

import hotline.store.DbEndpoint;
import hotline.store.EmbeddedPostgres;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A PostgreSQL outside the servers under test, as production has one: the server named by {@code HOTLINE_DB_URL} in
 * the tests' environment, or else Debian's PostgreSQL ({@code /usr/lib/postgresql/<version>}) started here in a
 * temporary data directory on a free 127.0.0.1 port (as {@code nobody} when the tests run as root) and stopped by its
 * process id when the JVM ends. {@link #fresh()} hands each test class a database of its own, prepared as the README
 * asks a DBA to: owned by an ordinary role (no superuser), with {@code pg_trgm} created in it. Tests that need one
 * call {@link #require()}, which skips them with the reason when neither is available.
 */
public final class ExternalPostgres {

    /** Where Debian installs each major version of PostgreSQL. */
    private static final Path DEBIAN_INSTALLATIONS = Path.of("/usr/lib/postgresql");
    /** The role the servers log in as: what a DBA creates for Hotline, no superuser. */
    private static final String APPLICATION_ROLE = "hotline_app";
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static ExternalPostgres shared;
    private static String unavailable;

    /** The superuser of the server this fixture started; for {@code HOTLINE_DB_URL}, that URL's user. */
    private final DbEndpoint admin;
    /** The server started here, empty for {@code HOTLINE_DB_URL}'s. */
    private final EmbeddedPostgres started;
    private final Path dataDir;
    private final String applicationPassword = HexFormat.of().formatHex(new SecureRandom().generateSeed(12));

    private ExternalPostgres(DbEndpoint admin, EmbeddedPostgres started, Path dataDir) {
        this.admin = admin;
        this.started = started;
        this.dataDir = dataDir;
    }

    /** The external PostgreSQL of this test JVM, started on first use; skips the calling test when there is none. */
    public static synchronized ExternalPostgres require() {
        if (shared == null && unavailable == null) {
            try {
                shared = open();
            } catch (RuntimeException | IOException e) {
                unavailable = "no external PostgreSQL: " + e.getMessage();
            }
        }
        Assumptions.assumeTrue(shared != null, () -> unavailable);
        return shared;
    }

    private static ExternalPostgres open() throws IOException {
        String url = System.getenv("HOTLINE_DB_URL");
        if (url != null && !url.isBlank()) {
            return new ExternalPostgres(DbEndpoint.fromUrl(url), null, null);
        }
        Path installation = debianInstallation().orElseThrow(() -> new IllegalStateException("HOTLINE_DB_URL is not "
                + "set and no PostgreSQL is installed in " + DEBIAN_INSTALLATIONS
                + " (apt-get install postgresql postgresql-contrib)"));
        // 'nobody' must be able to enter the folder that holds the data directory.
        Path dataDir = Files.createTempDirectory("hotline-external-pg",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        EmbeddedPostgres postgres = EmbeddedPostgres.startInstalled(installation, dataDir);
        ExternalPostgres external = new ExternalPostgres(postgres.endpoint().withDatabase("postgres"), postgres,
                dataDir);
        Runtime.getRuntime().addShutdownHook(new Thread(external::stop, "stop-external-postgres"));
        TestDatabase.execute(external.admin, "CREATE ROLE " + APPLICATION_ROLE + " LOGIN PASSWORD '"
                + external.applicationPassword + "'");
        return external;
    }

    /** The newest {@code /usr/lib/postgresql/<version>} with a server binary. */
    private static Optional<Path> debianInstallation() throws IOException {
        if (!Files.isDirectory(DEBIAN_INSTALLATIONS)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(DEBIAN_INSTALLATIONS)) {
            return versions.filter(version -> Files.isExecutable(version.resolve("bin/postgres")))
                    .filter(version -> version.getFileName().toString().matches("\\d+"))
                    .max(Comparator.comparingInt(version -> Integer.parseInt(version.getFileName().toString())));
        }
    }

    /**
     * A new empty database for the servers of one test: on the server started here, owned by the ordinary role
     * {@value #APPLICATION_ROLE} with {@code pg_trgm} created by the superuser beforehand; on {@code HOTLINE_DB_URL}'s
     * server, created by that URL's user (which then needs {@code CREATEDB}). The servers migrate it themselves.
     */
    public synchronized DbEndpoint fresh() {
        String name = "hotline_it_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        if (started == null) {
            TestDatabase.execute(admin, "CREATE DATABASE " + name);
            TestDatabase.execute(admin.withDatabase(name), "CREATE EXTENSION IF NOT EXISTS pg_trgm");
            return admin.withDatabase(name);
        }
        TestDatabase.execute(admin, "CREATE DATABASE " + name + " OWNER " + APPLICATION_ROLE);
        TestDatabase.execute(admin.withDatabase(name), "CREATE EXTENSION IF NOT EXISTS pg_trgm");
        return new DbEndpoint(admin.host(), admin.port(), name, APPLICATION_ROLE, applicationPassword);
    }

    /** A connection to {@code database} with the superuser's rights, for what a test checks behind the servers' back. */
    public DbEndpoint asAdmin(DbEndpoint database) {
        return admin.withDatabase(database.database());
    }

    /** The postmaster's process id, when this fixture started the server (its backends are its children). */
    public OptionalLong pid() {
        return started == null ? OptionalLong.empty() : started.pid();
    }

    /**
     * Skips the calling test unless this fixture started the server itself: it cannot restart anyone else's, nor vouch
     * for the rights of HOTLINE_DB_URL's role.
     */
    public void requireOwnServer() {
        Assumptions.assumeTrue(started != null, "HOTLINE_DB_URL names a PostgreSQL this test did not start");
    }

    /**
     * Stops the server the way an operator's restart does (SIGINT to the postmaster: fast shutdown, sessions cut; TERM
     * would wait for every session to end) and
     * waits until it is gone; then starts it again on the same port with the same data. Returns how long it was down.
     */
    public Duration restart(Duration down) throws InterruptedException {
        requireOwnServer();
        long pid = started.pid().orElseThrow();
        Signals.send(pid, "INT");
        Await.until(() -> !started.isRunning(), Duration.ofSeconds(30));
        long stoppedAt = System.nanoTime();
        Thread.sleep(down.toMillis());
        started.restart();
        return Duration.ofNanos(System.nanoTime() - stoppedAt);
    }

    /** Fast shutdown by process id, then the data directory goes. */
    private void stop() {
        started.pid().ifPresent(pid -> {
            Signals.send(pid, "INT");
            ProcessHandle.of(pid).ifPresent(handle -> handle.onExit().join());
        });
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
