package hotline.auth.internal;

import hotline.auth.Session;
import hotline.auth.SessionService;
import hotline.auth.UserService;
import hotline.store.SqlTime;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.time.Clock;
import java.time.Instant;

/**
 * Logging in: refuses at once while the user name or the client address has too many recent failures
 * ({@link LoginLimits}; counted in the database, so every server instance shares them), otherwise checks the
 * password, records a failure or opens a session. A blocked attempt checks no password and is not recorded, so a
 * blocked guesser neither learns anything nor extends the block; a success clears no failures (they age out), so
 * one good account cannot reset the count of an address. Returns {@link Future}s; callable from any thread.
 */
public final class LoginService {

    private final Pool pool;
    private final Clock clock;
    private final LoginLimits limits;
    private final UserService users;
    private final SessionService sessions;

    public LoginService(Pool pool, Clock clock, LoginLimits limits, UserService users, SessionService sessions) {
        this.pool = pool;
        this.clock = clock;
        this.limits = limits;
        this.users = users;
        this.sessions = sessions;
    }

    /** A new session, or a failed future with a {@link LoginRefusedException} (401 or 429). */
    public Future<Session> login(String username, String password, String address) {
        Instant now = clock.instant();
        return pool.preparedQuery(AuthSql.LOGIN_FAILURE_MARKS)
                .execute(Tuple.of(username, address, SqlTime.param(limits.windowStart(now)), limits.perUsername() - 1,
                        limits.perAddress() - 1))
                .compose(rows -> {
                    Row row = rows.iterator().next();
                    var wait = limits.retryAfter(SqlTime.instant(row, "username_mark"),
                            SqlTime.instant(row, "address_mark"), now);
                    if (wait.isPresent()) {
                        return Future.failedFuture(LoginRefusedException.throttled(wait.get()));
                    }
                    return users.verifyPassword(username, password).compose(user -> user.isPresent()
                            ? sessions.open(user.get())
                            : recordFailure(username, address).compose(recorded ->
                            Future.failedFuture(LoginRefusedException.wrongCredentials())));
                });
    }

    /** Deletes failures that no longer count; returns how many. */
    public Future<Integer> purgeOld() {
        return pool.preparedQuery(AuthSql.DELETE_OLD_LOGIN_FAILURES)
                .execute(Tuple.of(SqlTime.param(limits.windowStart(clock.instant()))))
                .map(rows -> rows.rowCount());
    }

    private Future<Void> recordFailure(String username, String address) {
        return pool.preparedQuery(AuthSql.INSERT_LOGIN_FAILURE)
                .execute(Tuple.of(username, address, SqlTime.param(clock.instant())))
                .mapEmpty();
    }
}
