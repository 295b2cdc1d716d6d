package hotline.console.internal;

import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each agent's current (or just ended, not yet wrapped up) call, as its screen pop said: so a reload or a reconnect in
 * the middle of a call shows the same card again. Fed by the screen pops and finished calls of the event bus; a new pop
 * replaces the previous call. Thread-safe. Kept in memory: after a restart the next pop fills it again.
 */
public final class CurrentCalls {

    /** A popped call; {@code ended} once the caller hung up; {@code tickets} the numbers of tickets made during it. */
    public record CurrentCall(JsonObject pop, boolean ended, List<String> tickets) {

        public CurrentCall {
            tickets = List.copyOf(tickets);
        }

        public String uniqueid() {
            return pop.getJsonObject("call").getString("uniqueid");
        }
    }

    private final Map<Long, CurrentCall> byUser = new ConcurrentHashMap<>();

    public void popped(long userId, JsonObject pop) {
        byUser.put(userId, new CurrentCall(pop, false, List.of()));
    }

    /** Marks the call {@code uniqueid} ended for whoever has it; returns that user's id. */
    public Optional<Long> ended(String uniqueid) {
        for (Map.Entry<Long, CurrentCall> entry : byUser.entrySet()) {
            if (entry.getValue().uniqueid().equals(uniqueid)) {
                byUser.put(entry.getKey(), new CurrentCall(entry.getValue().pop(), true, entry.getValue().tickets()));
                return Optional.of(entry.getKey());
            }
        }
        return Optional.empty();
    }

    /** Adds ticket {@code number} to what {@code userId}'s current call made; no call, nothing to add it to. */
    public void ticketMade(long userId, String number) {
        byUser.computeIfPresent(userId, (user, call) -> {
            List<String> made = new ArrayList<>(call.tickets());
            made.add(number);
            return new CurrentCall(call.pop(), call.ended(), made);
        });
    }

    public void wrappedUp(long userId) {
        byUser.remove(userId);
    }

    public Optional<CurrentCall> of(long userId) {
        return Optional.ofNullable(byUser.get(userId));
    }
}
