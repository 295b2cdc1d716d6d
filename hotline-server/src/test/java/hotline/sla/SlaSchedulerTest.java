package hotline.sla;

import hotline.testing.WorkflowFixture;
import hotline.ticket.Channel;
import hotline.ticket.Priority;
import hotline.ticket.Ticket;
import hotline.ticket.TicketPatch;
import hotline.ticket.TicketDraft;
import hotline.ticket.TicketType;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.vertx.core.Future.await;
import static org.assertj.core.api.Assertions.assertThat;

class SlaSchedulerTest {

    /** 02:00 UTC is 10:00 in Shanghai: the day shift. */
    static final Instant MORNING = Instant.parse("2026-05-01T02:00:00Z");
    /** 18:30 UTC is 02:30 in Shanghai: the night shift. */
    static final Instant NIGHT = Instant.parse("2026-05-01T18:30:00Z");

    private WorkflowFixture fixture;

    @AfterEach
    void close() {
        fixture.close();
    }

    static TicketDraft burst(String district) {
        return new TicketDraft(TicketType.REPAIR, Channel.PHONE, Priority.CRITICAL, false, null, null,
                "water gushing from the road", null, null, district, null, null);
    }

    private List<Row> escalations(long ticketId) {
        return fixture.query("SELECT * FROM ticket_events WHERE ticket_id = $1 AND action = 'escalate' ORDER BY id",
                ticketId);
    }

    @Test
    @DisplayName("given a burst report at 02:30, when the crew is not on site after 60 min, then it escalates to the night team lead")
    void breachEscalatesToNightShift() throws Exception {
        fixture = new WorkflowFixture(NIGHT, new JsonObject());
        Ticket ticket = fixture.create(burst("D01"));
        Future<JsonObject> message = firstMessage();

        fixture.clock.advance(Duration.ofMinutes(61));
        SlaScheduler.ScanResult result = await(fixture.module.sla().scheduler().scanOnce());

        assertThat(result.escalated()).isEqualTo(1);
        List<Row> events = escalations(ticket.id());
        assertThat(events).hasSize(1);
        JsonObject data = (JsonObject) events.getFirst().getJson("data");
        assertThat(data.getJsonObject("escalation").getString("to")).isEqualTo("team_lead");
        assertThat(data.getJsonObject("escalation").getString("owner")).isEqualTo("lead.night");
        assertThat(events.getFirst().getString("actor")).isEqualTo("sla-scheduler");
        Ticket after = await(fixture.tickets.get(ticket.id())).ticket();
        assertThat(after.details().getJsonObject("escalation").getString("owner")).isEqualTo("lead.night");
        assertThat(message.await(5, TimeUnit.SECONDS).getString("to")).isEqualTo("lead.night");
    }

    /**
     * The schedulers of this fixture and of {@code other} scanning at the same time, round after round until neither
     * claims anything: the sum of what {@code counted} reads of each scan.
     */
    private int race(WorkflowFixture other, java.util.function.ToIntFunction<SlaScheduler.ScanResult> counted) {
        int total = 0;
        for (int round = 0; round < 20; round++) {
            Future<SlaScheduler.ScanResult> a = fixture.module.sla().scheduler().scanOnce();
            Future<SlaScheduler.ScanResult> b = other.module.sla().scheduler().scanOnce();
            total += counted.applyAsInt(await(a)) + counted.applyAsInt(await(b));
            if (await(a).claimed() + await(b).claimed() == 0) {
                return total;
            }
        }
        return total;
    }

    /** The first message the scheduler publishes (delivered on the event loop, so tests wait for the delivery). */
    private Future<JsonObject> firstMessage() {
        Promise<JsonObject> first = Promise.promise();
        await(fixture.vertx.eventBus().<JsonObject>consumer(SlaScheduler.BUS_ADDRESS, m -> first.tryComplete(m.body()))
                .completion());
        return first.future();
    }

    @Test
    @DisplayName("at 80% of the target the owner is warned on the event bus without a ticket change; nothing before")
    void warningBeforeBreach() throws Exception {
        fixture = new WorkflowFixture(MORNING, new JsonObject());
        Ticket ticket = fixture.create(burst("D01"));
        Future<JsonObject> message = firstMessage();

        fixture.clock.advance(Duration.ofMinutes(40));
        assertThat(await(fixture.module.sla().scheduler().scanOnce()).claimed()).isZero();
        fixture.clock.advance(Duration.ofMinutes(9));
        SlaScheduler.ScanResult result = await(fixture.module.sla().scheduler().scanOnce());

        assertThat(result.warned()).isEqualTo(1);
        assertThat(escalations(ticket.id())).isEmpty();
        JsonObject warning = message.await(5, TimeUnit.SECONDS);
        assertThat(warning.getString("kind")).isEqualTo("warning");
        assertThat(warning.getString("deadline")).isEqualTo("first_response");
    }

    @Test
    @DisplayName("a ticket keeps escalating one level at each further target until it is handled, then stops")
    void keepsEscalatingUntilHandled() {
        fixture = new WorkflowFixture(MORNING, new JsonObject());
        Ticket ticket = fixture.create(burst("D01"));

        fixture.clock.advance(Duration.ofMinutes(61));
        await(fixture.module.sla().scheduler().scanOnce());
        fixture.clock.advance(Duration.ofHours(12));
        await(fixture.module.sla().scheduler().scanOnce());
        assertThat(escalations(ticket.id())).hasSize(2);
        assertThat(fixture.query("SELECT level FROM ticket_sla WHERE ticket_id = $1", ticket.id()).getFirst()
                .getString("level")).isEqualTo("duty_supervisor");

        fixture.act(ticket, "cancel", new JsonObject().put("reason", "duplicate"));
        fixture.clock.advance(Duration.ofDays(2));
        SlaScheduler.ScanResult result = await(fixture.module.sla().scheduler().scanOnce());

        assertThat(result.claimed()).isZero();
        assertThat(escalations(ticket.id())).hasSize(2);
    }

    @Test
    @DisplayName("two schedulers scanning one database at once never escalate a ticket twice for one breach")
    void twoSchedulersNoDoubleEscalation() {
        fixture = new WorkflowFixture(MORNING, new JsonObject());
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            ids.add(fixture.create(burst("D" + (i % 7))).id());
        }
        try (WorkflowFixture other = fixture.second()) {
            fixture.clock.advance(Duration.ofMinutes(61));
            assertThat(race(other, SlaScheduler.ScanResult::escalated)).isEqualTo(150);
            List<Row> perTicket = fixture.query("""
                    SELECT ticket_id, count(*) AS n FROM ticket_events WHERE action = 'escalate' GROUP BY ticket_id""");
            assertThat(perTicket).hasSize(150).allSatisfy(row -> assertThat(row.getLong("n")).isEqualTo(1));
        }
    }

    @Test
    @DisplayName("a warning about a ticket with the team lead is filed once in the lead's inbox, with two schedulers racing; "
            + "the escalation before it was filed with the change")
    void warningsFiledOnce() {
        fixture = new WorkflowFixture(MORNING, new JsonObject());
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Ticket ticket = fixture.create(burst("D" + (i % 5)));
            fixture.act(ticket, "escalate", new JsonObject().put("reason", "burst near the school"));
            ids.add(ticket.id());
        }
        try (WorkflowFixture other = fixture.second()) {
            fixture.clock.advance(Duration.ofMinutes(49)); // past 80% of the 60-minute first response
            assertThat(race(other, SlaScheduler.ScanResult::warned)).isEqualTo(60);
            List<Row> filed = fixture.query("""
                    SELECT kind, addressee, count(*) AS n, count(DISTINCT ticket_id) AS tickets FROM sla_inbox
                    GROUP BY kind, addressee ORDER BY kind""");
            assertThat(filed).hasSize(2);
            assertThat(filed.get(0).getString("kind")).isEqualTo("escalation");
            assertThat(filed.get(1).getString("kind")).isEqualTo("warning");
            assertThat(filed).allSatisfy(row -> {
                assertThat(row.getString("addressee")).isEqualTo("lead.day");
                assertThat(row.getLong("n")).isEqualTo(60);
                assertThat(row.getLong("tickets")).isEqualTo(60);
            });
            Row warning = fixture.query("SELECT * FROM sla_inbox WHERE kind = 'warning' AND ticket_id = $1",
                    ids.getFirst()).getFirst();
            assertThat(warning.getString("deadline")).isEqualTo("first_response");
            assertThat(warning.getString("level")).isEqualTo("team_lead");
        }
    }

    @Test
    @DisplayName("a warning at agent level goes to nobody's inbox: the roster names no one below the team lead")
    void agentLevelWarningIsNotFiled() {
        fixture = new WorkflowFixture(MORNING, new JsonObject());
        fixture.create(burst("D01"));
        fixture.clock.advance(Duration.ofMinutes(49));

        assertThat(await(fixture.module.sla().scheduler().scanOnce()).warned()).isEqualTo(1);
        assertThat(fixture.query("SELECT * FROM sla_inbox")).isEmpty();
    }

    @Test
    @DisplayName("the due times are recomputed when a ticket becomes urgent: the targets tighten")
    void recomputedOnUrgency() {
        fixture = new WorkflowFixture(MORNING, new JsonObject());
        Ticket ticket = fixture.create(TicketType.COMPLAINT, "meter reader never came");
        Instant before = await(SlaTracker.find(fixture.pool, ticket.id())).orElseThrow().due().resolutionDue();

        await(fixture.tickets.update(ticket.id(), new TicketPatch(null, null, null, null, null, null, true, null, null),
                WorkflowFixture.AGENT, Channel.PHONE, null));
        Instant after = await(SlaTracker.find(fixture.pool, ticket.id())).orElseThrow().due().resolutionDue();

        assertThat(before).isEqualTo(MORNING.plus(Duration.ofDays(5)));
        assertThat(after).isEqualTo(MORNING.plus(Duration.ofHours(36)));
    }

    @Test
    @DisplayName("the due times of a customer's open tickets are recomputed when its tier changes")
    void recomputedOnTierChange() {
        fixture = new WorkflowFixture(MORNING, new JsonObject());
        long customer = fixture.customer("ordinary", false, "D01");
        Ticket ticket = fixture.create(new TicketDraft(TicketType.COMPLAINT, Channel.PHONE, null, false, customer, null,
                "meter reader never came", null, null, "D01", null, null));

        await(fixture.pool.withTransaction(tx -> tx.preparedQuery("UPDATE customers SET tier = 'key' WHERE id = $1")
                .execute(io.vertx.sqlclient.Tuple.of(customer))
                .compose(done -> fixture.module.sla().tracker().customerChanged(tx, customer))));

        SlaState sla = await(SlaTracker.find(fixture.pool, ticket.id())).orElseThrow();
        assertThat(sla.due().resolutionDue()).isEqualTo(MORNING.plus(Duration.ofDays(2)));
        assertThat(sla.rule()).isEqualTo("complaint of a key customer");
    }

    @Test
    @DisplayName("a critical facility's repair gets the burst targets even at normal priority and ordinary tier")
    void criticalFacilityCustomer() {
        fixture = new WorkflowFixture(MORNING, new JsonObject());
        long hospital = fixture.customer("ordinary", true, "D01");
        Ticket ticket = fixture.create(new TicketDraft(TicketType.REPAIR, Channel.PHONE, Priority.NORMAL, false,
                hospital, null, "low pressure at the hospital", null, null, "D01", null, null));

        SlaState sla = await(SlaTracker.find(fixture.pool, ticket.id())).orElseThrow();
        assertThat(sla.due().firstResponseDue()).isEqualTo(MORNING.plus(Duration.ofMinutes(60)));
    }
}
