package hotline;

import hotline.testing.Await;
import hotline.testing.ServerProcess;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
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
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The server as an operator runs it: {@code hotline.Main} in a process of its own, stopped with SIGTERM. */
class ShutdownTest {

    /** A probe waits this long at most: a request lost in a server's start-up must not hang the test. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newHttpClient();
    private Path dataDir;
    private ServerProcess server;

    @AfterEach
    void cleanUp() throws Exception {
        // SIGTERM, as the test itself proves, stops the server and its PostgreSQL; SIGKILL only if it hangs.
        if (server != null) {
            server.close();
        }
        if (dataDir != null && Files.exists(postmasterPid())) {
            // A failed test may leave its PostgreSQL behind; it is ours to stop, and to wait for: it deletes its
            // files while it shuts down.
            long pid = Long.parseLong(Files.readAllLines(postmasterPid()).getFirst().trim());
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
            Await.until(() -> !running(pid), Duration.ofSeconds(30));
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
        server = new ServerProcess("shutdown", dataDir, Map.of());
        start();
        String token = login();
        long postgresPid = Long.parseLong(Files.readAllLines(postmasterPid()).getFirst().trim());
        byte[] body = new JsonObject().put("type", "repair").put("subject", "停机时正在提交的报修")
                .encode().getBytes(StandardCharsets.UTF_8);

        String status;
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/tickets HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, 10);
            out.flush();
            // SIGTERM once the server has the request in hand (headers read, body still arriving)...
            Await.until(() -> metrics().contains("vertx_http_server_active_requests{method=\"POST\"} 1.0"),
                    Duration.ofSeconds(10));
            server.terminate();
            // ...and the rest of the body only once shutdown has begun: the port takes no new connection.
            Await.until(() -> !server.accepting(), Duration.ofSeconds(10));
            out.write(body, 10, body.length - 10);
            out.flush();
            status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
        }

        assertThat(status).isEqualTo("HTTP/1.1 201 Created");
        assertThat(server.stop()).as("the server exits").isTrue();
        assertThat(postmasterPid()).as("no pid file left").doesNotExist();
        Await.until(() -> !running(postgresPid), Duration.ofSeconds(10));

        start();
        HttpResponse<String> tickets = http.send(request(uri("/api/tickets?size=100"))
                .header("Authorization", "Bearer " + login()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(new JsonObject(tickets.body()).getJsonArray("items").stream()
                .map(item -> ((JsonObject) item).getString("subject"))).containsExactly("停机时正在提交的报修");
    }

    private void start() throws IOException, InterruptedException {
        server.start(Duration.ofSeconds(120));
    }

    /** The server's Prometheus text. */
    private String metrics() {
        try {
            return http.send(request(uri("/metrics"))
                    .header("Authorization", "Bearer " + ServerProcess.MANAGEMENT_TOKEN).build(), HttpResponse.BodyHandlers.ofString())
                    .body();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private String login() throws IOException, InterruptedException {
        HttpResponse<String> reply = http.send(request(uri("/api/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("username", "admin")
                        .put("password", ServerProcess.ADMIN_PASSWORD).encode())).build(), HttpResponse.BodyHandlers.ofString());
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
        return server.uri(path);
    }

    private static HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT);
    }
}
