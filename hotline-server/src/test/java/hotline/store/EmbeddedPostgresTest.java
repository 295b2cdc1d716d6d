package hotline.store;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedPostgresTest {

    private static Path dataDir(String name) throws Exception {
        Path base = Path.of(System.getProperty("hotline.test.dataDir", "target/test-var")).getParent()
                .resolve("embedded-postgres-test").resolve(name);
        if (Files.exists(base)) {
            try (var paths = Files.walk(base)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        Files.createDirectories(base);
        return base;
    }

    private static void sql(DbEndpoint endpoint, String statement) throws SQLException {
        try (var connection = DriverManager.getConnection(endpoint.jdbcUrl(), endpoint.user(), endpoint.password());
             var jdbc = connection.createStatement()) {
            jdbc.execute(statement);
        }
    }

    private static long count(DbEndpoint endpoint, String table) throws SQLException {
        try (var connection = DriverManager.getConnection(endpoint.jdbcUrl(), endpoint.user(), endpoint.password());
             var rows = connection.createStatement().executeQuery("SELECT count(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    @DisplayName("a second start reuses the data of the first: nothing is lost across restarts")
    void restartKeepsData() throws Exception {
        Path dir = dataDir("restart");
        try (EmbeddedPostgres first = EmbeddedPostgres.start(dir)) {
            sql(first.endpoint(), "CREATE TABLE kept (id int)");
            sql(first.endpoint(), "INSERT INTO kept VALUES (1), (2)");
        }

        try (EmbeddedPostgres second = EmbeddedPostgres.start(dir)) {
            assertThat(count(second.endpoint(), "kept")).isEqualTo(2);
        }
    }

    @Test
    @DisplayName("a stale postmaster.pid left by a crash does not stop the next start")
    void stalePidFileIsCleared() throws Exception {
        Path dir = dataDir("stale-pid");
        try (EmbeddedPostgres first = EmbeddedPostgres.start(dir)) {
            sql(first.endpoint(), "CREATE TABLE kept (id int)");
        }
        Path pidFile = dir.resolve("postgres/data/postmaster.pid");
        Files.writeString(pidFile, "2147483000\n" + dir.resolve("postgres/data") + "\n1700000000\n5432\n\n127.0.0.1\n");

        try (EmbeddedPostgres second = EmbeddedPostgres.start(dir)) {
            assertThat(count(second.endpoint(), "kept")).isZero();
        }
    }

    @Test
    @DisplayName("a second server on the same data directory is refused while the first runs")
    void secondServerOnSameDirectoryIsRefused() throws Exception {
        Path dir = dataDir("locked");
        try (EmbeddedPostgres first = EmbeddedPostgres.start(dir)) {
            assertThatThrownBy(() -> EmbeddedPostgres.start(dir)).hasMessageContaining("in use");
            assertThat(count(first.endpoint(), "pg_database")).isPositive();
        }
    }
}
