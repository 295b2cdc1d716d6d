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

    public static final String INSERT_LOGIN_FAILURE =
            "INSERT INTO login_failures (username, address, at) VALUES ($1, $2, $3)";

    /**
     * For the user name ($1) and the address ($2): the time of the n-th newest failure ($4 = n - 1) after $3, or
     * null when there are fewer; while it is inside the window, n failures are.
     */
    public static final String LOGIN_FAILURE_MARKS = """
            SELECT
              (SELECT at FROM login_failures WHERE username = $1 AND at > $3 ORDER BY at DESC OFFSET $4 LIMIT 1)
                AS username_mark,
              (SELECT at FROM login_failures WHERE address = $2 AND at > $3 ORDER BY at DESC OFFSET $5 LIMIT 1)
                AS address_mark""";

    public static final String DELETE_OLD_LOGIN_FAILURES = "DELETE FROM login_failures WHERE at <= $1";
}
