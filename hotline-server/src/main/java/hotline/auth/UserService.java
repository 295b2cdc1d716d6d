package hotline.auth;

import hotline.auth.internal.AuthSql;
import hotline.auth.internal.PasswordHasher;
import hotline.common.Code;
import hotline.common.ConflictException;
import hotline.common.NotFoundException;
import hotline.store.SqlTime;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Users: creating, finding, changing and checking passwords. Password hashing runs on Vert.x worker threads; every
 * method returns at once with a {@link Future} and may be called from any thread. Thread-safe.
 */
public final class UserService {

    /**
     * Event-bus address told {@code {"userId": n}} (published, so every instance hears it on a clustered bus) when a
     * change ended a user's sessions: deactivation or a password reset. Instances forget the user's cached tokens, and
     * live streams of that user close.
     */
    public static final String SESSIONS_ENDED = "hotline.auth.sessionsEnded";
    private static final String UNIQUE_VIOLATION = "23505";

    private final Vertx vertx;
    private final Pool pool;
    private final Clock clock;
    private final PasswordHasher hasher;
    private final SessionService sessions;

    public UserService(Vertx vertx, Pool pool, Clock clock, PasswordHasher hasher, SessionService sessions) {
        this.vertx = vertx;
        this.pool = pool;
        this.clock = clock;
        this.hasher = hasher;
        this.sessions = sessions;
    }

    /**
     * Creates the user after checking the {@link PasswordPolicy} (failing with an invalid-input error on
     * {@code password}); fails with
     * {@link ConflictException} when the user name or the phone is taken.
     */
    public Future<User> create(NewUser user) {
        return checkedHash(user.password(), user.username(), user.displayName())
                .compose(hash -> pool.preparedQuery(AuthSql.INSERT_USER).execute(insertTuple(user, hash)))
                .map(rows -> toUser(rows.iterator().next()))
                .recover(UserService::explainConflict);
    }

    /**
     * Creates the user unless one of that name exists (of any role); true when it was created. For accounts made at
     * start-up from settings: the caller applies the password rule it wants. A phone already taken fails it.
     */
    public Future<Boolean> createIfAbsent(NewUser user) {
        return findByUsername(user.username()).compose(existing -> existing.isPresent()
                ? Future.succeededFuture(false)
                : hash(user.password())
                .compose(hash -> pool.preparedQuery(AuthSql.INSERT_USER_IF_ABSENT).execute(insertTuple(user, hash)))
                .map(rows -> rows.rowCount() == 1));
    }

    public Future<Optional<User>> find(long id) {
        return pool.preparedQuery(AuthSql.USER_BY_ID).execute(Tuple.of(id)).map(UserService::first);
    }

    public Future<Optional<User>> findByUsername(String username) {
        return pool.preparedQuery(AuthSql.USER_WITH_HASH_BY_USERNAME).execute(Tuple.of(username))
                .map(UserService::first);
    }

    /** The user whose phone is {@code phoneInterface} ({@code PJSIP/1001}), active or not. */
    public Future<Optional<User>> findByPhoneInterface(String phoneInterface) {
        return pool.preparedQuery(AuthSql.USER_BY_PHONE_INTERFACE).execute(Tuple.of(phoneInterface))
                .map(UserService::first);
    }

    /** Every user, by user name (a hotline has tens to hundreds). */
    public Future<List<User>> list() {
        return pool.query(AuthSql.ALL_USERS).execute().map(rows -> {
            List<User> users = new ArrayList<>(rows.size());
            rows.forEach(row -> users.add(toUser(row)));
            return users;
        });
    }

    /**
     * Applies {@code changes}. Deactivating a user or resetting the password ends the user's sessions (and says so on
     * {@link #SESSIONS_ENDED}); any change reaches the user's next request on this instance at once. Fails with {@link NotFoundException} for an unknown
     * id and with {@link ConflictException} when the phone is another user's or no active admin would remain.
     */
    public Future<User> update(long id, UserChanges changes) {
        Future<Optional<String>> newHash = changes.password().isPresent()
                ? find(id).compose(user -> user.isEmpty()
                        ? Future.failedFuture(new NotFoundException("no user " + id))
                        : checkedHash(changes.password().get(), user.get().username(), user.get().displayName()))
                .map(Optional::of)
                : Future.succeededFuture(Optional.empty());
        return newHash.compose(hash -> pool.withTransaction(conn -> conn.query(AuthSql.LOCK_ACTIVE_ADMINS).execute()
                        .compose(locked -> conn.preparedQuery(AuthSql.UPDATE_USER).execute(Tuple.from(new Object[]{
                                id,
                                changes.displayName().orElse(null),
                                changes.role().map(Role::code).orElse(null),
                                changes.active().orElse(null),
                                hash.orElse(null),
                                changes.phoneInterface().isPresent(),
                                changes.phoneInterface().flatMap(phone -> phone).orElse(null)})))
                        .compose(rows -> {
                            if (rows.size() == 0) {
                                return Future.failedFuture(new NotFoundException("no user " + id));
                            }
                            return afterUpdate(conn, toUser(rows.iterator().next()), changes);
                        })))
                .onSuccess(user -> {
                    sessions.forgetUser(id);
                    if (changes.revokesSessions()) {
                        vertx.eventBus().publish(SESSIONS_ENDED, new JsonObject().put("userId", id));
                    }
                })
                .recover(UserService::explainConflict);
    }

    private Future<User> afterUpdate(SqlConnection conn, User user, UserChanges changes) {
        return conn.query(AuthSql.ADMIN_EXISTS).execute().compose(admins -> {
            if (!admins.iterator().next().getBoolean(0)) {
                return Future.failedFuture(new ConflictException("this would leave no active admin",
                        Map.of("field", changes.role().isPresent() ? "role" : "active")));
            }
            return changes.revokesSessions()
                    ? conn.preparedQuery(AuthSql.DELETE_USER_SESSIONS).execute(Tuple.of(user.id())).map(user)
                    : Future.succeededFuture(user);
        });
    }

    /**
     * The active user with this user name and password, or empty. Takes the time of one hash check whether or not the
     * user exists, so the answer time does not reveal user names.
     */
    public Future<Optional<User>> verifyPassword(String username, String password) {
        return pool.preparedQuery(AuthSql.USER_WITH_HASH_BY_USERNAME).execute(Tuple.of(username)).compose(rows -> {
            Row row = rows.size() == 0 ? null : rows.iterator().next();
            String hash = row == null ? null : row.getString("password_hash");
            return vertx.executeBlocking(() -> hasher.matches(password, hash), false)
                    .map(matches -> matches ? Optional.of(toUser(row)).filter(User::active) : Optional.<User>empty());
        });
    }

    /** Whether an active admin exists. */
    public Future<Boolean> adminExists() {
        return pool.query(AuthSql.ADMIN_EXISTS).execute().map(rows -> rows.iterator().next().getBoolean(0));
    }

    private Future<String> hash(String password) {
        return vertx.executeBlocking(() -> hasher.hash(password), false);
    }

    /** The {@link PasswordPolicy} and the hash, both on a worker. */
    private Future<String> checkedHash(String password, String... names) {
        return vertx.executeBlocking(() -> {
            PasswordPolicy.check(password, names);
            return hasher.hash(password);
        }, false);
    }

    /**
     * A password made up for a user of these names (a new account or a reset the admin hands over once), drawn on a
     * worker: random, about 79 bits, and passing the {@link PasswordPolicy}.
     */
    public Future<String> temporaryPassword(String... names) {
        return vertx.executeBlocking(() -> TemporaryPasswords.generate(names), false);
    }

    /** Checks the {@link PasswordPolicy} on a worker (for accounts made from settings). */
    public Future<Void> checkPassword(String password, String... names) {
        return vertx.executeBlocking(() -> {
            PasswordPolicy.check(password, names);
            return null;
        }, false);
    }

    private Tuple insertTuple(NewUser user, String hash) {
        return Tuple.of(user.username(), user.displayName(), user.role().code(), hash, SqlTime.param(clock.instant()),
                user.phoneInterface());
    }

    private static <T> Future<T> explainConflict(Throwable failure) {
        if (failure instanceof PgException e && UNIQUE_VIOLATION.equals(e.getSqlState())) {
            boolean phone = e.getConstraint() != null && e.getConstraint().contains("phone_interface");
            return Future.failedFuture(new ConflictException(
                    phone ? "the phone is another user's" : "the user name is taken",
                    Map.of("field", phone ? "phoneInterface" : "username")));
        }
        return Future.failedFuture(failure);
    }

    private static Optional<User> first(RowSet<Row> rows) {
        return rows.size() == 0 ? Optional.empty() : Optional.of(toUser(rows.iterator().next()));
    }

    private static User toUser(Row row) {
        return new User(row.getLong("id"), row.getString("username"), row.getString("display_name"),
                Code.parse(Role.class, row.getString("role")).orElseThrow(),
                row.getString("phone_interface"), row.getBoolean("active"),
                SqlTime.instant(row, "created_at"));
    }
}
