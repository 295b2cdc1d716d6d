package hotline.telephony.switchboard.internal;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;

import java.util.HashMap;
import java.util.Map;

/**
 * Which user sits at which phone ({@code users.phone_interface}, e.g. {@code PJSIP/agent1}), held in memory so a
 * screen pop needs no query; reloaded periodically and when an unknown interface shows up. Used on one event loop.
 */
final class AgentDirectory {

    /** An agent as the screen pop addresses them. */
    record Agent(long userId, String username) {
    }

    private final Pool pool;
    private volatile Map<String, Agent> byInterface = Map.of();

    AgentDirectory(Pool pool) {
        this.pool = pool;
    }

    Agent find(String phoneInterface) {
        return phoneInterface == null ? null : byInterface.get(phoneInterface);
    }

    Future<Void> reload() {
        return pool.query(SwitchboardSql.AGENTS_BY_INTERFACE).execute().map(rows -> {
            Map<String, Agent> map = new HashMap<>();
            for (Row row : rows) {
                map.put(row.getString("phone_interface"), new Agent(row.getLong("id"), row.getString("username")));
            }
            byInterface = Map.copyOf(map);
            return null;
        });
    }
}
