package hotline.console.internal;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the console knows of the queue board: each phone's state and since when (the board itself has no "since"), and
 * the latest board. Fed with every board telephony publishes; read by pages and streams on any thread.
 */
public final class AgentStates {

    public static final String LOGGED_OUT = "logged_out";

    /** One agent phone's state; {@code reason} while paused, else null. */
    public record AgentState(String state, String reason, Instant since) {
    }

    /** How many callers wait and the longest wait, over all queues. */
    public record QueueLoad(int waiting, long longestSeconds) {
    }

    private final Clock clock;
    private final Map<String, AgentState> states = new ConcurrentHashMap<>();
    private volatile JsonObject board = new JsonObject().put("queues", new JsonArray());

    public AgentStates(Clock clock) {
        this.clock = clock;
    }

    public void update(JsonObject latest) {
        board = latest;
        Instant now = clock.instant();
        java.util.Set<String> onBoard = new java.util.HashSet<>();
        for (Object q : latest.getJsonArray("queues", new JsonArray())) {
            for (Object m : ((JsonObject) q).getJsonArray("members", new JsonArray())) {
                JsonObject member = (JsonObject) m;
                onBoard.add(member.getString("interface"));
                String state = member.getString("state");
                String reason = member.getString("pausedReason");
                states.compute(member.getString("interface"), (phone, before) ->
                        before != null && before.state().equals(state) && java.util.Objects.equals(before.reason(), reason)
                                ? before : new AgentState(state, reason, now));
            }
        }
        // A phone that left the queue is no longer on the board: it is logged out from now on.
        states.replaceAll((phone, before) -> onBoard.contains(phone) || before.state().equals(LOGGED_OUT)
                ? before : new AgentState(LOGGED_OUT, null, now));
    }

    /**
     * The state of {@code phone} (null: a user without a phone, always {@value #LOGGED_OUT} with no time). A phone the
     * board has not reported yet is {@value #LOGGED_OUT} since the console first asked, so its time in state counts
     * from the first paint instead of standing at zero until the board names it.
     */
    public AgentState of(String phone) {
        if (phone == null) {
            return new AgentState(LOGGED_OUT, null, null);
        }
        return states.computeIfAbsent(phone, p -> new AgentState(LOGGED_OUT, null, clock.instant()));
    }

    /** How long since {@code since}, as h:mm:ss counted by the server's clock (the page's first paint). */
    public String elapsedText(Instant since) {
        long seconds = Math.max(0, Duration.between(since, clock.instant()).getSeconds());
        return String.format("%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }

    public QueueLoad load() {
        int waiting = 0;
        long longest = 0;
        for (Object q : board.getJsonArray("queues", new JsonArray())) {
            for (Object w : ((JsonObject) q).getJsonArray("waiting", new JsonArray())) {
                waiting++;
                longest = Math.max(longest, ((JsonObject) w).getLong("waitSeconds", 0L));
            }
        }
        return new QueueLoad(waiting, longest);
    }

    public JsonObject board() {
        return board;
    }

    public static String clockText(long seconds) {
        Duration d = Duration.ofSeconds(seconds);
        return d.toMinutes() + ":" + String.format("%02d", d.toSecondsPart());
    }
}
