package hotline;

import hotline.testing.Await;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The server as an operator runs it: {@code hotline.Main} in a process of its own, stopped with SIGTERM. */
class ShutdownTest {

    private static final String MANAGEMENT_TOKEN = "shutdown-test-monitor";
    private static final String PASSWORD = "harbor-quill-sundial-28";

    private final HttpClient http = HttpClient.newHttpClient();
    private Path dataDir;
    private Process server;
    private int port;

    @AfterEach
    void cleanUp() throws Exception {
        if (server != null && server.isAlive()) {
            server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        if (dataDir != null && Files.exists(postmasterPid())) {
            // A failed test may leave its PostgreSQL behind; it is ours to stop.
            ProcessHandle.of(Long.parseLong(Files.readAllLines(postmasterPid()).getFirst().trim()))
                    .ifPresent(ProcessHandle::destroy);
        }
        if (dataDir != null) {
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    @DisplayName("on SIGTERM a request already arriving is answered, PostgreSQL stops, and its ticket is there after a restart")
    void sigtermFinishesInFlightRequestsAndStopsTheDatabase() throws Exception {
        // Others may enter: as root the embedded PostgreSQL runs as 'nobody'.
        dataDir = Files.createTempDirectory("hotline-shutdown",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        port = freePort();
        start();
        String token = login();
        long postgresPid = Long.parseLong(Files.readAllLines(postmasterPid()).getFirst().trim());
        byte[] body = new JsonObject().put("type", "repair").put("subject", "停机时正在提交的报修")
                .encode().getBytes(StandardCharsets.UTF_8);

        String status;
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/tickets HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, 10);
            out.flush();
            // SIGTERM once the server has the request in hand (headers read, body still arriving)...
            Await.until(() -> metrics().contains("vertx_http_server_active_requests{method=\"POST\"} 1.0"),
                    Duration.ofSeconds(10));
            server.destroy();
            // ...and the rest of the body only once shutdown has begun: the port takes no new connection.
            Await.until(() -> !accepting(), Duration.ofSeconds(10));
            out.write(body, 10, body.length - 10);
            out.flush();
            status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
        }

        assertThat(status).isEqualTo("HTTP/1.1 201 Created");
        assertThat(server.waitFor(60, TimeUnit.SECONDS)).as("the server exits").isTrue();
        assertThat(postmasterPid()).as("no pid file left").doesNotExist();
        Await.until(() -> !running(postgresPid), Duration.ofSeconds(10));

        start();
        HttpResponse<String> tickets = http.send(HttpRequest.newBuilder(uri("/api/tickets?size=100"))
                .header("Authorization", "Bearer " + login()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(new JsonObject(tickets.body()).getJsonArray("items").stream()
                .map(item -> ((JsonObject) item).getString("subject"))).containsExactly("停机时正在提交的报修");
    }

    private void start() throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("server.log").toFile()));
        builder.environment().put("HOTLINE_HTTP_PORT", Integer.toString(port));
        builder.environment().put("HOTLINE_DATA_DIR", dataDir.toString());
        // A free FastAGI port: the default 4573 may be taken by another server on this machine.
        builder.environment().put("HOTLINE_AGI_PORT", "0");
        builder.environment().put("HOTLINE_ADMIN_PASSWORD", PASSWORD);
        builder.environment().put("HOTLINE_MANAGEMENT_TOKEN", MANAGEMENT_TOKEN);
        builder.environment().put("HOTLINE_CONF", dataDir.resolve("no-such-file.json").toString());
        server = builder.start();
        try {
            Await.until(() -> {
                assertThat(server.isAlive()).as("the server runs").isTrue();
                return healthy();
            }, Duration.ofSeconds(120));
        } catch (AssertionError e) {
            throw new AssertionError("the server did not become healthy (" + e.getMessage() + "); see "
                    + dataDir.resolve("server.log"), e);
        }
    }

    private boolean healthy() {
        try {
            // A time limit: a request lost while the server starts (seen once under load) is asked again, not awaited forever.
            return http.send(HttpRequest.newBuilder(uri("/health")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notListeningYet) {
            return false;
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The server's Prometheus text. */
    private String metrics() {
        try {
            return http.send(HttpRequest.newBuilder(uri("/metrics"))
                    .header("Authorization", "Bearer " + MANAGEMENT_TOKEN).build(), HttpResponse.BodyHandlers.ofString())
                    .body();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the server's port takes a new connection (it stops doing so once shutdown begins). */
    private boolean accepting() {
        try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    private String login() throws IOException, InterruptedException {
        HttpResponse<String> reply = http.send(HttpRequest.newBuilder(uri("/api/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("username", "admin")
                        .put("password", PASSWORD).encode())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
        return new JsonObject(reply.body()).getString("token");
    }

    /** Whether the process runs: it exists and is no zombie (one the container's init has not reaped yet). */
    private static boolean running(long pid) {
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
                return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
            } catch (IOException gone) {
                return false;
            }
        }
        return false;
    }

    private Path postmasterPid() {
        return dataDir.resolve("postgres/data/postmaster.pid");
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
