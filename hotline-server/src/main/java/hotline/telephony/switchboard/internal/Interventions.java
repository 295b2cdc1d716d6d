package hotline.telephony.switchboard.internal;

import hotline.auth.Principal;
import hotline.auth.User;
import hotline.auth.UserService;
import hotline.common.InvalidInputException;
import hotline.common.NotFoundException;
import hotline.store.SqlTime;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A supervisor pauses, resumes or logs out an agent's queue membership through {@link AgentActions}, and the action
 * is recorded with who, when and why ({@code agent_queue_interventions}) in the same transaction: it is kept only
 * when Asterisk accepted it. The reason is also Asterisk's pause reason, so the wallboard shows it.
 */
public final class Interventions {

    /** What a supervisor may do to an agent's queue membership. */
    enum Action { PAUSE, RESUME, LOGOUT }

    private final Pool pool;
    private final UserService users;
    private final AgentActions actions;
    private final Clock clock;

    public Interventions(Pool pool, UserService users, AgentActions actions, Clock clock) {
        this.pool = pool;
        this.users = users;
        this.actions = actions;
        this.clock = clock;
    }

    /**
     * Does {@code action} to the agent with user id {@code agentUserId}; fails with {@link NotFoundException} for no
     * such user, {@link InvalidInputException} on {@code userId} for a user without a phone, and as
     * {@link AgentActions} does when Asterisk cannot be asked or refuses (then nothing is recorded).
     */
    Future<Void> apply(long agentUserId, Action action, String reason, Principal supervisor) {
        return users.find(agentUserId).compose(found -> {
            User agent = found.orElseThrow(() -> new NotFoundException("no user " + agentUserId));
            if (agent.phoneInterface() == null) {
                throw new InvalidInputException("userId", "this user has no phone (users.phoneInterface)");
            }
            return pool.withTransaction(conn -> conn.preparedQuery(SwitchboardSql.RECORD_INTERVENTION)
                    .execute(Tuple.of(agentUserId, action.name().toLowerCase(), reason, supervisor.id(),
                            SqlTime.param(clock.instant())))
                    .compose(recorded -> switch (action) {
                        case PAUSE -> actions.pause(agent.phoneInterface(), true, reason);
                        case RESUME -> actions.pause(agent.phoneInterface(), false, null);
                        case LOGOUT -> actions.logout(agent.phoneInterface());
                    }));
        });
    }

    /** Each agent's latest intervention since {@code from}, by agent user id: action, reason, by (user id), at. */
    Future<Map<Long, JsonObject>> latestSince(Instant from) {
        return pool.preparedQuery(SwitchboardSql.LATEST_INTERVENTIONS).execute(Tuple.of(SqlTime.param(from)))
                .map(rows -> {
                    Map<Long, JsonObject> latest = new HashMap<>();
                    rows.forEach(row -> latest.put(row.getLong("agent_user_id"), new JsonObject()
                            .put("action", row.getString("action")).put("reason", row.getString("reason"))
                            .put("byUserId", row.getLong("by_user_id"))
                            .put("at", SqlTime.instant(row, "at").toString())));
                    return latest;
                });
    }
}
