package hotline.store;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the schema up to date with the versioned scripts in {@code db/migration} (Flyway). Blocking.
 * Several servers starting at once are safe: Flyway serialises them with a PostgreSQL advisory lock.
 */
public final class Migrations {

    private static final Logger log = LoggerFactory.getLogger(Migrations.class);

    private Migrations() {
    }

    public static void run(DbEndpoint endpoint) {
        MigrateResult result = Flyway.configure()
                .dataSource(endpoint.jdbcUrl(), endpoint.user(), endpoint.password())
                .locations("classpath:db/migration")
                .load()
                .migrate();
        String version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        log.info("Database schema at version {} ({} migration(s) applied)", version, result.migrationsExecuted);
    }
}
