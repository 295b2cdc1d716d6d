package hotline.ticket;

import hotline.auth.Principal;
import hotline.store.DbEndpoint;
import hotline.testing.MovableClock;
import hotline.testing.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class TicketNumberMigrationTest {

    private Vertx vertx;

    @AfterEach
    void stop() {
        if (vertx != null) {
            vertx.close().await();
        }
    }

    @Test
    @DisplayName("the move to daily serials keeps every number given before and repeats none of them")
    void keepsEveryExistingNumber() {
        // given a database numbered the old way, from one global sequence already past a million
        DbEndpoint admin = TestDatabase.server().withDatabase("postgres");
        String name = "test_" + ProcessHandle.current().pid() + "_v24_" + System.nanoTime();
        TestDatabase.execute(admin, "CREATE DATABASE " + name);
        DbEndpoint database = admin.withDatabase(name);
        migrate(database, "23");
        TestDatabase.execute(database, """
                SELECT setval('ticket_number_seq', 999998);
                INSERT INTO tickets (number, type, channel, status, priority, subject, created_at, updated_at)
                SELECT 'HL-' || day || '-' || lpad(n::text, greatest(6, length(n::text)), '0'), 'inquiry', 'phone',
                       'open', 'normal', 'old', now(), now()
                FROM (SELECT day, nextval('ticket_number_seq') AS n
                      FROM unnest(ARRAY['20261123', '20261124', '20261124']) WITH ORDINALITY AS d(day, i)
                      ORDER BY i) old""");

        // when the server is upgraded and creates tickets on the last old day and on the next
        migrate(database, "latest");
        vertx = Vertx.vertx();
        Pool pool = PgBuilder.pool().connectingTo(database.connectOptions()).using(vertx).build();
        MovableClock clock = new MovableClock(Instant.parse("2026-11-24T09:00:00Z"));
        TicketService tickets = new TicketService(vertx, pool, clock, ZoneId.of("Asia/Shanghai"),
                new SimpleMeterRegistry());
        String sameDay = create(tickets);
        clock.set(Instant.parse("2026-11-25T09:00:00Z"));
        String nextDay = create(tickets);

        // then the old numbers stand, the old day goes on past them and the new day starts at 000001
        List<String> numbers = pool.query("SELECT number FROM tickets ORDER BY id").execute().await().stream()
                .map(row -> row.getString("number")).toList();
        assertThat(numbers).containsExactly("HL-20261123-999999", "HL-20261124-1000000", "HL-20261124-1000001",
                "HL-20261124-1000002", "HL-20261125-000001");
        assertThat(sameDay).isEqualTo("HL-20261124-1000002");
        assertThat(nextDay).isEqualTo("HL-20261125-000001");
    }

    private static String create(TicketService tickets) {
        return tickets.create(TicketDraft.of(TicketType.INQUIRY, Channel.PHONE, "new"), Principal.system("test"),
                Optional.empty()).await().number();
    }

    private static void migrate(DbEndpoint database, String target) {
        Flyway.configure().dataSource(database.jdbcUrl(), database.user(), database.password())
                .locations("classpath:db/migration").target(target).load().migrate();
    }
}
