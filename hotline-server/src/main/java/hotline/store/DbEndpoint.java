package hotline.store;

import io.vertx.pgclient.PgConnectOptions;

/**
 * Where the database is and how to log in. The password never appears in {@link #toString()}.
 */
public record DbEndpoint(String host, int port, String database, String user, String password) {

    /** Parses a {@code postgresql://user:password@host:port/database} URL, as {@code HOTLINE_DB_URL} gives it. */
    public static DbEndpoint fromUrl(String url) {
        PgConnectOptions options;
        try {
            options = PgConnectOptions.fromUri(url.startsWith("jdbc:") ? url.substring(5) : url);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a postgresql://user:password@host:port/database URL");
        }
        return new DbEndpoint(options.getHost(), options.getPort(), options.getDatabase(), options.getUser(),
                options.getPassword());
    }

    public DbEndpoint withDatabase(String otherDatabase) {
        return new DbEndpoint(host, port, otherDatabase, user, password);
    }

    /** The URL {@link #fromUrl} reads, password included: for a child process's {@code HOTLINE_DB_URL}, never a log. */
    public String url() {
        return "postgresql://" + user + ":" + password + "@" + host + ":" + port + "/" + database;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public PgConnectOptions connectOptions() {
        return new PgConnectOptions()
                .setHost(host)
                .setPort(port)
                .setDatabase(database)
                .setUser(user)
                .setPassword(password)
                .setCachePreparedStatements(true)
                .setPipeliningLimit(256);
    }

    @Override
    public String toString() {
        return user + "@" + host + ":" + port + "/" + database;
    }
}
