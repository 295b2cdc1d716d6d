package hotline.telephony.switchboard.internal;

import io.vertx.core.json.JsonObject;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * What the call records held for one day at one moment, read in one snapshot: each queue's {@link QueueDay}, calls per
 * hour of the day (all calls, IVR included), each agent's {@link AgentDay} by user id, and which of the calls the
 * switchboard had finished but not yet seen stored were stored by then. Immutable.
 */
record StoredDay(LocalDate day, Map<String, QueueDay> queues, int[] callsPerHour, Map<Long, AgentDay> agents,
                 Set<String> stored) {

    static StoredDay empty(LocalDate day) {
        return new StoredDay(day, Map.of(), new int[24], Map.of(), Set.of());
    }

    /** One agent's day: answered queue calls that ended, their talk plus wrap-up, and the satisfaction scores given. */
    record AgentDay(int handled, long handleSeconds, int surveys, int scoreSum) {
        static final AgentDay NONE = new AgentDay(0, 0, 0, 0);

        /** As {@code today} of {@code GET /api/agents} shows it. */
        JsonObject toJson() {
            return new JsonObject().put("handled", handled)
                    .put("averageHandleSeconds", QueueDay.average(handleSeconds, handled))
                    .put("satisfaction", QueueDay.average(scoreSum, surveys)).put("surveys", surveys);
        }
    }
}
