package hotline.followup;

import hotline.common.InvalidInputException;
import hotline.common.NotFoundException;
import hotline.reports.ReportRequest;
import hotline.reports.ReportRollup;
import hotline.reports.ReportService;
import hotline.testing.WorkflowFixture;
import hotline.ticket.Channel;
import hotline.ticket.Ticket;
import hotline.ticket.TicketDraft;
import hotline.ticket.TicketStatus;
import hotline.ticket.TicketType;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import static io.vertx.core.Future.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The return-visit programme on a real database, through the ticket workflows and the follow-up service as the API
 * and the console use them: which tickets get a call, the answers as indicators and reasons, and unreachable
 * customers after the programme's three attempts (the shipped conf/visits.json).
 */
class ReturnVisitsTest {

    /** 13:30 UTC is 21:30 in Shanghai, after the calling hours (09:00–20:00). */
    static final Instant EVENING = Instant.parse("2026-05-01T13:30:00Z");

    private WorkflowFixture fixture;
    private FollowUpService followUps;

    @BeforeEach
    void start() {
        fixture = new WorkflowFixture(EVENING, new JsonObject());
        followUps = fixture.module.followUps().service();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    /**
     * A repair assessed with {@code answers} (category, households ...), then dispatched, repaired and verified;
     * without a district, so it joins no incident.
     */
    private Ticket verifiedRepair(Long customer, JsonObject answers) {
        Ticket ticket = fixture.create(new TicketDraft(TicketType.REPAIR, Channel.PHONE, null, false, customer, null,
                "leak", null, null, "", null, null));
        fixture.act(ticket, "assess", new JsonObject().put("waterInStreet", false).put("propertyFlooding", false)
                .put("supplyCut", false).put("households", 1).put("publicDanger", false).put("side", "utility")
                .mergeIn(answers));
        long crew = fixture.query("INSERT INTO crews (name, created_at) VALUES ($1, now()) RETURNING id",
                "crew-" + ticket.id()).getFirst().getLong("id");
        fixture.act(ticket, "dispatch", new JsonObject().put("crewId", crew).put("eta", "2026-05-01T15:00:00Z"));
        fixture.act(ticket, "arrive", new JsonObject());
        fixture.act(ticket, "complete", new JsonObject().put("cause", "worn seal").put("workDone", "new seal"));
        return fixture.act(ticket, "verify", new JsonObject().put("confirmedBy", "customer"));
    }

    private Row followUpOf(Ticket ticket) {
        return fixture.query("SELECT * FROM followups WHERE ticket_id = $1", ticket.id()).getFirst();
    }

    private static void refused(Runnable call, String field) {
        assertThatThrownBy(call::run).isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo(field);
    }

    @Test
    @DisplayName("a verified repair gets a return call when its priority (from the severity) or category is on the list, whatever the customer; a minor one of an ordinary customer does not")
    void repairsAboveTheSeverity() {
        long ordinary = fixture.customer("ordinary", false, "D01");
        Ticket danger = verifiedRepair(ordinary, new JsonObject().put("category", "meter_leak").put("publicDanger", true));
        Ticket flooding = verifiedRepair(null, new JsonObject().put("category", "service_pipe_leak")
                .put("propertyFlooding", true));
        Ticket burst = verifiedRepair(ordinary, new JsonObject().put("category", "burst_main"));
        Ticket minor = verifiedRepair(ordinary, new JsonObject().put("category", "meter_leak"));

        assertThat(fixture.query("SELECT ticket_id FROM followups WHERE kind = 'repair' ORDER BY ticket_id"))
                .extracting(row -> row.getLong("ticket_id"))
                .containsExactly(danger.id(), flooding.id(), burst.id());
        assertThat(minor.priority().code()).isEqualTo("low");
    }

    @Test
    @DisplayName("the indicators of a complaint's return call are stored; the overall derived from them is the old single score the satisfaction report reads")
    void indicatorsKeepTheOldScore() {
        Ticket complaint = Complaints.resolved(fixture, "D01");
        long id = followUpOf(complaint).getLong("id");

        FollowUp done = await(followUps.recordOutcome(id, new JsonObject().put("speed", 4).put("attitude", 4)
                .put("result", 5).put("comment", "抄了表，满意"), WorkflowFixture.AGENT));

        assertThat(done.outcome()).isEqualTo("answered");
        assertThat(done.satisfaction()).isEqualTo(4);
        assertThat(done.overallDerived()).isTrue();
        assertThat(List.of(done.speed(), done.attitude(), done.result())).containsExactly(4, 4, 5);
        Ticket after = await(fixture.tickets.get(complaint.id())).ticket();
        assertThat(after.status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(after.details().getJsonObject("followUp").getInteger("satisfaction")).isEqualTo(4);

        ReportRollup rollup = new ReportRollup(fixture.pool, fixture.clock, ZoneId.of("Asia/Shanghai"), 20, 5, 7);
        assertThat(await(rollup.run(true))).isTrue();
        var satisfaction = await(new ReportService(fixture.pool, fixture.clock, ZoneId.of("Asia/Shanghai"), List.of())
                .read(ReportRequest.parse("satisfaction", "2026-05-01", "2026-05-01", "day", null)));
        assertThat(satisfaction.rows()).singleElement().satisfies(row ->
                assertThat(row.figures().values()).containsEntry("answers", 1L).containsEntry("average", 4.0));
    }

    @Test
    @DisplayName("a dissatisfied customer's reasons are stored as codes with the written-down one; the complaint reopens at resolve")
    void dissatisfiedReasons() {
        Ticket complaint = Complaints.resolved(fixture, "D01");
        long id = followUpOf(complaint).getLong("id");

        await(followUps.recordOutcome(id, new JsonObject().put("satisfaction", 1).put("speed", 1).put("attitude", 3)
                .put("result", 1).put("reasons", new JsonArray().add("not_fixed").add("other"))
                .put("reasonText", "抄表员没来").put("comment", "还是估抄"), WorkflowFixture.AGENT));

        Row row = followUpOf(complaint);
        assertThat(Arrays.asList(row.getArrayOfStrings("reasons"))).containsExactly("not_fixed", "other");
        assertThat(row.getString("reason_text")).isEqualTo("抄表员没来");
        assertThat(row.getInteger("satisfaction")).isEqualTo(1);
        assertThat(row.getBoolean("overall_derived")).isFalse();
        assertThat(await(fixture.tickets.get(complaint.id())).ticket().status()).isEqualTo(TicketStatus.RESOLVE);
    }

    @Test
    @DisplayName("two failed attempts keep the call open, due again 2 hours later inside the calling hours; the third closes the complaint as unreachable")
    void unreachableAfterThreeAttempts() {
        Ticket complaint = Complaints.resolved(fixture, "D01");
        long id = followUpOf(complaint).getLong("id");
        JsonObject noAnswer = new JsonObject().put("outcome", "unreachable").put("comment", "无人接听");
        fixture.clock.set(Instant.parse("2026-05-04T01:00:00Z")); // 09:00 local, when it falls due

        FollowUp first = await(followUps.recordOutcome(id, noAnswer, WorkflowFixture.AGENT));
        assertThat(first.doneAt()).isNull();
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(first.dueAt()).isEqualTo(Instant.parse("2026-05-04T03:00:00Z")); // 11:00 local
        fixture.clock.set(Instant.parse("2026-05-04T11:30:00Z")); // 19:30 local: +2 h is after 20:00
        FollowUp second = await(followUps.recordOutcome(id, noAnswer, WorkflowFixture.AGENT));
        assertThat(second.attempts()).isEqualTo(2);
        assertThat(second.dueAt()).isEqualTo(Instant.parse("2026-05-05T01:00:00Z")); // next morning, 09:00
        assertThat(await(fixture.tickets.get(complaint.id())).ticket().status()).isEqualTo(TicketStatus.FOLLOW_UP);

        FollowUp third = await(followUps.recordOutcome(id, noAnswer, WorkflowFixture.AGENT));

        assertThat(third.outcome()).isEqualTo("unreachable");
        assertThat(third.attempts()).isEqualTo(3);
        assertThat(third.doneAt()).isNotNull();
        assertThat(third.satisfaction()).isNull();
        Ticket closed = await(fixture.tickets.get(complaint.id())).ticket();
        assertThat(closed.status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(closed.details().getJsonObject("followUp").getString("outcome")).isEqualTo("unreachable");
    }

    @Test
    @DisplayName("the complaint's follow_up action called directly is checked too: unreachable before the last attempt names fields.outcome, an unknown reason fields.reasons")
    void workflowActionGuarded() {
        Ticket complaint = Complaints.resolved(fixture, "D01");

        refused(() -> fixture.act(complaint, "follow_up", new JsonObject().put("outcome", "unreachable")), "fields.outcome");
        refused(() -> fixture.act(complaint, "follow_up", new JsonObject().put("satisfaction", 2).put("comment", "x")
                .put("reasons", new JsonArray().add("weather"))), "fields.reasons");
        refused(() -> fixture.act(complaint, "follow_up", new JsonObject().put("satisfaction", 2).put("comment", "x")
                .put("reasons", new JsonArray().add("other"))), "fields.reasonText");
        assertThat(await(fixture.tickets.get(complaint.id())).ticket().status()).isEqualTo(TicketStatus.FOLLOW_UP);
    }

    @Test
    @DisplayName("a repair's return call ends unreachable by the same three attempts, without a ticket change")
    void repairUnreachable() {
        Ticket repair = verifiedRepair(null, new JsonObject().put("category", "burst_main"));
        long id = followUpOf(repair).getLong("id");
        for (int attempt = 1; attempt <= 3; attempt++) {
            await(followUps.recordOutcome(id, new JsonObject().put("outcome", "unreachable"), WorkflowFixture.AGENT));
        }

        Row row = followUpOf(repair);
        assertThat(row.getString("outcome")).isEqualTo("unreachable");
        assertThat(row.getInteger("attempts")).isEqualTo(3);
        assertThat(row.getString("done_by")).isEqualTo("agent-wang");
        assertThat(await(fixture.tickets.get(repair.id())).ticket().status()).isEqualTo(TicketStatus.VERIFIED);
    }

    @Test
    @DisplayName("bad answers are refused naming the bare field and change nothing; an unknown follow-up is a 404")
    void badAnswers() {
        Ticket repair = verifiedRepair(null, new JsonObject().put("category", "burst_main"));
        long id = followUpOf(repair).getLong("id");

        refused(() -> await(followUps.recordOutcome(id, new JsonObject().put("satisfaction", 2).put("comment", "x"),
                WorkflowFixture.AGENT)), "reasons");
        refused(() -> await(followUps.recordOutcome(id, new JsonObject().put("satisfaction", 1).put("comment", "x")
                .put("reasons", new JsonArray().add("weather")), WorkflowFixture.AGENT)), "reasons");
        refused(() -> await(followUps.recordOutcome(id, new JsonObject().put("satisfaction", 5).put("comment", "x")
                .put("extra", 1), WorkflowFixture.AGENT)), "extra");
        refused(() -> await(followUps.recordOutcome(id, new JsonObject().put("outcome", "unreachable")
                .put("satisfaction", 3), WorkflowFixture.AGENT)), "satisfaction");
        assertThat(followUpOf(repair).getValue("done_at")).isNull();
        assertThat(followUpOf(repair).getInteger("attempts")).isZero();
        assertThatThrownBy(() -> await(followUps.recordOutcome(424242, new JsonObject().put("satisfaction", 5)
                .put("comment", "x"), WorkflowFixture.AGENT))).isInstanceOf(NotFoundException.class);
    }
}
