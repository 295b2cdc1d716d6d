package hotline.notify;

import hotline.testing.WorkflowFixture;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.vertx.core.Future.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NoticesTest {

    private static final Instant T0 = Instant.parse("2026-11-30T02:00:00Z");

    private WorkflowFixture fixture;

    @BeforeEach
    void start() {
        fixture = new WorkflowFixture(T0, new JsonObject());
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    @DisplayName("a notice is queued once per dedupe key, however often its change is retried")
    void queuesOncePerKey() {
        long customer = fixture.customer("ordinary", false, "D01");
        Notice notice = new Notice(NoticeKind.TICKET_RECEIVED, customer, null, null,
                new JsonObject().put("number", "HL-20261130-000001"), "ticket:1:received");

        boolean first = await(fixture.pool.withTransaction(tx -> Notices.queue(tx, notice, T0)));
        boolean again = await(fixture.pool.withTransaction(tx -> Notices.queue(tx, notice, T0)));

        assertThat(first).isTrue();
        assertThat(again).isFalse();
        List<Row> rows = fixture.query("SELECT kind, customer_id, variables FROM notices");
        assertThat(rows).hasSize(1);
        assertThat(rows.getFirst().getString("kind")).isEqualTo("ticket_received");
        assertThat(rows.getFirst().getJsonObject("variables").getString("number")).isEqualTo("HL-20261130-000001");
    }

    @Test
    @DisplayName("a notice rolled back with its change was never queued")
    void rollsBackWithTheChange() {
        long customer = fixture.customer("ordinary", false, "D01");
        Notice notice = new Notice(NoticeKind.REPAIR_DONE, customer, null, null, null, "ticket:2:done");

        assertThatThrownBy(() -> await(fixture.pool.withTransaction(tx -> Notices.queue(tx, notice, T0)
                .compose(queued -> Future.failedFuture(new IllegalStateException("change refused"))))))
                .hasMessage("change refused");
        assertThat(fixture.query("SELECT count(*) AS n FROM notices").getFirst().getLong("n")).isZero();
    }

    @Test
    @DisplayName("a district's customers are queued in one statement, each once, the others untouched")
    void queuesASetOfCustomers() {
        long a = fixture.customer("ordinary", false, "D07");
        long b = fixture.customer("key", false, "D07");
        fixture.customer("ordinary", false, "D08");
        String district = "SELECT id FROM customers WHERE district = $4";

        int queued = await(fixture.pool.withTransaction(tx -> Notices.queueForCustomers(tx, NoticeKind.OUTAGE_NOTICE,
                new JsonObject().put("outage", 5), "outage:5:notice", T0, district, List.of("D07"))));
        int again = await(fixture.pool.withTransaction(tx -> Notices.queueForCustomers(tx, NoticeKind.OUTAGE_NOTICE,
                new JsonObject().put("outage", 5), "outage:5:notice", T0, district, List.of("D07"))));

        assertThat(queued).isEqualTo(2);
        assertThat(again).isZero();
        assertThat(fixture.query("SELECT customer_id, dedupe_key FROM notices ORDER BY customer_id").stream()
                .map(row -> row.getLong("customer_id") + "=" + row.getString("dedupe_key")))
                .containsExactly(a + "=outage:5:notice:" + a, b + "=outage:5:notice:" + b);
    }

    @Test
    @DisplayName("a notice names a customer or at least a phone number")
    void needsSomeoneToTell() {
        assertThatThrownBy(() -> new Notice(NoticeKind.INCIDENT_CLOSED, null, " ", 1L, null, "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(NoticeKind.ofCode("supply_restored").safety()).isTrue();
        assertThat(NoticeKind.TICKET_RECEIVED.urgent()).isFalse();
    }
}
