package hotline.store;

import hotline.testing.ExternalPostgres;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.DriverManager;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** The database a DBA prepares as README says is enough for Hotline: no superuser, pg_trgm created beforehand. */
class ExternalDatabaseTest {

    @Test
    @DisplayName("the migrations run as the database's ordinary owner, and the trigram search they set up answers")
    void migratesAsOrdinaryOwner() throws SQLException {
        // given an empty database on an external PostgreSQL started here, owned by an ordinary role (HOTLINE_DB_URL's
        // role is whatever its DBA made it)
        ExternalPostgres postgres = ExternalPostgres.require();
        postgres.requireOwnServer();
        DbEndpoint database = postgres.fresh();

        // when the schema is brought up to date as that role
        Migrations.run(database);

        // then the role has no superuser rights and a substring search of customers uses pg_trgm
        try (var connection = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
             var statement = connection.createStatement()) {
            var superuser = statement.executeQuery("SELECT rolsuper FROM pg_roles WHERE rolname = current_user");
            superuser.next();
            assertThat(superuser.getBoolean(1)).as("the servers' role is a superuser").isFalse();
            var similarity = statement.executeQuery("SELECT similarity('west lake hospital', 'lake hospital')");
            similarity.next();
            assertThat(similarity.getDouble(1)).isPositive();
        }
    }
}
