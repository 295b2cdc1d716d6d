package hotline.auth;

import hotline.config.Config;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * The demo accounts {@code admin}, {@code supervisor1}, {@code agent1}, {@code agent2}, all with the password of
 * setting {@value #DEMO_PASSWORD} ({@code HOTLINE_DEMO_PASSWORD}, default {@value #DEFAULT_PASSWORD}). Existing
 * users are left as they are, so calling it again (every {@code --demo} start) changes nothing. Only for demos: the
 * default password is public.
 */
public final class DemoUsers {

    public static final String DEMO_PASSWORD = "demo.password";
    public static final String DEFAULT_PASSWORD = "demo";
    private static final List<Account> ACCOUNTS = List.of(
            new Account("admin", "管理员 Admin", Role.ADMIN, null),
            new Account("supervisor1", "王班长 Supervisor Wang", Role.SUPERVISOR, null),
            new Account("agent1", "李小红 Agent Li", Role.AGENT, "PJSIP/agent1"),
            new Account("agent2", "张明 Agent Zhang", Role.AGENT, "PJSIP/agent2"));

    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    /** {@code phone}: the agent's phone as in ivr-scripts/pjsip_agents.conf.sample, so a demo call can ring it. */
    private record Account(String username, String displayName, Role role, String phone) {
    }

    private DemoUsers() {
    }

    /** Creates the missing demo users; completes when all exist. */
    public static Future<Void> create(Config config, UserService users) {
        String password = config.string(DEMO_PASSWORD, DEFAULT_PASSWORD);
        return Future.all(ACCOUNTS.stream()
                        .map(account -> users.createIfAbsent(
                                new NewUser(account.username(), account.displayName(), account.role(), password,
                                        account.phone())))
                        .toList())
                .onSuccess(done -> log.info("demo users admin, supervisor1, agent1, agent2 with password from "
                        + "HOTLINE_DEMO_PASSWORD (default '{}')", DEFAULT_PASSWORD))
                .mapEmpty();
    }
}
