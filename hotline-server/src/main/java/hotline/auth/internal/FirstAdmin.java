package hotline.auth.internal;

import hotline.auth.NewUser;
import hotline.auth.PasswordPolicy;
import hotline.auth.Role;
import hotline.auth.UserService;
import hotline.common.InvalidInputException;
import hotline.config.Config;
import hotline.config.ConfigException;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first admin of a new installation: when no active admin exists and setting {@value #ADMIN_PASSWORD}
 * ({@code HOTLINE_ADMIN_PASSWORD}) is set, user {@code admin} is created with that password; without the setting
 * a warning says how to create one. There is no default password. The password is never logged.
 */
public final class FirstAdmin {

    public static final String ADMIN_PASSWORD = "admin.password";
    public static final String USERNAME = "admin";

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private FirstAdmin() {
    }

    public static Future<Void> ensure(Config config, UserService users) {
        return users.adminExists().compose(exists -> {
            if (exists) {
                return Future.succeededFuture();
            }
            var password = config.string(ADMIN_PASSWORD);
            if (password.isEmpty()) {
                log.warn("No admin user exists and nobody can manage users. Set {} (setting {}) to a password of at "
                        + "least {} characters that is hard to guess and restart: user '{}' is then created with it.",
                        Config.envName(ADMIN_PASSWORD), ADMIN_PASSWORD, PasswordPolicy.MIN_LENGTH, USERNAME);
                return Future.succeededFuture();
            }
            NewUser admin = new NewUser(USERNAME, "Administrator", Role.ADMIN, password.get());
            return users.checkPassword(password.get(), USERNAME, admin.displayName())
                    .recover(weak -> Future.failedFuture(weak instanceof InvalidInputException invalid
                            ? new ConfigException("setting " + ADMIN_PASSWORD + " (" + Config.envName(ADMIN_PASSWORD)
                            + "): the password " + invalid.getMessage()) : weak))
                    .compose(strong -> users.createIfAbsent(admin))
                    .map(created -> {
                        if (created) {
                            log.info("Created user '{}' with the password of {}", USERNAME,
                                    Config.envName(ADMIN_PASSWORD));
                        } else {
                            log.warn("No active admin exists, but user '{}' does; {} was not applied to it",
                                    USERNAME, Config.envName(ADMIN_PASSWORD));
                        }
                        return null;
                    });
        });
    }
}
