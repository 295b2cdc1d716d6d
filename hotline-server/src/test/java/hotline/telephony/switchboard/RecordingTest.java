package hotline.telephony.switchboard;

import hotline.App;
import hotline.auth.Role;
import hotline.testing.ApiClient;
import hotline.testing.ApiResponse;
import hotline.testing.TestApp;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A call's recording over HTTP: streamed whole or by range from the recordings directory, refused clearly otherwise. */
class RecordingTest {

    /** A WAV header and audio bytes (ASCII, so the test client's text body compares byte for byte). */
    private static final String AUDIO = "RIFF....WAVEfmt " + "0123456789".repeat(10);
    private static Path recordings;
    private static App app;
    private static ApiClient agent;

    @BeforeAll
    static void start() throws Exception {
        recordings = Files.createTempDirectory("recordings");
        Files.createDirectories(recordings.resolve("hotline/20261123"));
        Files.writeString(recordings.resolve("hotline/20261123/1700000500.1.wav"), AUDIO, StandardCharsets.US_ASCII);
        Files.write(recordings.resolve("hotline/20261123/1700000500.2.wav"), new byte[44]);
        Files.writeString(recordings.getParent().resolve("secret.wav"), AUDIO, StandardCharsets.US_ASCII);
        app = TestApp.start(new JsonObject().put("telephony", new JsonObject().put("recordingsDir", recordings.toString())),
                Clock.systemUTC());
        agent = ApiClient.as(app, Role.AGENT);
        call("1700000500.1", "hotline/20261123/1700000500.1.wav");
        call("1700000500.2", "hotline/20261123/1700000500.2.wav");
        call("1700000500.3", null);
        call("1700000500.4", "hotline/20261123/gone.wav");
        call("1700000500.5", "../secret.wav");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static void call(String uniqueid, String recording) {
        app.pool().preparedQuery("INSERT INTO calls (uniqueid, started_at, ended_at, disposition, recording, created_at) "
                + "VALUES ($1, now() - interval '1 minute', now(), 'ivr_completed', $2, now())")
                .execute(Tuple.of(uniqueid, recording)).await();
    }

    @Test
    @DisplayName("an agent gets the whole recording as audio/wav, with ranges offered")
    void whole() {
        ApiResponse response = agent.get("/api/calls/1700000500.1/recording");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.header("Content-Type")).isEqualTo("audio/wav");
        assertThat(response.header("Accept-Ranges")).isEqualTo("bytes");
        assertThat(response.body()).isEqualTo(AUDIO);
    }

    @Test
    @DisplayName("a byte range is answered 206 with Content-Range; a suffix range gives the end; beyond the end is 416")
    void ranges() {
        ApiResponse middle = agent.get("/api/calls/1700000500.1/recording", Map.of("Range", "bytes=16-25"));
        assertThat(middle.status()).isEqualTo(206);
        assertThat(middle.header("Content-Range")).isEqualTo("bytes 16-25/" + AUDIO.length());
        assertThat(middle.body()).isEqualTo("0123456789");

        ApiResponse tail = agent.get("/api/calls/1700000500.1/recording", Map.of("Range", "bytes=-5"));
        assertThat(tail.status()).isEqualTo(206);
        assertThat(tail.body()).isEqualTo("56789");

        ApiResponse beyond = agent.get("/api/calls/1700000500.1/recording", Map.of("Range", "bytes=5000-"));
        assertThat(beyond.status()).isEqualTo(416);
        assertThat(beyond.header("Content-Range")).isEqualTo("bytes */" + AUDIO.length());
    }

    @Test
    @DisplayName("an unknown call or one without a recording is 404; a file not here, without audio or outside the directory is 409")
    void refusals() {
        assertThat(agent.get("/api/calls/1700000599.9/recording").status()).isEqualTo(404);
        ApiResponse none = agent.get("/api/calls/1700000500.3/recording");
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.json().getString("error")).contains("no recording");

        ApiResponse empty = agent.get("/api/calls/1700000500.2/recording");
        assertThat(empty.status()).isEqualTo(409);
        assertThat(empty.json().getString("error")).contains("not reachable from this instance").contains("no audio");
        assertThat(agent.get("/api/calls/1700000500.4/recording").json().getString("error")).contains("no such file");
        ApiResponse traversal = agent.get("/api/calls/1700000500.5/recording");
        assertThat(traversal.status()).isEqualTo(409);
        assertThat(traversal.body()).doesNotContain(AUDIO);
    }

    @Test
    @DisplayName("the recording needs a signed-in user, and a malformed uniqueid is refused naming it")
    void boundary() {
        assertThat(ApiClient.anonymous(app).get("/api/calls/1700000500.1/recording").status()).isEqualTo(401);
        ApiResponse bad = agent.get("/api/calls/a%20b/recording");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().getString("field")).isEqualTo("uniqueid");
    }
}
