package hotline.auth.internal;

/** Every SQL statement of the auth capability; parameters are {@code $n} placeholders, never built from input. */
public final class AuthSql {

    private AuthSql() {
    }

    private static final String USER_COLUMNS =
            "id, username, display_name, role, phone_interface, active, created_at";

    public static final String INSERT_USER = """
            INSERT INTO users (username, display_name, role, password_hash, created_at, phone_interface)
            VALUES ($1, $2, $3, $4, $5, $6)
            RETURNING\s""" + USER_COLUMNS;

    public static final String INSERT_USER_IF_ABSENT = """
            INSERT INTO users (username, display_name, role, password_hash, created_at, phone_interface)
            VALUES ($1, $2, $3, $4, $5, $6)
            ON CONFLICT (username) DO NOTHING""";

    public static final String USER_BY_ID = "SELECT " + USER_COLUMNS + " FROM users WHERE id = $1";

    public static final String USER_WITH_HASH_BY_USERNAME =
            "SELECT " + USER_COLUMNS + ", password_hash FROM users WHERE username = $1";

    public static final String USER_BY_PHONE_INTERFACE =
            "SELECT " + USER_COLUMNS + " FROM users WHERE phone_interface = $1";

    public static final String ALL_USERS = "SELECT " + USER_COLUMNS + " FROM users ORDER BY username";

    /** $1 id; each of $2..$5 null leaves its column; $6 says whether to set phone_interface to $7. */
    public static final String UPDATE_USER = """
            UPDATE users SET
              display_name = COALESCE($2, display_name),
              role = COALESCE($3, role),
              active = COALESCE($4, active),
              password_hash = COALESCE($5, password_hash),
              phone_interface = CASE WHEN $6::boolean THEN $7::text ELSE phone_interface END
            WHERE id = $1
            RETURNING\s""" + USER_COLUMNS;

    /** Taken before a change of role or activity, so two admins cannot demote each other at the same time. */
    public static final String LOCK_ACTIVE_ADMINS =
            "SELECT id FROM users WHERE role = 'admin' AND active ORDER BY id FOR UPDATE";

    public static final String ADMIN_EXISTS = "SELECT EXISTS (SELECT 1 FROM users WHERE role = 'admin' AND active)";

    public static final String INSERT_SESSION = """
            INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)""";

    /** The live session of a token with its active user. */
    public static final String SESSION_PRINCIPAL = """
            SELECT u.id, u.username, u.display_name, u.role, s.expires_at
            FROM sessions s JOIN users u ON u.id = s.user_id
            WHERE s.token_hash = $1 AND s.expires_at > $2 AND u.active""";

    public static final String DELETE_SESSION = "DELETE FROM sessions WHERE token_hash = $1";

    public static final String DELETE_EXPIRED_SESSIONS = "DELETE FROM sessions WHERE expires_at <= $1";

    public static final String DELETE_USER_SESSIONS = "DELETE FROM sessions WHERE user_id = $1";

    /** A failure of $1 from $2 at $3, marked {@code known} when $2 is a known address of $1 (a success after $4). */
    public static final String INSERT_LOGIN_FAILURE = """
            INSERT INTO login_failures (username, address, at, known)
            VALUES ($1, $2, $3, EXISTS (SELECT 1 FROM login_addresses
                                        WHERE username = $1 AND address = $2 AND last_success_at > $4))""";

    /**
     * For user name $1 at address $2, failures after $3 and known addresses after $4: whether the address is known,
     * the pair's failures and the newest of them, the n-th newest failure of the user name from unknown addresses
     * ($5 = n - 1) and of the address for user names not knowing it ($6 = n - 1), null when there are fewer.
     */
    public static final String LOGIN_HISTORY = """
            SELECT
              EXISTS (SELECT 1 FROM login_addresses WHERE username = $1 AND address = $2 AND last_success_at > $4)
                AS known,
              (SELECT count(*)::int FROM login_failures WHERE username = $1 AND address = $2 AND at > $3)
                AS pair_failures,
              (SELECT max(at) FROM login_failures WHERE username = $1 AND address = $2 AND at > $3) AS pair_last,
              (SELECT at FROM login_failures WHERE username = $1 AND NOT known AND at > $3
                ORDER BY at DESC OFFSET $5 LIMIT 1) AS username_mark,
              (SELECT at FROM login_failures WHERE address = $2 AND NOT known AND at > $3
                ORDER BY at DESC OFFSET $6 LIMIT 1) AS address_mark""";

    public static final String REMEMBER_KNOWN_ADDRESS = """
            INSERT INTO login_addresses (username, address, last_success_at) VALUES ($1, $2, $3)
            ON CONFLICT (username, address) DO UPDATE SET last_success_at = EXCLUDED.last_success_at""";

    public static final String FORGIVE_PAIR_FAILURES =
            "DELETE FROM login_failures WHERE username = $1 AND address = $2";

    public static final String DELETE_OLD_KNOWN_ADDRESSES = "DELETE FROM login_addresses WHERE last_success_at <= $1";

    public static final String DELETE_OLD_LOGIN_FAILURES = "DELETE FROM login_failures WHERE at <= $1";
}
