package hotline.reports;

import hotline.testing.WorkflowFixture;
import hotline.ticket.Channel;
import hotline.ticket.Ticket;
import hotline.ticket.TicketDraft;
import hotline.ticket.TicketType;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.vertx.core.Future.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report definitions as the roll-ups count them, on a real database: tickets made through the ticket service on a
 * movable clock, calls and answers written as the telephony and follow-ups write them, then one catch-up run.
 */
class ReportRollupTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** 10:00 in Shanghai. */
    private static final Instant T0 = Instant.parse("2026-10-01T02:00:00Z");

    private WorkflowFixture fixture;
    private ReportRollup rollup;
    private ReportService reports;

    @BeforeEach
    void start() {
        fixture = new WorkflowFixture(T0, new JsonObject());
        rollup = new ReportRollup(fixture.pool, fixture.clock, SHANGHAI, 20, 5, 31);
        reports = new ReportService(fixture.pool, fixture.clock, SHANGHAI, List.of());
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private Ticket ticket(Instant at, TicketType type, Long customer, String district, String category) {
        fixture.clock.set(at);
        return fixture.create(new TicketDraft(type, Channel.PHONE, null, false, customer, null, "subject", null, null,
                district, category, null));
    }

    private ReportTable read(String report, String from, String to, String interval, String by) {
        assertThat(await(rollup.run(true))).isTrue();
        return await(reports.read(ReportRequest.parse(report, from, to, interval, by)));
    }

    private static Map<String, Number> only(ReportTable table) {
        assertThat(table.rows()).hasSize(1);
        return table.rows().getFirst().figures().values();
    }

    @Test
    @DisplayName("FCR: a return of the same customer on the same category within 7 days (the 7th day included) is a repeat; later, another category or another customer is not")
    void firstContactEdges() {
        long wang = fixture.customer("ordinary", false, "XH");
        long li = fixture.customer("ordinary", false, "XH");
        ticket(T0, TicketType.REPAIR, wang, "XH", "leak");                                   // repeated: back at +7 d
        ticket(T0.plus(Duration.ofDays(7)), TicketType.REPAIR, wang, "XH", "leak");          // resolved: next is +7 d 1 s
        ticket(T0.plus(Duration.ofDays(14)).plusSeconds(1), TicketType.REPAIR, wang, "XH", "leak"); // pending at "now"
        ticket(T0, TicketType.REPAIR, li, "XH", "leak");                                     // resolved: li's next is another category
        ticket(T0.plus(Duration.ofDays(1)), TicketType.REPAIR, li, "XH", "low_pressure");    // resolved
        ticket(T0, TicketType.INQUIRY, null, "XH", null);                                    // no customer: no contact
        fixture.clock.set(T0.plus(Duration.ofDays(16)));

        Map<String, Number> fcr = only(read("fcr", "2026-10-01", "2026-10-31", "month", null));

        assertThat(fcr).containsEntry("contacts", 5L).containsEntry("repeated", 1L).containsEntry("pending", 1L)
                .containsEntry("resolvedFirst", 3L).containsEntry("fcrRate", 3.0 / 4);
    }

    @Test
    @DisplayName("repeat-contact rate: the repeated share of the judged contacts, by district")
    void repeatContactRate() {
        long wang = fixture.customer("ordinary", false, "XH");
        long li = fixture.customer("ordinary", false, "GS");
        ticket(T0, TicketType.REPAIR, wang, "XH", "leak");                          // repeated
        ticket(T0.plus(Duration.ofDays(2)), TicketType.REPAIR, wang, "XH", "leak"); // judged, not repeated
        ticket(T0, TicketType.COMPLAINT, li, "GS", null);                          // judged, not repeated
        fixture.clock.set(T0.plus(Duration.ofDays(10)));

        ReportTable table = read("repeat_contacts", "2026-10-01", "2026-10-31", "month", "district");

        assertThat(table.rows()).extracting(ReportTable.Row::key).containsExactly("GS", "XH");
        assertThat(table.rows().get(0).figures().values()).containsEntry("repeated", 0L).containsEntry("repeatRate", 0.0);
        assertThat(table.rows().get(1).figures().values()).containsEntry("contacts", 2L).containsEntry("repeated", 1L)
                .containsEntry("repeatRate", 0.5);
    }

    @Test
    @DisplayName("FCR: a contact without a repeat is pending until its 7 days are over, then resolved at first contact")
    void pendingUntilWindowEnds() {
        long wang = fixture.customer("ordinary", false, "XH");
        ticket(T0, TicketType.COMPLAINT, wang, "XH", null);

        fixture.clock.set(T0.plus(Duration.ofDays(6)));
        assertThat(only(read("fcr", "2026-10-01", "2026-10-01", "day", null))).containsEntry("pending", 1L)
                .containsEntry("fcrRate", null);
        fixture.clock.set(T0.plus(Duration.ofDays(8)));
        assertThat(only(read("fcr", "2026-10-01", "2026-10-01", "day", null))).containsEntry("pending", 0L)
                .containsEntry("fcrRate", 1.0);
    }

    @Test
    @DisplayName("tickets count on the utility's calendar day (23:30 UTC is the next morning in Shanghai) and sum into weeks and months")
    void volumesByLocalDay() {
        ticket(Instant.parse("2026-10-04T23:30:00Z"), TicketType.REPAIR, null, "XH", "leak");   // Mon 5 Oct local
        ticket(Instant.parse("2026-10-04T15:00:00Z"), TicketType.INQUIRY, null, "SC", null);     // Sun 4 Oct local
        ticket(Instant.parse("2026-10-06T03:00:00Z"), TicketType.REPAIR, null, "XH", "leak");
        fixture.clock.set(Instant.parse("2026-10-07T00:00:00Z"));

        ReportTable byDay = read("tickets", "2026-10-01", "2026-10-07", "day", null);
        assertThat(byDay.rows()).extracting(r -> r.period().toString() + "=" + r.figures().values().get("tickets"))
                .containsExactly("2026-10-04=1", "2026-10-05=1", "2026-10-06=1");
        ReportTable byWeek = read("tickets", "2026-10-01", "2026-10-07", "week", "district");
        assertThat(byWeek.rows()).extracting(r -> r.period() + " " + r.key() + "=" + r.figures().values().get("tickets"))
                .containsExactly("2026-09-28 SC=1", "2026-10-05 XH=2");
        ReportTable byType = read("tickets", "2026-10-01", "2026-10-31", "month", "type");
        assertThat(byType.rows()).extracting(r -> r.period() + " " + r.key() + "=" + r.figures().values().get("tickets"))
                .containsExactly("2026-10-01 inquiry=1", "2026-10-01 repair=2");
    }

    @Test
    @DisplayName("tickets by agent name the user who created them, with the display name of their user")
    void volumesByAgent() {
        fixture.query("INSERT INTO users (username, display_name, role, password_hash, created_at) "
                + "VALUES ('agent-wang', '王坐席', 'agent', 'x', now())");
        ticket(T0, TicketType.INQUIRY, null, "XH", null);

        ReportTable table = read("tickets", "2026-10-01", "2026-10-01", "day", "agent");

        assertThat(table.rows()).singleElement().satisfies(row -> {
            assertThat(row.key()).isEqualTo("agent-wang");
            assertThat(row.label()).isEqualTo("王坐席");
        });
    }

    @Test
    @DisplayName("calls: service level, ASA and AHT per agent from the call records, short abandons and IVR-only calls left out")
    void calls() {
        long wang = fixture.query("INSERT INTO users (username, display_name, role, password_hash, created_at) "
                + "VALUES ('wang', 'Wang', 'agent', 'x', now()) RETURNING id").getFirst().getLong("id");
        call("a1", "answered", 10, 100, wang, 30);   // within 20 s; wrap-up 30 s
        call("a2", "answered", 40, 200, wang, null); // too late; never wrapped up
        call("a3", "abandoned", 60, null, null, null);
        call("a4", "abandoned", 3, null, null, null);  // short abandon
        call("a5", "missed", 120, null, null, null);   // the queue gave up: counts as abandoned
        call("i1", "ivr_completed", null, null, null, null);
        fixture.clock.set(T0.plus(Duration.ofHours(2)));

        Map<String, Number> total = only(read("calls", "2026-10-01", "2026-10-01", "day", null));
        assertThat(total).containsEntry("offered", 5L).containsEntry("answered", 2L).containsEntry("abandoned", 3L)
                .containsEntry("serviceLevel", 1.0 / 4).containsEntry("asa", 25.0).containsEntry("aht", 165.0);
        ReportTable byAgent = read("calls", "2026-10-01", "2026-10-01", "day", "agent");
        assertThat(byAgent.rows()).extracting(ReportTable.Row::key).containsExactly("", "wang");
        assertThat(byAgent.rows().get(1).label()).isEqualTo("Wang");
    }

    private void call(String id, String disposition, Integer wait, Integer talk, Long agent, Integer wrapUp) {
        Instant started = T0.plusSeconds(60);
        Instant ended = started.plusSeconds(300);
        fixture.query("""
                INSERT INTO calls (uniqueid, started_at, ended_at, queue, wait_seconds, talk_seconds, agent_user_id,
                                   disposition, wrap_up_code, wrapped_up_at, created_at)
                VALUES ($1, $2, $3, CASE WHEN $4 <> 'ivr_completed' THEN 'hotline' END, $5, $6, $7, $4,
                        CASE WHEN $8::int IS NOT NULL THEN 'resolved' END, $3 + make_interval(secs => $8::int), $3)
                """, id, started.atOffset(java.time.ZoneOffset.UTC), ended.atOffset(java.time.ZoneOffset.UTC),
                disposition, wait, talk, agent, wrapUp);
    }

    @Test
    @DisplayName("SLA compliance: a target met in time, one breached by staying open past its due time, one due later today still pending")
    void slaCompliance() {
        Ticket answered = ticket(T0, TicketType.INQUIRY, null, "XH", null);
        Ticket late = ticket(T0, TicketType.INQUIRY, null, "XH", null);
        fixture.act(answered, "answer", new JsonObject().put("answer", "the shut-off ends at 18:00"));
        Instant due = fixture.query("SELECT resolution_due FROM ticket_sla WHERE ticket_id = $1", late.id()).getFirst()
                .getOffsetDateTime("resolution_due").toInstant();
        Ticket pending = ticket(T0.plus(Duration.ofMinutes(2)), TicketType.INQUIRY, null, "XH", null); // due 2 min later
        fixture.clock.set(due.plus(Duration.ofMinutes(1)));
        String day = LocalDate.ofInstant(due, SHANGHAI).toString();
        String until = LocalDate.ofInstant(due, SHANGHAI).plusDays(40).toString();
        assertThat(pending.id()).isPositive();

        Map<String, Number> sla = only(read("sla", day, until, "month", "type"));

        assertThat(sla).containsEntry("due", 3L).containsEntry("met", 1L).containsEntry("breached", 1L)
                .containsEntry("pending", 1L).containsEntry("compliance", 0.5);
    }

    @Test
    @DisplayName("CSAT joins return-call answers and the IVR survey after a call, by agent and by type")
    void satisfaction() {
        long wang = fixture.query("INSERT INTO users (username, display_name, role, password_hash, created_at) "
                + "VALUES ('wang', 'Wang', 'agent', 'x', now()) RETURNING id").getFirst().getLong("id");
        Instant at = T0.plusSeconds(600);
        for (int score : List.of(5, 2)) {
            fixture.query("""
                    INSERT INTO followups (kind, ticket_type, district, agent, assignee, due_at, done_at, outcome,
                                           satisfaction, created_at)
                    VALUES ('complaint', 'complaint', 'XH', 'wang', 'wang', $1, $1, 'answered', $2, $1)""",
                    at.atOffset(java.time.ZoneOffset.UTC), score);
        }
        call("s1", "answered", 5, 60, wang, 10);
        fixture.query("INSERT INTO call_satisfaction (uniqueid, score, recorded_at) VALUES ('s1', 4, now())");
        fixture.clock.set(T0.plus(Duration.ofHours(2)));

        ReportTable byType = read("satisfaction", "2026-10-01", "2026-10-01", "day", "type");
        Map<String, Map<String, Number>> types = byType.rows().stream()
                .collect(Collectors.toMap(ReportTable.Row::key, r -> r.figures().values()));
        assertThat(types.get("complaint")).containsEntry("answers", 2L).containsEntry("csat", 0.5)
                .containsEntry("average", 3.5);
        assertThat(types.get("call")).containsEntry("answers", 1L).containsEntry("csat", 1.0);
        assertThat(only(read("satisfaction", "2026-10-01", "2026-10-01", "day", "agent")))
                .containsEntry("answers", 3L).containsEntry("csat", 2.0 / 3);
    }

    @Test
    @DisplayName("complaints per 1,000 customers by district; a district without customers has no rate")
    void complaintRate() {
        for (int i = 0; i < 4; i++) {
            fixture.customer("ordinary", false, "XH");
        }
        ticket(T0, TicketType.COMPLAINT, null, "XH", null);
        ticket(T0, TicketType.REPAIR, null, "XH", "leak");
        ticket(T0, TicketType.COMPLAINT, null, "NOWHERE", null);

        ReportTable table = read("complaints", "2026-10-01", "2026-10-31", "month", null);

        assertThat(table.rows()).extracting(ReportTable.Row::key).containsExactly("NOWHERE", "XH");
        assertThat(table.rows().get(0).figures().values()).containsEntry("perThousand", null);
        assertThat(table.rows().get(1).figures().values()).containsEntry("complaints", 1L)
                .containsEntry("customers", 4L).containsEntry("perThousand", 250.0);
    }

    @Test
    @DisplayName("complaints per 1,000 customers by district and month: each month of each district is its own row")
    void complaintRateByMonth() {
        for (int i = 0; i < 2; i++) {
            fixture.customer("ordinary", false, "XH");
        }
        ticket(T0, TicketType.COMPLAINT, null, "XH", null);
        ticket(T0.plus(Duration.ofDays(35)), TicketType.COMPLAINT, null, "XH", null);
        ticket(T0.plus(Duration.ofDays(36)), TicketType.COMPLAINT, null, "XH", null);

        ReportTable table = read("complaints", "2026-10-01", "2026-11-30", "month", "district");

        assertThat(table.rows()).extracting(row -> row.period().toString())
                .containsExactly("2026-10-01", "2026-11-01");
        assertThat(table.rows().get(0).figures().values()).containsEntry("perThousand", 500.0);
        assertThat(table.rows().get(1).figures().values()).containsEntry("complaints", 2L)
                .containsEntry("perThousand", 1000.0);
    }

    @Test
    @DisplayName("a late change to an old day is counted once the catch-up's walk back through history reaches it")
    void olderDaysAreRecounted() {
        Ticket old = ticket(T0, TicketType.INQUIRY, null, "XH", null);
        fixture.clock.set(T0.plus(Duration.ofDays(20)));
        assertThat(read("tickets", "2026-10-01", "2026-10-01", "day", "district").rows())
                .extracting(ReportTable.Row::key).containsExactly("XH");

        await(fixture.tickets.update(old.id(), new hotline.ticket.TicketPatch(null, null, null, "SC", null, null, null,
                null, null), WorkflowFixture.AGENT, Channel.PHONE, null));
        await(rollup.run(true)); // the recent days and the first slice of older ones: day 1 is 20 days back

        assertThat(await(reports.read(ReportRequest.parse("tickets", "2026-10-01", "2026-10-01", "day", "district")))
                .rows()).extracting(ReportTable.Row::key).containsExactly("SC");
    }
}
