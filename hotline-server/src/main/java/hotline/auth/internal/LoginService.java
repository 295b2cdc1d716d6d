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
 * Logging in: asks {@link LoginLimits} whether the attempt must wait (from failures and known addresses kept in the
 * database, so every server instance agrees), otherwise checks the password, then records a failure or opens a
 * session. A refused attempt checks no password and is not recorded, so a blocked guesser learns nothing and does
 * not extend the block. A success makes the address known for that user and forgives that pair's failures, but
 * clears no count of other user names or addresses. Returns {@link Future}s; callable from any thread.
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
        return pool.preparedQuery(AuthSql.LOGIN_HISTORY)
                .execute(Tuple.of(username, address, SqlTime.param(limits.windowStart(now)),
                        SqlTime.param(limits.knownSince(now)), limits.perUsername() - 1, limits.perAddress() - 1))
                .compose(rows -> {
                    var wait = limits.retryAfter(history(rows.iterator().next()), now);
                    if (wait.isPresent()) {
                        return Future.failedFuture(LoginRefusedException.throttled(wait.get()));
                    }
                    return users.verifyPassword(username, password).compose(user -> user.isPresent()
                            ? remember(username, address).compose(known -> sessions.open(user.get()))
                            : recordFailure(username, address).compose(recorded ->
                            Future.failedFuture(LoginRefusedException.wrongCredentials())));
                });
    }

    /** Deletes failures that no longer count and addresses no longer known; returns how many rows went. */
    public Future<Integer> purgeOld() {
        Instant now = clock.instant();
        return pool.preparedQuery(AuthSql.DELETE_OLD_LOGIN_FAILURES)
                .execute(Tuple.of(SqlTime.param(limits.windowStart(now))))
                .compose(failures -> pool.preparedQuery(AuthSql.DELETE_OLD_KNOWN_ADDRESSES)
                        .execute(Tuple.of(SqlTime.param(limits.knownSince(now))))
                        .map(addresses -> failures.rowCount() + addresses.rowCount()));
    }

    private static LoginLimits.History history(Row row) {
        return new LoginLimits.History(row.getBoolean("known"), row.getInteger("pair_failures"),
                SqlTime.instant(row, "pair_last"), SqlTime.instant(row, "username_mark"),
                SqlTime.instant(row, "address_mark"));
    }

    private Future<Void> remember(String username, String address) {
        return pool.withTransaction(conn -> conn.preparedQuery(AuthSql.REMEMBER_KNOWN_ADDRESS)
                .execute(Tuple.of(username, address, SqlTime.param(clock.instant())))
                .compose(known -> conn.preparedQuery(AuthSql.FORGIVE_PAIR_FAILURES)
                        .execute(Tuple.of(username, address))))
                .mapEmpty();
    }

    private Future<Void> recordFailure(String username, String address) {
        Instant now = clock.instant();
        return pool.preparedQuery(AuthSql.INSERT_LOGIN_FAILURE)
                .execute(Tuple.of(username, address, SqlTime.param(now), SqlTime.param(limits.knownSince(now))))
                .mapEmpty();
    }
}
