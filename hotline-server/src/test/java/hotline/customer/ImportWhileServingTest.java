package hotline.customer;

import hotline.App;
import hotline.auth.Role;
import hotline.testing.ApiClient;
import hotline.testing.ApiResponse;
import hotline.testing.HotlineServerExtension;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A large import of bad rows never holds the server up: the file is read and checked off the event loop (the test
 * server has one), so other requests are answered while it runs, and a file with bad rows stores nothing.
 */
@ExtendWith(HotlineServerExtension.class)
class ImportWhileServingTest {

    private static final int BAD_ROWS = 200_000;
    private static final int HELD_BACK = 4096;

    /** The bytes of a body, of which the last {@value #HELD_BACK} wait for {@link #release}. */
    private static final class HeldBack extends InputStream {
        private final ByteArrayInputStream head;
        private final ByteArrayInputStream tail;
        private final CountDownLatch released = new CountDownLatch(1);
        private final CountDownLatch headSent = new CountDownLatch(1);

        HeldBack(byte[] body) {
            head = new ByteArrayInputStream(body, 0, body.length - HELD_BACK);
            tail = new ByteArrayInputStream(body, body.length - HELD_BACK, HELD_BACK);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] into, int offset, int length) throws IOException {
            int count = head.read(into, offset, length);
            if (count > 0) {
                return count;
            }
            headSent.countDown();
            try {
                released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            return tail.read(into, offset, length);
        }

        void release() {
            released.countDown();
        }
    }

    @Test
    @DisplayName("while 200,000 bad rows are being imported another request is answered at once; the answer counts them all and stores none of the file")
    void answersMeanwhile(App app) throws Exception {
        ApiClient supervisor = ApiClient.as(app, Role.SUPERVISOR);
        String good = "55" + System.nanoTime() % 1_000_000;
        StringBuilder file = new StringBuilder("accountNumber,name,phones,waterUse,kind\n")
                .append(good).append(",孙八,13700000002,residential,individual\n");
        for (int i = 0; i < BAD_ROWS; i++) {
            file.append("12ab").append(i % 10).append(",坏行,13800138000,residential,individual\n");
        }
        HeldBack body = new HeldBack(file.toString().getBytes(StandardCharsets.UTF_8));
        HttpClient http = HttpClient.newHttpClient();
        CompletableFuture<HttpResponse<String>> importing = http.sendAsync(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + app.httpPort() + "/api/customers/import"))
                .header("Authorization", "Bearer " + supervisor.token()).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(body.headSent.await(60, TimeUnit.SECONDS)).as("the server read the file up to its last bytes").isTrue();
        long started = System.nanoTime();
        ApiResponse meanwhile = supervisor.get("/api/session");
        long millis = (System.nanoTime() - started) / 1_000_000;
        boolean importStillRunning = !importing.isDone();
        body.release();
        HttpResponse<String> imported = importing.get(60, TimeUnit.SECONDS);

        assertThat(meanwhile.status()).isEqualTo(200);
        assertThat(importStillRunning).isTrue();
        assertThat(millis).as("answered while the import waits on its worker").isLessThan(Duration.ofSeconds(5).toMillis());
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        JsonObject report = new JsonObject(imported.body());
        assertThat(report.getInteger("rows")).isEqualTo(BAD_ROWS + 1);
        assertThat(report.getInteger("errorCount")).isEqualTo(BAD_ROWS);
        assertThat(report.getJsonArray("errors")).hasSize(100);
        assertThat(report.getInteger("imported")).isZero();
        assertThat(supervisor.get("/api/customers?account=" + good).json().getJsonArray("items")).isEmpty();
    }
}
