package hotline.auth;

import hotline.auth.internal.AuthSql;
import hotline.common.Code;
import hotline.common.ConflictException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

/**
 * Users: creating, finding and checking passwords. Password hashing runs on Vert.x worker threads; every method
 * returns at once with a {@link Future} and may be called from any thread. Thread-safe.
 */
public final class UserService {

    private static final String UNIQUE_VIOLATION = "23505";

    private final Vertx vertx;
    private final Pool pool;
    private final Clock clock;
    private final PasswordHasher hasher;

    public UserService(Vertx vertx, Pool pool, Clock clock, PasswordHasher hasher) {
        this.vertx = vertx;
        this.pool = pool;
        this.clock = clock;
        this.hasher = hasher;
    }

    /** Creates the user; fails with {@link ConflictException} when the user name is taken. */
    public Future<User> create(NewUser user) {
        return hash(user.password())
                .compose(hash -> pool.preparedQuery(AuthSql.INSERT_USER).execute(insertTuple(user, hash)))
                .map(rows -> toUser(rows.iterator().next()))
                .recover(failure -> failure instanceof PgException e && UNIQUE_VIOLATION.equals(e.getSqlState())
                        ? Future.failedFuture(new ConflictException("the user name is taken",
                        Map.of("field", "username")))
                        : Future.failedFuture(failure));
    }

    /** Creates the user unless one of that name exists (of any role); true when it was created. */
    public Future<Boolean> createIfAbsent(NewUser user) {
        return findByUsername(user.username()).compose(existing -> existing.isPresent()
                ? Future.succeededFuture(false)
                : hash(user.password())
                .compose(hash -> pool.preparedQuery(AuthSql.INSERT_USER_IF_ABSENT).execute(insertTuple(user, hash)))
                .map(rows -> rows.rowCount() == 1));
    }

    public Future<Optional<User>> find(long id) {
        return pool.preparedQuery(AuthSql.USER_BY_ID).execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toUser(rows.iterator().next())));
    }

    public Future<Optional<User>> findByUsername(String username) {
        return pool.preparedQuery(AuthSql.USER_WITH_HASH_BY_USERNAME).execute(Tuple.of(username))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toUser(rows.iterator().next())));
    }

    /**
     * The active user with this user name and password, or empty. Takes the time of one hash check whether or not the
     * user exists, so the answer time does not reveal user names.
     */
    public Future<Optional<User>> verifyPassword(String username, String password) {
        return pool.preparedQuery(AuthSql.USER_WITH_HASH_BY_USERNAME).execute(Tuple.of(username)).compose(rows -> {
            Row row = rows.size() == 0 ? null : rows.iterator().next();
            String hash = row == null ? null : row.getString("password_hash");
            return vertx.executeBlocking(() -> hasher.matches(password, hash), false).map(matches -> {
                if (!matches) {
                    return Optional.<User>empty();
                }
                User user = toUser(row);
                return user.active() ? Optional.of(user) : Optional.<User>empty();
            });
        });
    }

    /** Whether an active admin exists. */
    public Future<Boolean> adminExists() {
        return pool.query(AuthSql.ADMIN_EXISTS).execute().map(rows -> rows.iterator().next().getBoolean(0));
    }

    private Future<String> hash(String password) {
        return vertx.executeBlocking(() -> hasher.hash(password), false);
    }

    private Tuple insertTuple(NewUser user, String hash) {
        return Tuple.of(user.username(), user.displayName(), user.role().code(), hash,
                OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
    }

    static User toUser(Row row) {
        return new User(row.getLong("id"), row.getString("username"), row.getString("display_name"),
                Code.parse(Role.class, row.getString("role")).orElseThrow(),
                row.getString("phone_interface"), row.getBoolean("active"),
                row.getOffsetDateTime("created_at").toInstant());
    }
}
