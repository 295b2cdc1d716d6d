package hotline.bench;

import hotline.testing.Ports;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * The hotline server jar run as a child process with its own data directory and every listener on 127.0.0.1 (HTTP and
 * FastAGI on free ports, no Asterisk; its embedded PostgreSQL listens on loopback only), so a benchmark can measure it
 * from outside and kill it the hard way. Only processes it started are ever signalled: the server, and the embedded
 * PostgreSQL that this server started in this data directory, by their process ids. A shutdown hook stops them if
 * the benchmark ends early.
 */
final class ServerProcess {

    /** Lets the harness read the detail of /health (the search feeder's backlog). */
    static final String MANAGEMENT_TOKEN = "bench-monitor-token";
    static final String ADMIN_PASSWORD = "ledger-pumpkin-violet-63";
    /** The superuser and database that {@code hotline.store.EmbeddedPostgres} creates. */
    private static final String DB_USER = "hotline";
    private static final String DB_NAME = "hotline";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    /** A clean stop includes PostgreSQL's shutdown checkpoint. */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration KILL_TIMEOUT = Duration.ofSeconds(30);

    /** Where the embedded PostgreSQL listens and how to log in to the server's database. */
    record Database(String host, int port, String user, String password, String name) {
    }

    private final Path jar;
    private final Path dataDir;
    private final int port;
    private final int agiPort;
    private final Path log;
    private Process process;
    private boolean hooked;

    ServerProcess(Path jar, Path dataDir) throws IOException {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run 'mvn -q package -DskipTests' first");
        }
        this.jar = jar;
        this.dataDir = dataDir.toAbsolutePath();
        int[] ports = Ports.free(2);
        this.port = ports[0];
        this.agiPort = ports[1];
        this.log = this.dataDir.resolve("server.log");
        Files.createDirectories(dataDir);
    }

    int port() {
        return port;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    Path dataDir() {
        return dataDir;
    }

    void start(Map<String, String> extraEnv) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g"));
        // e.g. BENCH_SERVER_JVM_ARGS=-XX:StartFlightRecording=filename=/tmp/server.jfr to profile the server
        String extraJvmArgs = System.getenv().getOrDefault("BENCH_SERVER_JVM_ARGS", "").trim();
        if (!extraJvmArgs.isEmpty()) {
            command.addAll(List.of(extraJvmArgs.split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // The caller's own settings (an external database, another address, an Asterisk) must not reach this server.
        builder.environment().keySet().removeIf(name -> name.startsWith("HOTLINE_"));
        builder.environment().putAll(Map.of(
                "HOTLINE_HTTP_HOST", "127.0.0.1",
                "HOTLINE_HTTP_PORT", Integer.toString(port),
                "HOTLINE_AGI_HOST", "127.0.0.1",
                "HOTLINE_AGI_PORT", Integer.toString(agiPort),
                "HOTLINE_DATA_DIR", dataDir.toString(),
                "HOTLINE_ADMIN_PASSWORD", ADMIN_PASSWORD,
                "HOTLINE_MANAGEMENT_TOKEN", MANAGEMENT_TOKEN,
                "HOTLINE_CONF", dataDir.resolve("no-such-file.json").toString()));
        builder.environment().putAll(extraEnv);
        if (!hooked) {
            hooked = true;
            Runtime.getRuntime().addShutdownHook(new Thread(this::stopQuietly, "stop-bench-server"));
        }
        process = builder.start();
        awaitHealthy();
    }

    /** The embedded PostgreSQL of the running server, as it wrote it into its data directory. */
    Database database() throws IOException {
        List<String> pidFile = Files.readAllLines(postgresHome().resolve("data/postmaster.pid"));
        // postmaster.pid: pid, data directory, start time, port, ...
        int dbPort = Integer.parseInt(pidFile.get(3).trim());
        String password = Files.readString(postgresHome().resolve("password")).trim();
        return new Database("127.0.0.1", dbPort, DB_USER, password, DB_NAME);
    }

    /** SIGKILL to the server, its embedded PostgreSQL and that one's backends: nothing gets to flush or clean up. */
    void killHard() throws IOException, InterruptedException {
        List<ProcessHandle> victims = new ArrayList<>(List.of(process.toHandle()));
        victims.addAll(postgres());
        kill(victims);
    }

    /**
     * SIGTERM and wait (the clean shutdown path); SIGKILL if the server has not stopped within the time allowed. A
     * PostgreSQL that outlived its server (which stops it before it exits) goes the hard way.
     */
    void stop() throws IOException, InterruptedException {
        if (process == null) {
            return;
        }
        List<ProcessHandle> postgres = postgres();
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                System.err.printf("the server did not stop in %s; killing it and its PostgreSQL%n", STOP_TIMEOUT);
                kill(List.of(process.toHandle()));
            }
        }
        kill(postgres.stream().filter(ProcessHandle::isAlive).toList());
    }

    /** Deletes the data directory (database, search index, logs) of a stopped server. */
    void deleteDataDir() throws IOException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("the server is still running");
        }
        try (Stream<Path> paths = Files.walk(dataDir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private void stopQuietly() {
        try {
            stop();
        } catch (IOException | InterruptedException | RuntimeException e) {
            System.err.println("could not stop the bench server: " + e);
        }
    }

    /**
     * The postmaster named in this data directory's {@code postmaster.pid} and its backends, if that process is alive
     * and runs the PostgreSQL binary unpacked into this data directory (so never a process that merely reuses the
     * number); else none.
     */
    private List<ProcessHandle> postgres() throws IOException {
        Path pidFile = postgresHome().resolve("data/postmaster.pid");
        if (!Files.exists(pidFile)) {
            return List.of();
        }
        long pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().trim());
        String binary = postgresHome().resolve("binaries").toString();
        return ProcessHandle.of(pid)
                .filter(handle -> handle.info().command().map(command -> command.startsWith(binary)).orElse(false))
                .map(postmaster -> Stream.concat(Stream.of(postmaster), postmaster.descendants()).toList())
                .orElse(List.of());
    }

    private Path postgresHome() {
        return dataDir.resolve("postgres");
    }

    /** SIGKILL to each, then waits until all are gone (a restart needs the old PostgreSQL's shared memory free). */
    private static void kill(List<ProcessHandle> processes) throws InterruptedException {
        processes.forEach(ProcessHandle::destroyForcibly);
        try {
            CompletableFuture.allOf(processes.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new))
                    .get(KILL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("killed processes still running after " + KILL_TIMEOUT + ": "
                    + processes.stream().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).toList(), e);
        }
    }

    private void awaitHealthy() throws InterruptedException, IOException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited; see " + log);
            }
            try {
                HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the server did not become healthy in " + START_TIMEOUT + "; see " + log);
    }
}
