package hotline.auth.internal;

/** Every SQL statement of the auth capability; parameters are {@code $n} placeholders, never built from input. */
public final class AuthSql {

    private AuthSql() {
    }

    private static final String USER_COLUMNS =
            "id, username, display_name, role, phone_interface, active, created_at";

    public static final String INSERT_USER = """
            INSERT INTO users (username, display_name, role, password_hash, created_at)
            VALUES ($1, $2, $3, $4, $5)
            RETURNING\s""" + USER_COLUMNS;

    public static final String INSERT_USER_IF_ABSENT = """
            INSERT INTO users (username, display_name, role, password_hash, created_at)
            VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (username) DO NOTHING""";

    public static final String USER_BY_ID = "SELECT " + USER_COLUMNS + " FROM users WHERE id = $1";

    public static final String USER_WITH_HASH_BY_USERNAME =
            "SELECT " + USER_COLUMNS + ", password_hash FROM users WHERE username = $1";

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
}
