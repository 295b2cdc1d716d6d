package hotline.http;

import hotline.App;
import hotline.testing.HotlineServerExtension;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionLimitsTest {

    @RegisterExtension
    static final HotlineServerExtension server = new HotlineServerExtension().withSettings(new JsonObject()
            .put("http", new JsonObject().put("headerTimeoutSeconds", 1).put("idleTimeoutSeconds", 2)));
    private static int port;

    @BeforeAll
    static void start(App app) {
        port = app.httpPort();
    }

    @Test
    @DisplayName("a client that trickles its request head gets 408 after the header timeout and the connection closes")
    void slowHeaders() throws Exception {
        long started = System.nanoTime();
        String answer = RawSocket.exchange(port, RawSocket.bytes("GET /health HTTP/1.1\r\nHost: x\r\nX-Slow: 1"), 10_000);

        assertThat(answer).startsWith("HTTP/1.1 408").contains("\"field\":\"headers\"");
        assertThat((System.nanoTime() - started) / 1e9).isBetween(0.9, 8.0);
    }

    @Test
    @DisplayName("a connection that stays silent is closed after the idle timeout, without an answer")
    void silentConnection() throws Exception {
        String answer = RawSocket.exchange(port, new byte[0], 10_000);

        assertThat(answer).isNotNull();
    }

    @Test
    @DisplayName("a keep-alive connection is answered, then closed once it idles past the timeout")
    void idleAfterAnswer() throws Exception {
        String answer = RawSocket.exchange(port, RawSocket.bytes("GET /health HTTP/1.1\r\nHost: x\r\n\r\n"), 10_000);

        assertThat(answer).startsWith("HTTP/1.1 200");
    }

    @Test
    @DisplayName("a body that stalls half-way gets 408 after the idle timeout")
    void stalledBody() throws Exception {
        String answer = RawSocket.exchange(port, RawSocket.bytes("POST /api/session HTTP/1.1\r\nHost: x\r\n"
                + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"username\":"), 10_000);

        assertThat(answer).startsWith("HTTP/1.1 408").contains("\"field\":\"body\"");
    }

    @Test
    @DisplayName("a malformed chunked body gets a JSON 400 naming the body, not a dropped connection")
    void malformedChunks() throws Exception {
        String answer = RawSocket.exchange(port, RawSocket.bytes("POST /api/session HTTP/1.1\r\nHost: x\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nZZZ\r\nabc\r\n0\r\n\r\n"), 10_000);

        assertThat(answer).startsWith("HTTP/1.1 400").contains("\"field\":\"body\"");
    }

    @Test
    @DisplayName("a request head that cannot be decoded gets a JSON 400")
    void undecodableHead() throws Exception {
        String answer = RawSocket.exchange(port, RawSocket.bytes("GET /health HTTP/1.1\r\nHost: x\r\nNo colon here\r\n\r\n"),
                10_000);

        assertThat(answer).startsWith("HTTP/1.1 400").contains("\"error\"");
    }
}
