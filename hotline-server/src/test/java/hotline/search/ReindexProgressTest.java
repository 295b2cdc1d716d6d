package hotline.search;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ReindexProgressTest {

    private static final Instant T0 = Instant.parse("2026-11-30T08:00:00Z");

    @Test
    @DisplayName("before the first rebuild the progress is idle, with nothing done and no time left to say")
    void idle() {
        ReindexProgress idle = ReindexProgress.idle();

        assertThat(idle.running()).isFalse();
        assertThat(idle.percent()).isZero();
        assertThat(idle.elapsed(T0)).isZero();
        assertThat(idle.secondsLeft(T0)).isEmpty();
        assertThat(idle.toJson(T0).getString("state")).isEqualTo("idle");
    }

    @Test
    @DisplayName("while copying, the rate is tickets per second since the start and the time left follows from it")
    void copying() {
        ReindexProgress progress = ReindexProgress.starting(T0).copying(10_000).copied(1_000).copied(1_000);
        Instant now = T0.plusSeconds(4);

        assertThat(progress.running()).isTrue();
        assertThat(progress.percent()).isEqualTo(20);
        assertThat(progress.ratePerSecond(now)).isEqualTo(500.0);
        assertThat(progress.secondsLeft(now)).hasValue(16);
        JsonObject json = progress.toJson(now);
        assertThat(json.getMap()).containsEntry("state", "copying").containsEntry("done", 2_000L)
                .containsEntry("total", 10_000L).containsEntry("percent", 20).containsEntry("secondsLeft", 16L)
                .containsEntry("elapsedMillis", 4_000L).containsEntry("ratePerSecond", 500.0)
                .containsEntry("startedAt", T0.toString());
    }

    @Test
    @DisplayName("while starting or catching up no time left is promised, and done never shows more than 100 %")
    void noPromise() {
        ReindexProgress starting = ReindexProgress.starting(T0);
        ReindexProgress catchingUp = starting.copying(100).copied(120).catchingUp();

        assertThat(starting.secondsLeft(T0.plusSeconds(3))).isEmpty();
        assertThat(starting.percent()).isZero();
        assertThat(catchingUp.secondsLeft(T0.plusSeconds(3))).isEmpty();
        assertThat(catchingUp.percent()).isEqualTo(100);
        assertThat(catchingUp.running()).isTrue();
    }

    @Test
    @DisplayName("a finished rebuild keeps its figures: the time it took stops at its end, and it is 100 %")
    void finished() {
        ReindexProgress done = ReindexProgress.starting(T0).copying(3_000).copied(3_000).catchingUp()
                .finished(3_002, T0.plusSeconds(6));

        assertThat(done.running()).isFalse();
        assertThat(done.percent()).isEqualTo(100);
        assertThat(done.done()).isEqualTo(3_002);
        assertThat(done.total()).isEqualTo(3_002);
        assertThat(done.elapsed(T0.plusSeconds(600))).isEqualTo(Duration.ofSeconds(6));
        assertThat(done.toJson(T0.plusSeconds(600)).getString("finishedAt")).isEqualTo(T0.plusSeconds(6).toString());
    }

    @Test
    @DisplayName("a failed rebuild says why and keeps how far it got")
    void failed() {
        ReindexProgress failed = ReindexProgress.starting(T0).copying(5_000).copied(1_000)
                .failed("the database went away", T0.plusSeconds(2));

        assertThat(failed.running()).isFalse();
        assertThat(failed.percent()).isEqualTo(20);
        assertThat(failed.toJson(T0.plusSeconds(9)).getMap()).containsEntry("state", "failed")
                .containsEntry("failure", "the database went away").containsEntry("elapsedMillis", 2_000L);
    }
}
