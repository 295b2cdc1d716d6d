package hotline.testing;

import hotline.Main;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The server as an operator runs it: {@code hotline.Main} in a process of its own (the class path of this JVM), HTTP
 * and FastAGI on free 127.0.0.1 ports chosen once, so a restart comes back where it was, settings only from the
 * environment given here (none of this JVM's {@code HOTLINE_} variables leak in), output appended to
 * {@code <dataDir>/server.log}. Stopped with SIGTERM ({@link #stop}) or SIGKILL ({@link #kill}); only the process it
 * started is ever signalled.
 */
public final class ServerProcess implements AutoCloseable {

    public static final String MANAGEMENT_TOKEN = "process-test-monitor";
    public static final String ADMIN_PASSWORD = "harbor-quill-sundial-28";
    /** A probe waits this long at most: a request lost in a server's start-up must not hang the test. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    /**
     * The JVM of a test's server: small, and compiled by C1 only, which halves the CPU a start-up takes (several
     * servers start at once on two cores); a benchmark passes its own.
     */
    public static final List<String> TEST_JVM = List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private final String name;
    private final Path dataDir;
    private final int port;
    private final int agiPort;
    private final Map<String, String> settings;
    private final List<String> jvmOptions;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;

    /**
     * A server named {@code name} (for messages) with its data in {@code dataDir} (which others may need to enter: an
     * embedded PostgreSQL runs as 'nobody' under root) and {@code settings} as environment variables
     * ({@code HOTLINE_DB_URL}, ...), over the defaults: loopback, its ports, an admin password, a management token,
     * no settings file.
     */
    public ServerProcess(String name, Path dataDir, Map<String, String> settings) throws IOException {
        this(name, dataDir, settings, TEST_JVM);
    }

    /** The same in a JVM with {@code jvmOptions} ({@code -Xmx1g}, ...). */
    public ServerProcess(String name, Path dataDir, Map<String, String> settings, List<String> jvmOptions)
            throws IOException {
        this.name = name;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.dataDir = dataDir.toAbsolutePath();
        int[] ports = Ports.free(2);
        this.port = ports[0];
        this.agiPort = ports[1];
        this.settings = Map.copyOf(settings);
        Files.createDirectories(this.dataDir);
    }

    /** Starts the process and waits until {@code /health} answers 200. */
    public ServerProcess start(Duration limit) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
        builder.environment().keySet().removeIf(variable -> variable.startsWith("HOTLINE_"));
        Map<String, String> env = new HashMap<>(Map.of(
                "HOTLINE_HTTP_HOST", "127.0.0.1",
                "HOTLINE_HTTP_PORT", Integer.toString(port),
                "HOTLINE_AGI_HOST", "127.0.0.1",
                "HOTLINE_AGI_PORT", Integer.toString(agiPort),
                "HOTLINE_DATA_DIR", dataDir.toString(),
                "HOTLINE_ADMIN_PASSWORD", ADMIN_PASSWORD,
                "HOTLINE_MANAGEMENT_TOKEN", MANAGEMENT_TOKEN,
                "HOTLINE_CONF", dataDir.resolve("no-such-file.json").toString()));
        env.putAll(settings);
        builder.environment().putAll(env);
        process = builder.start();
        awaitHealthy(limit);
        return this;
    }

    /** Waits until {@code /health} answers 200; fails naming the log when the process exits or the time runs out. */
    public void awaitHealthy(Duration limit) throws InterruptedException {
        try {
            Await.until(() -> {
                if (!running()) {
                    throw new AssertionError("the server " + name + " exited");
                }
                return healthy();
            }, limit);
        } catch (AssertionError e) {
            throw new AssertionError("the server " + name + " did not become healthy (" + e.getMessage() + "); the end of "
                    + log() + ":\n" + logTail(40), e);
        }
    }

    /** The last {@code lines} lines of the server's log (it is deleted with the test's files). */
    private String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log());
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException unreadable) {
            return "(the log cannot be read: " + unreadable.getMessage() + ")";
        }
    }

    public boolean healthy() {
        try {
            return http.send(HttpRequest.newBuilder(uri("/health")).timeout(REQUEST_TIMEOUT).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notListeningOrLost) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Whether the server's port takes a new connection (it stops doing so once shutdown begins). */
    public boolean accepting() {
        try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    public boolean running() {
        return process != null && process.isAlive();
    }

    /** SIGTERM without waiting: the server begins its clean shutdown. */
    public void terminate() {
        if (running()) {
            process.destroy();
        }
    }

    /** SIGTERM; true when it exited within the time allowed. */
    public boolean stop() throws InterruptedException {
        terminate();
        return process == null || process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    /** SIGKILL: nothing gets to flush, close or say goodbye; returns once the process is gone. */
    public void kill() throws InterruptedException {
        if (running()) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** SIGSTOP: the process keeps its sockets and database sessions but answers nothing, as if cut off. */
    public void suspend() {
        Signals.send(pid(), "STOP");
    }

    /** SIGCONT after {@link #suspend}. */
    public void resume() {
        Signals.send(pid(), "CONT");
    }

    /** SIGTERM, and SIGKILL when that does not stop it. */
    @Override
    public void close() throws InterruptedException {
        if (!stop()) {
            kill();
        }
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path log() {
        return dataDir.resolve("server.log");
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
