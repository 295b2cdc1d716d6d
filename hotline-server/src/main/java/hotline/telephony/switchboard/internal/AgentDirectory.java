package hotline.telephony.switchboard.internal;

import hotline.auth.User;
import hotline.auth.UserService;
import io.vertx.core.Future;

import java.util.HashMap;
import java.util.Map;

/**
 * Which active user sits at which phone ({@link User#phoneInterface()}, e.g. {@code PJSIP/agent1}), held in memory so
 * a screen pop needs no query; reloaded from the {@link UserService} periodically and when an unknown interface shows
 * up. Used on one event loop.
 */
final class AgentDirectory {

    /** An agent as the screen pop addresses them. */
    record Agent(long userId, String username) {
    }

    private final UserService users;
    private volatile Map<String, Agent> byInterface = Map.of();

    AgentDirectory(UserService users) {
        this.users = users;
    }

    Agent find(String phoneInterface) {
        return phoneInterface == null ? null : byInterface.get(phoneInterface);
    }

    Future<Void> reload() {
        return users.list().map(all -> {
            Map<String, Agent> map = new HashMap<>();
            for (User user : all) {
                if (user.active() && user.phoneInterface() != null) {
                    map.put(user.phoneInterface(), new Agent(user.id(), user.username()));
                }
            }
            byInterface = Map.copyOf(map);
            return null;
        });
    }
}
