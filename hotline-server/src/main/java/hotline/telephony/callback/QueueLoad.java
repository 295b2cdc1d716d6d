package hotline.telephony.callback;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Set;

/**
 * What the callback offer and the dialler need of one queue on the queue board's snapshot ({@code GET /api/queues}
 * shape): callers waiting, members by state, today's averages. Immutable.
 *
 * @param availableInterfaces members free to take a call now (state {@code available}), in board order
 * @param longestWaitSeconds  how long the first caller in the queue has been waiting, as of the snapshot (0: nobody)
 */
public record QueueLoad(int waiting, int staffedAgents, List<String> availableInterfaces, Double averageHandleSeconds,
                        Double averageWaitSeconds, long longestWaitSeconds) {

    /** Member states that count as staffed (logged in, not paused). */
    private static final Set<String> STAFFED = Set.of("available", "ringing", "in_call", "wrap_up");

    /** The load of queue {@code name} in {@code snapshot}; an unknown queue is empty. */
    public static QueueLoad of(JsonObject snapshot, String name) {
        JsonArray queues = snapshot == null ? new JsonArray() : snapshot.getJsonArray("queues", new JsonArray());
        for (int i = 0; i < queues.size(); i++) {
            JsonObject queue = queues.getJsonObject(i);
            if (name.equals(queue.getString("name"))) {
                JsonArray members = queue.getJsonArray("members", new JsonArray());
                int staffed = 0;
                List<String> available = new java.util.ArrayList<>();
                for (int m = 0; m < members.size(); m++) {
                    JsonObject member = members.getJsonObject(m);
                    String state = member.getString("state");
                    if (STAFFED.contains(state)) {
                        staffed++;
                    }
                    if ("available".equals(state)) {
                        available.add(member.getString("interface"));
                    }
                }
                JsonArray waiting = queue.getJsonArray("waiting", new JsonArray());
                long longest = 0;
                for (int w = 0; w < waiting.size(); w++) {
                    longest = Math.max(longest, waiting.getJsonObject(w).getLong("waitSeconds", 0L));
                }
                JsonObject today = queue.getJsonObject("today", new JsonObject());
                return new QueueLoad(waiting.size(), staffed, List.copyOf(available),
                        today.getDouble("averageHandleSeconds"), today.getDouble("averageWaitSeconds"), longest);
            }
        }
        return new QueueLoad(0, 0, List.of(), null, null, 0);
    }

    /** The estimated wait of a caller joining now. */
    public WaitEstimate estimate() {
        return WaitEstimate.of(waiting, staffedAgents, averageHandleSeconds, averageWaitSeconds, longestWaitSeconds);
    }
}
