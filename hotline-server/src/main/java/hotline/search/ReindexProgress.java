package hotline.search;

import hotline.common.Code;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * Where this instance's rebuild of its search index stands (each instance rebuilds its own index). A rebuild goes
 * {@code starting} → {@code copying} ({@code done} of {@code total} tickets, counted at its start) →
 * {@code catching_up} (the changes made meanwhile; tickets created meanwhile join here, so {@code done} may pass
 * {@code total}) → {@code done} or {@code failed} (with {@code failure} in words); {@code idle} before the first. The
 * rate and the time left are worked out for a moment {@code now}. Immutable: each step makes a new value.
 */
public record ReindexProgress(State state, long done, long total, Instant startedAt, Instant finishedAt,
                              String failure) {

    public enum State implements Code {
        IDLE, STARTING, COPYING, CATCHING_UP, DONE, FAILED;

        public boolean running() {
            return this == STARTING || this == COPYING || this == CATCHING_UP;
        }
    }

    public static ReindexProgress idle() {
        return new ReindexProgress(State.IDLE, 0, 0, null, null, null);
    }

    public static ReindexProgress starting(Instant now) {
        return new ReindexProgress(State.STARTING, 0, 0, now, null, null);
    }

    public boolean running() {
        return state.running();
    }

    /** The tickets to copy are counted: copying begins. */
    public ReindexProgress copying(long tickets) {
        return new ReindexProgress(State.COPYING, 0, tickets, startedAt, null, null);
    }

    public ReindexProgress copied(long tickets) {
        return new ReindexProgress(state, done + tickets, total, startedAt, null, null);
    }

    public ReindexProgress catchingUp() {
        return new ReindexProgress(State.CATCHING_UP, done, total, startedAt, null, null);
    }

    /** The new index is live, holding {@code tickets}. */
    public ReindexProgress finished(long tickets, Instant now) {
        return new ReindexProgress(State.DONE, tickets, Math.max(total, tickets), startedAt, now, null);
    }

    public ReindexProgress failed(String why, Instant now) {
        return new ReindexProgress(State.FAILED, done, total, startedAt, now, why);
    }

    /** From the start to the end, or to {@code now} while running; zero before the first rebuild. */
    public Duration elapsed(Instant now) {
        return startedAt == null ? Duration.ZERO : Duration.between(startedAt, finishedAt == null ? now : finishedAt);
    }

    /** Tickets copied per second since the start. */
    public double ratePerSecond(Instant now) {
        double seconds = elapsed(now).toMillis() / 1000.0;
        return seconds <= 0 ? 0 : done / seconds;
    }

    /** Whole seconds until every ticket is copied at the rate so far; empty unless copying and a rate is known. */
    public OptionalLong secondsLeft(Instant now) {
        double rate = ratePerSecond(now);
        if (state != State.COPYING || rate <= 0) {
            return OptionalLong.empty();
        }
        return OptionalLong.of((long) Math.ceil(Math.max(0, total - done) / rate));
    }

    /** 0 to 100: done of total while copying, 100 once done. */
    public int percent() {
        if (state == State.DONE) {
            return 100;
        }
        return total <= 0 ? 0 : (int) Math.min(100, done * 100 / total);
    }

    public JsonObject toJson(Instant now) {
        OptionalLong left = secondsLeft(now);
        return new JsonObject().put("state", state.code()).put("done", done).put("total", total)
                .put("percent", percent())
                .put("startedAt", startedAt == null ? null : startedAt.toString())
                .put("finishedAt", finishedAt == null ? null : finishedAt.toString())
                .put("elapsedMillis", elapsed(now).toMillis())
                .put("ratePerSecond", Math.round(ratePerSecond(now) * 10) / 10.0)
                .put("secondsLeft", left.isPresent() ? left.getAsLong() : null)
                .put("failure", failure);
    }
}
