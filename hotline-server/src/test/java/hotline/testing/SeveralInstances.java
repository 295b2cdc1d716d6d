package hotline.testing;

import hotline.store.DbEndpoint;
import hotline.telephony.peer.AmiPeer;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Hotline as a site runs it on several machines, on one: {@code count} hotline-server processes
 * ({@link ServerProcess}) clustered over Hazelcast on 127.0.0.1 (a cluster name of their own, each its own free cluster
 * port, the same member list), on one {@link ExternalPostgres} database, behind {@link Nginx} with the shipped
 * configuration, all configured for one Asterisk (the {@link AmiPeer}), so exactly one holds its AMI link. Extra
 * settings are environment variables for every instance ({@code HOTLINE_CLUSTER_ENABLED=false} runs them apart). Instances are named A, B, C, ...
 * Closing stops everything it started: servers (SIGTERM, then SIGKILL), nginx, the peer; the database stays for the
 * JVM's other tests and goes with it.
 */
public final class SeveralInstances implements AutoCloseable {

    /** The AMI user the servers log in as, in the peer's manager.conf. */
    private static final String AMI_USER = "hotline";
    private static final String AMI_SECRET = "cluster-test-secret";
    /** How often a standby tries for the AMI link: the failover time is at most this plus a log-in and a resync. */
    public static final long STANDBY_RETRY_MS = 1_000;
    private static final Duration START_LIMIT = Duration.ofSeconds(180);

    private final ExternalPostgres postgres;
    private final DbEndpoint database;
    private final AmiPeer peer;
    private final Path dir;
    private final List<ServerProcess> servers = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Nginx nginx;

    private SeveralInstances(ExternalPostgres postgres, DbEndpoint database, AmiPeer peer, Path dir) {
        this.postgres = postgres;
        this.database = database;
        this.peer = peer;
        this.dir = dir;
    }

    /** Starts {@code count} instances (in parallel) and nginx before them; skips the test without PostgreSQL or nginx. */
    public static SeveralInstances start(int count, Map<String, String> settings) throws Exception {
        return start(count, settings, ServerProcess.TEST_JVM);
    }

    /** The same with the instances' JVMs started with {@code jvmOptions}. */
    public static SeveralInstances start(int count, Map<String, String> settings, List<String> jvmOptions)
            throws Exception {
        ExternalPostgres postgres = ExternalPostgres.require();
        DbEndpoint database = postgres.fresh();
        AmiPeer peer = new AmiPeer(AMI_USER, AMI_SECRET).start();
        Path dir = Files.createTempDirectory("hotline-instances",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        SeveralInstances site = new SeveralInstances(postgres, database, peer, dir);
        try {
            Map<String, String> env = new HashMap<>(Map.of(
                    "HOTLINE_DB_URL", database.url(),
                    "HOTLINE_DB_POOL_SIZE", "8",
                    "HOTLINE_HTTP_INSTANCES", "1",
                    "HOTLINE_HTTP_TRUSTED_PROXIES", "127.0.0.1",
                    "HOTLINE_AMI_HOST", "127.0.0.1",
                    "HOTLINE_AMI_PORT", Integer.toString(peer.port()),
                    "HOTLINE_AMI_USER", AMI_USER,
                    "HOTLINE_AMI_SECRET", AMI_SECRET,
                    "HOTLINE_AMI_STANDBY_RETRY_MS", Long.toString(STANDBY_RETRY_MS),
                    // Cheap password hashes: the tests log in many times; the cost of Argon2 is measured elsewhere.
                    "HOTLINE_AUTH_HASH_MEMORY_KIB", "1024"));
            env.put("HOTLINE_AUTH_HASH_ITERATIONS", "1");
            int[] clusterPorts = Ports.free(count);
            env.putAll(Map.of(
                    "HOTLINE_CLUSTER_ENABLED", "true",
                    // a name of this run's own: parallel runs on one machine never merge
                    "HOTLINE_CLUSTER_NAME", "hotline-it-" + ProcessHandle.current().pid() + "-" + clusterPorts[0],
                    "HOTLINE_CLUSTER_HOST", "127.0.0.1",
                    "HOTLINE_CLUSTER_MEMBERS", Arrays.stream(clusterPorts).mapToObj(port -> "127.0.0.1:" + port)
                            .collect(Collectors.joining(","))));
            env.putAll(settings);
            for (int i = 0; i < count; i++) {
                String name = String.valueOf((char) ('A' + i));
                Map<String, String> own = new HashMap<>(env);
                own.put("HOTLINE_CLUSTER_PORT", Integer.toString(clusterPorts[i]));
                site.servers.add(new ServerProcess(name, dir.resolve(name), own, jvmOptions));
            }
            site.nginx = Nginx.start(site.servers.stream().map(ServerProcess::port).toList());
            long began = System.nanoTime();
            site.startAll(site.servers);
            System.out.printf("%d instances started in %d ms%n", count, (System.nanoTime() - began) / 1_000_000);
        } catch (Exception | AssertionError e) {
            site.close();
            throw e;
        }
        return site;
    }

    /** Starts the given (stopped) instances at once and waits until each is healthy. */
    public void startAll(List<ServerProcess> which) throws Exception {
        try (ExecutorService starting = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<ServerProcess>> started = new ArrayList<>();
            for (ServerProcess server : which) {
                started.add(starting.submit(() -> server.start(START_LIMIT)));
            }
            for (Future<ServerProcess> future : started) {
                future.get();
            }
        }
    }

    public List<ServerProcess> servers() {
        return List.copyOf(servers);
    }

    public ServerProcess server(String name) {
        return servers.stream().filter(server -> server.name().equals(name)).findFirst().orElseThrow();
    }

    public List<ServerProcess> running() {
        return servers.stream().filter(ServerProcess::running).toList();
    }

    public Nginx nginx() {
        return nginx;
    }

    public AmiPeer peer() {
        return peer;
    }

    public ExternalPostgres postgres() {
        return postgres;
    }

    /** The servers' database, with the superuser's rights (for a test's own checks behind their back). */
    public DbEndpoint databaseAsAdmin() {
        return postgres.asAdmin(database);
    }

    /** The running instance whose AMI link is connected (resynchronised), if one is. */
    public Optional<ServerProcess> amiHolder() {
        return running().stream().filter(server -> "connected".equals(amiLink(server))).findFirst();
    }

    /** {@code connected}, {@code standby}, ... as the instance's {@code /health} reports its AMI link; null if silent. */
    public String amiLink(ServerProcess server) {
        try {
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(server.uri("/health"))
                    .header("Authorization", "Bearer " + ServerProcess.MANAGEMENT_TOKEN)
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return Optional.ofNullable(new JsonObject(health.body()).getJsonObject("checks"))
                    .map(checks -> checks.getJsonObject("ami")).map(ami -> ami.getString("link")).orElse(null);
        } catch (IOException | RuntimeException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Those of {@code ticketIds} that the tickets table does not hold (asked behind the servers' back). */
    public Set<Long> missingTickets(Set<Long> ticketIds) throws SQLException {
        DbEndpoint admin = databaseAsAdmin();
        try (var connection = DriverManager.getConnection(admin.jdbcUrl(), admin.user(), admin.password());
             var query = connection.prepareStatement("SELECT id FROM tickets WHERE id = ANY (?)")) {
            bind(connection, query, List.copyOf(ticketIds));
            Set<Long> missing = new HashSet<>(ticketIds);
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    missing.remove(rows.getLong(1));
                }
            }
            return missing;
        }
    }

    /** How many tickets the tickets table holds whose subject contains {@code word}. */
    public long storedTicketsWith(String word) throws SQLException {
        return count("SELECT count(*) FROM tickets WHERE subject LIKE ?", "%" + word + "%");
    }

    /**
     * Runs a query behind the servers' back, with the superuser's rights, and answers the first column of its first
     * row as a number; a {@code List<Long>} parameter goes as a {@code bigint[]}.
     */
    public long count(String sql, Object... parameters) throws SQLException {
        DbEndpoint admin = databaseAsAdmin();
        try (var connection = DriverManager.getConnection(admin.jdbcUrl(), admin.user(), admin.password());
             var query = connection.prepareStatement(sql)) {
            bind(connection, query, parameters);
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** Runs a statement behind the servers' back, as {@link #count} does. */
    public void execute(String sql, Object... parameters) throws SQLException {
        DbEndpoint admin = databaseAsAdmin();
        try (var connection = DriverManager.getConnection(admin.jdbcUrl(), admin.user(), admin.password());
             var statement = connection.prepareStatement(sql)) {
            bind(connection, statement, parameters);
            statement.execute();
        }
    }

    private static void bind(Connection connection, PreparedStatement statement, Object... parameters)
            throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i] instanceof List<?> ids
                    ? connection.createArrayOf("bigint", ids.toArray()) : parameters[i]);
        }
    }

    /** A URI of the site, through nginx. */
    public URI uri(String path) {
        return URI.create(nginx.baseUrl() + path);
    }

    /**
     * Stops every instance, nginx and the peer, and deletes the instances' folders; their logs are kept in
     * {@code target/instance-logs/<run>/<name>.log} for reading after a failure.
     */
    @Override
    public void close() throws Exception {
        for (ServerProcess server : servers) {
            server.close();
        }
        if (nginx != null) {
            nginx.close();
        }
        peer.close();
        Path logs = Path.of("target", "instance-logs", dir.getFileName().toString());
        Files.createDirectories(logs);
        for (ServerProcess server : servers) {
            if (Files.exists(server.log())) {
                Files.copy(server.log(), logs.resolve(server.name() + ".log"));
            }
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
