package hotline.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The hotline server jar run as a child process on 127.0.0.1 with its own data directory, so a benchmark can
 * measure it from outside and kill it the hard way.
 */
final class ServerProcess {

    static final String ADMIN_PASSWORD = "ledger-pumpkin-violet-63";

    private final Path jar;
    private final Path dataDir;
    private final int port;
    private final Path log;
    private Process process;

    ServerProcess(Path jar, Path dataDir) throws IOException {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run 'mvn -q package -DskipTests' first");
        }
        this.jar = jar;
        this.dataDir = dataDir;
        this.port = freePort();
        this.log = dataDir.resolve("server.log");
        Files.createDirectories(dataDir);
    }

    int port() {
        return port;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
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
        builder.environment().putAll(Map.of(
                "HOTLINE_HTTP_PORT", Integer.toString(port),
                "HOTLINE_DATA_DIR", dataDir.toString(),
                "HOTLINE_ADMIN_PASSWORD", ADMIN_PASSWORD,
                "HOTLINE_CONF", dataDir.resolve("no-such-file.json").toString()));
        builder.environment().putAll(extraEnv);
        process = builder.start();
        awaitHealthy(Duration.ofSeconds(120));
    }

    /** SIGKILL to the server and to its embedded PostgreSQL: nothing gets a chance to flush or clean up. */
    void killHard() throws IOException, InterruptedException {
        Path pidFile = dataDir.resolve("postgres/data/postmaster.pid");
        Long postgresPid = Files.exists(pidFile) ? Long.parseLong(Files.readAllLines(pidFile).getFirst().trim()) : null;
        process.destroyForcibly();
        process.waitFor();
        if (postgresPid != null) {
            ProcessHandle.of(postgresPid).ifPresent(ProcessHandle::destroyForcibly);
            // Backends notice the postmaster's death and leave; give them a moment before the restart.
            Thread.sleep(1_000);
        }
    }

    /** SIGTERM and wait: the clean shutdown path. */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
    }

    private void awaitHealthy(Duration timeout) throws InterruptedException, IOException {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
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
        throw new IllegalStateException("the server did not become healthy in " + timeout + "; see " + log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
