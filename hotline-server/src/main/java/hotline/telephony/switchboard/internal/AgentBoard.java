package hotline.telephony.switchboard.internal;

import hotline.auth.User;
import hotline.auth.UserService;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

/**
 * The agents as a supervisor watches them ({@code GET /api/agents}): every active user with a phone, their member
 * state on the queue board (logged out when not on it), current call, today's handled calls, handle time and
 * satisfaction from the call records, and a supervisor's latest intervention today. Thread-safe.
 */
public final class AgentBoard {

    private final UserService users;
    private final SwitchboardVerticle switchboard;
    private final Interventions interventions;
    private final Clock clock;
    private final ZoneId zone;

    /** The board and the agents' day come from {@code switchboard}. */
    public AgentBoard(UserService users, SwitchboardVerticle switchboard, Interventions interventions, Clock clock,
                      ZoneId zone) {
        this.users = users;
        this.switchboard = switchboard;
        this.interventions = interventions;
        this.clock = clock;
        this.zone = zone;
    }

    public Future<JsonArray> list() {
        JsonObject now = switchboard.snapshot();
        Map<String, JsonObject> members = new HashMap<>();
        now.getJsonArray("queues").forEach(queue -> ((JsonObject) queue).getJsonArray("members")
                .forEach(member -> members.putIfAbsent(((JsonObject) member).getString("interface"), (JsonObject) member)));
        Map<Long, StoredDay.AgentDay> today = switchboard.agentDays();
        return users.list().compose(all -> interventions.latestSince(
                LocalDate.ofInstant(clock.instant(), zone).atStartOfDay(zone).toInstant()).map(latest -> {
            Map<Long, String> names = new HashMap<>();
            all.forEach(user -> names.put(user.id(), user.displayName()));
            JsonArray agents = new JsonArray();
            all.stream().filter(user -> user.active() && user.phoneInterface() != null)
                    .sorted(Comparator.comparing(User::displayName))
                    .forEach(user -> agents.add(agent(user, members.get(user.phoneInterface()),
                            today.getOrDefault(user.id(), StoredDay.AgentDay.NONE), latest.get(user.id()), names)));
            return agents;
        }));
    }

    private static JsonObject agent(User user, JsonObject member, StoredDay.AgentDay day, JsonObject intervention,
                                    Map<Long, String> names) {
        JsonObject agent = new JsonObject().put("userId", user.id()).put("username", user.username())
                .put("displayName", user.displayName()).put("phoneInterface", user.phoneInterface())
                .put("state", member == null ? QueueBoard.LOGGED_OUT : member.getString("state"))
                .put("since", member == null ? null : member.getString("since"))
                .put("pausedReason", member == null ? null : member.getString("pausedReason"))
                .put("call", member == null ? null : member.getJsonObject("call"))
                .put("today", day.toJson());
        if (intervention != null) {
            Long by = (Long) intervention.remove("byUserId");
            agent.put("lastIntervention", intervention.put("by", names.getOrDefault(by, "?")));
        } else {
            agent.putNull("lastIntervention");
        }
        return agent;
    }
}
