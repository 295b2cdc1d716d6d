package hotline.testing;

import hotline.store.DbEndpoint;
import hotline.store.EmbeddedPostgres;
import hotline.store.Migrations;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real PostgreSQL of the tests: one embedded server per test JVM (in {@code target/test-var}), a template
 * database migrated once per run, and a {@link #fresh() fresh database} cloned from it for each test class that wants
 * isolation (a clone takes tens of milliseconds).
 */
public final class TestDatabase {

    private static final String TEMPLATE = "hotline_template";
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static DbEndpoint server;

    private TestDatabase() {
    }

    /** A new, migrated, empty database of its own. */
    public static synchronized DbEndpoint fresh() {
        DbEndpoint admin = server().withDatabase("postgres");
        String name = "test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        execute(admin, "CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
        return admin.withDatabase(name);
    }

    public static synchronized DbEndpoint server() {
        if (server == null) {
            Path dataDir = Path.of(System.getProperty("hotline.test.dataDir", "target/test-var"));
            EmbeddedPostgres postgres = EmbeddedPostgres.start(dataDir);
            Runtime.getRuntime().addShutdownHook(new Thread(postgres::close));
            DbEndpoint admin = postgres.endpoint().withDatabase("postgres");
            dropLeftovers(admin);
            execute(admin, "CREATE DATABASE " + TEMPLATE);
            Migrations.run(admin.withDatabase(TEMPLATE));
            server = admin;
        }
        return server;
    }

    private static void dropLeftovers(DbEndpoint admin) {
        try (var connection = DriverManager.getConnection(admin.jdbcUrl(), admin.user(), admin.password());
             var statement = connection.createStatement();
             var names = statement.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'test\\_%' "
                     + "OR datname = '" + TEMPLATE + "'")) {
            var drop = connection.createStatement();
            while (names.next()) {
                drop.execute("DROP DATABASE IF EXISTS " + names.getString(1) + " WITH (FORCE)");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void execute(DbEndpoint endpoint, String sql) {
        try (var connection = DriverManager.getConnection(endpoint.jdbcUrl(), endpoint.user(), endpoint.password());
             var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
