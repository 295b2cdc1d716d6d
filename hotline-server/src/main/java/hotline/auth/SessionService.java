package hotline.auth;

import hotline.auth.internal.AuthSql;
import hotline.auth.internal.SessionToken;
import hotline.auth.internal.TokenCache;
import hotline.common.Code;
import hotline.store.SqlTime;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Log-in sessions: opening one for a user whose password was checked, resolving a presented token to its
 * {@link Principal} (through a {@link TokenCache}), and closing one. Sessions last {@code sessionLength}
 * (setting {@value #SESSION_HOURS}, default 12 hours). Returns {@link Future}s; callable from any thread.
 */
public final class SessionService {

    public static final String SESSION_HOURS = "auth.sessionHours";
    public static final String CACHE_SECONDS = "auth.tokenCacheSeconds";

    private final Pool pool;
    private final Clock clock;
    private final Duration sessionLength;
    private final TokenCache cache;

    public SessionService(Pool pool, Clock clock, Duration sessionLength, TokenCache cache) {
        this.pool = pool;
        this.clock = clock;
        this.sessionLength = sessionLength;
        this.cache = cache;
    }

    public Duration sessionLength() {
        return sessionLength;
    }

    /** Opens a session for {@code user} (whose password the caller has checked). */
    public Future<Session> open(User user) {
        String token = SessionToken.generate();
        Instant now = clock.instant();
        Instant expires = now.plus(sessionLength);
        return pool.preparedQuery(AuthSql.INSERT_SESSION)
                .execute(Tuple.of(SessionToken.hash(token), user.id(), SqlTime.param(now), SqlTime.param(expires)))
                .map(rows -> new Session(token, user, expires));
    }

    /** The principal of a live session of an active user, or empty for an unknown, expired or malformed token. */
    public Future<Optional<Principal>> authenticate(String token) {
        if (!SessionToken.wellFormed(token)) {
            return Future.succeededFuture(Optional.empty());
        }
        String tokenHash = SessionToken.hash(token);
        Instant now = clock.instant();
        Optional<Principal> cached = cache.get(tokenHash, now);
        if (cached.isPresent()) {
            return Future.succeededFuture(cached);
        }
        Tuple params = Tuple.of(tokenHash, SqlTime.param(now));
        return pool.preparedQuery(AuthSql.SESSION_PRINCIPAL).execute(params).map(rows -> {
            if (rows.size() == 0) {
                return Optional.empty();
            }
            Row row = rows.iterator().next();
            Principal principal = new Principal(row.getLong("id"), row.getString("username"),
                    row.getString("display_name"), Code.parse(Role.class, row.getString("role")).orElseThrow());
            cache.put(tokenHash, principal, SqlTime.instant(row, "expires_at"), now);
            return Optional.of(principal);
        });
    }

    /** Ends the session of {@code token} (no error when there is none). */
    public Future<Void> close(String token) {
        if (!SessionToken.wellFormed(token)) {
            return Future.succeededFuture();
        }
        String tokenHash = SessionToken.hash(token);
        cache.remove(tokenHash);
        return pool.preparedQuery(AuthSql.DELETE_SESSION).execute(Tuple.of(tokenHash)).mapEmpty();
    }

    /**
     * Makes this instance re-read the sessions of a changed user on their next request (other instances within the
     * token cache time).
     */
    public void forgetUser(long userId) {
        cache.removeUser(userId);
    }

    /** Deletes sessions past their expiry; returns how many. */
    public Future<Integer> purgeExpired() {
        return pool.preparedQuery(AuthSql.DELETE_EXPIRED_SESSIONS).execute(Tuple.of(SqlTime.param(clock.instant())))
                .map(rows -> rows.rowCount());
    }
}
