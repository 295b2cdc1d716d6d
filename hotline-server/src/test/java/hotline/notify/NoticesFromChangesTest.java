package hotline.notify;

import hotline.incident.IncidentService;
import hotline.testing.WorkflowFixture;
import hotline.ticket.Channel;
import hotline.ticket.Ticket;
import hotline.ticket.TicketDraft;
import hotline.ticket.TicketType;
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

/** The notices that changes of tickets and incidents queue in their own transactions (delivery is not under test). */
class NoticesFromChangesTest {

    private static final Instant T0 = Instant.parse("2026-05-01T02:00:00Z");

    private WorkflowFixture fixture;

    @BeforeEach
    void start() {
        fixture = new WorkflowFixture(T0, new JsonObject());
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private static TicketDraft report(String district, Long customerId, String caller) {
        return new TicketDraft(TicketType.REPAIR, Channel.PHONE, null, false, customerId, caller, "water in the street",
                null, "Renmin Rd", district, "burst_main", null);
    }

    /** A repair report not yet assessed (no category): no incident takes it, it is dispatched on its own. */
    private static TicketDraft unassessed(String caller) {
        return new TicketDraft(TicketType.REPAIR, Channel.PHONE, null, false, null, caller, "meter leaking", null,
                "Renmin Rd 5", "D05", null, null);
    }

    private long crew() {
        return fixture.query("INSERT INTO crews (name, on_duty, created_at) VALUES ($1, true, now()) RETURNING id",
                "crew-" + System.nanoTime()).getFirst().getLong("id");
    }

    private List<Row> notices(String kind) {
        return fixture.query("SELECT customer_id, phone, ticket_id, variables, dedupe_key FROM notices WHERE kind = $1 "
                + "ORDER BY id", kind);
    }

    @Test
    @DisplayName("a ticket is 'received' with its SLA's resolution time, to the customer or else the caller's number")
    void received() {
        long customer = fixture.customer("ordinary", false, "D01");
        Ticket withCustomer = fixture.create(report("D01", customer, "13800000009"));
        Ticket callerOnly = fixture.create(report("D02", null, "13800000001"));
        fixture.create(report("D03", null, null));

        List<Row> received = notices("ticket_received");

        assertThat(received).hasSize(2);
        assertThat(received.getFirst().getLong("customer_id")).isEqualTo(customer);
        assertThat(received.getFirst().getString("phone")).isNull();
        assertThat(received.getFirst().getJsonObject("variables").getString("number")).isEqualTo(withCustomer.number());
        assertThat(received.getFirst().getJsonObject("variables").getString("expectedAt")).isEqualTo(
                fixture.query("SELECT resolution_due FROM ticket_sla WHERE ticket_id = $1", withCustomer.id()).getFirst()
                        .getOffsetDateTime("resolution_due").toInstant().toString());
        assertThat(received.get(1).getString("phone")).isEqualTo("13800000001");
        assertThat(received.get(1).getString("dedupe_key")).isEqualTo("ticket:" + callerOnly.id() + ":received");
    }

    @Test
    @DisplayName("dispatching an incident tells every reporter of an open report once, with the crew's eta; closing it tells each once more")
    void incidentUpdateAndClose() {
        long customer = fixture.customer("ordinary", false, "D01");
        Ticket first = fixture.create(report("D01", customer, null));
        fixture.create(report("D01", customer, null));
        fixture.create(report("D01", null, "13800000002"));
        IncidentService incidents = fixture.module.incidents().service();
        long incident = fixture.query("SELECT incident_id FROM incident_reports WHERE ticket_id = $1", first.id())
                .getFirst().getLong("incident_id");

        await(incidents.dispatch(incident, crew(), "2026-05-01T02:40:00Z", WorkflowFixture.AGENT));
        await(incidents.close(incident, "main repaired", null, WorkflowFixture.AGENT));

        List<Row> updates = notices("incident_update");
        assertThat(updates).extracting(row -> row.getLong("customer_id") + "/" + row.getString("phone"))
                .containsExactlyInAnyOrder(customer + "/null", "null/13800000002");
        assertThat(updates).allSatisfy(row -> assertThat(row.getJsonObject("variables").getString("expectedAt"))
                .isEqualTo("2026-05-01T02:40:00Z"));
        assertThat(notices("incident_closed")).extracting(row -> row.getLong("customer_id") + "/" + row.getString("phone"))
                .containsExactlyInAnyOrder(customer + "/null", "null/13800000002");
        assertThat(notices("repair_dispatched")).singleElement().satisfies(row ->
                assertThat(row.getLong("ticket_id")).isEqualTo(first.id()));
    }

    @Test
    @DisplayName("a repair's own dispatch and completion tell its caller, each once")
    void repairDispatchedAndDone() {
        Ticket ticket = fixture.create(unassessed("13800000005"));
        long crew = crew();

        fixture.act(ticket, "dispatch", new JsonObject().put("crewId", crew).put("eta", "2026-05-01T03:00:00Z"));
        fixture.act(ticket, "dispatch", new JsonObject().put("crewId", crew).put("eta", "2026-05-01T03:30:00Z"));
        fixture.act(ticket, "arrive", new JsonObject());
        fixture.act(ticket, "complete", new JsonObject().put("cause", "worn seal").put("workDone", "seal replaced"));

        assertThat(notices("repair_done")).singleElement().satisfies(row ->
                assertThat(row.getJsonObject("variables").getString("number")).isEqualTo(ticket.number()));
        assertThat(notices("repair_dispatched")).singleElement().satisfies(row -> {
            assertThat(row.getString("phone")).isEqualTo("13800000005");
            assertThat(row.getJsonObject("variables").getString("expectedAt")).isEqualTo("2026-05-01T03:00:00Z");
        });
    }
}
