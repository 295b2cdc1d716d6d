package hotline.incident;

import hotline.common.ConflictException;
import hotline.common.InvalidInputException;
import hotline.testing.Await;
import hotline.testing.WorkflowFixture;
import hotline.ticket.Channel;
import hotline.ticket.Ticket;
import hotline.ticket.TicketDraft;
import hotline.ticket.TicketListener;
import hotline.ticket.TicketStatus;
import hotline.ticket.TicketType;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.vertx.core.Future.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IncidentServiceTest {

    static final Instant T0 = Instant.parse("2026-05-01T02:00:00Z");

    private WorkflowFixture fixture;
    private IncidentService incidents;

    @BeforeEach
    void start() {
        fixture = new WorkflowFixture(T0, new JsonObject());
        incidents = fixture.module.incidents().service();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    static TicketDraft report(String category, String district, String caller) {
        return new TicketDraft(TicketType.REPAIR, Channel.PHONE, null, false, null, caller, "water in the street",
                null, "Renmin Rd", district, category, null);
    }

    private long incidentOf(Ticket ticket) {
        return fixture.query("SELECT incident_id FROM incident_reports WHERE ticket_id = $1", ticket.id()).getFirst()
                .getLong("incident_id");
    }

    private long crew(boolean onDuty) {
        return fixture.query("INSERT INTO crews (name, on_duty, created_at) VALUES ($1, $2, now()) RETURNING id",
                "crew-" + System.nanoTime(), onDuty).getFirst().getLong("id");
    }

    @Test
    @DisplayName("reports of one category and district within the window share one incident; another district opens its own")
    void attach() {
        Ticket first = fixture.create(report("burst_main", "D01", "13800000001"));
        fixture.clock.advance(Duration.ofMinutes(20));
        Ticket second = fixture.create(report("burst_main", "D01", "13800000002"));
        Ticket elsewhere = fixture.create(report("burst_main", "D02", "13800000003"));
        Ticket otherKind = fixture.create(report("low_pressure", "D01", "13800000004"));

        assertThat(incidentOf(second)).isEqualTo(incidentOf(first));
        assertThat(Set.of(incidentOf(first), incidentOf(elsewhere), incidentOf(otherKind))).hasSize(3);
        List<Incident> open = await(incidents.list(IncidentStatus.OPEN, "D01"));
        assertThat(open).extracting(Incident::reportCount).containsExactlyInAnyOrder(2L, 1L);
        assertThat(fixture.query("SELECT suspended FROM ticket_sla WHERE ticket_id = $1", second.id()).getFirst()
                .getBoolean("suspended")).isTrue();
    }

    @Test
    @DisplayName("when an incident opens, the critical-facility customers of its district get a proactive call")
    void proactiveCalls() {
        long hospital = fixture.customer("key", true, "D01");
        fixture.customer("ordinary", false, "D01");
        fixture.customer("ordinary", true, "D02");

        fixture.create(report("burst_main", "D01", null));
        fixture.create(report("burst_main", "D01", null));

        List<Row> calls = fixture.query("SELECT customer_id, kind FROM followups");
        assertThat(calls).singleElement().satisfies(row -> {
            assertThat(row.getLong("customer_id")).isEqualTo(hospital);
            assertThat(row.getString("kind")).isEqualTo("proactive");
        });
    }

    @Test
    @DisplayName("only the incident is dispatched: a report's own dispatch is a 409, an unknown crew a 422")
    void dispatchOnlyTheIncident() {
        Ticket first = fixture.create(report("burst_main", "D01", null));
        Ticket second = fixture.create(report("burst_main", "D01", null));
        long crew = crew(true);
        JsonObject dispatch = new JsonObject().put("crewId", crew).put("eta", "2026-05-01T02:40:00Z");

        assertThatThrownBy(() -> fixture.act(second, "dispatch", dispatch))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.details().get("incidentId")).isEqualTo(incidentOf(second)));
        assertThatThrownBy(() -> await(incidents.dispatch(incidentOf(first), 9999, "2026-05-01T02:40:00Z", WorkflowFixture.AGENT)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("crewId"));
        assertThatThrownBy(() -> await(incidents.dispatch(incidentOf(first), crew(false), "2026-05-01T02:40:00Z", WorkflowFixture.AGENT)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not on duty");

        Incident dispatched = await(incidents.dispatch(incidentOf(first), crew, "2026-05-01T02:40:00Z", WorkflowFixture.AGENT));

        assertThat(dispatched.crewId()).isEqualTo(crew);
        assertThat(await(fixture.tickets.get(first.id())).ticket().status()).isEqualTo(TicketStatus.DISPATCHED);
        assertThat(await(fixture.tickets.get(second.id())).ticket().status()).isEqualTo(TicketStatus.REPORTED);
    }

    @Test
    @DisplayName("closing an incident closes every report and queues one notice per reporter; repeating it closes nothing more")
    void closeResolvesChildren() {
        List<Ticket> reports = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            reports.add(fixture.create(report("burst_main", "D01", "1380000000" + i)));
        }
        fixture.act(reports.get(3), "cancel", new JsonObject().put("reason", "duplicate"));
        long id = incidentOf(reports.getFirst());

        JsonObject closed = await(incidents.close(id, "main repaired, supply restored", null, WorkflowFixture.AGENT));
        JsonObject again = await(incidents.close(id, "ignored", null, WorkflowFixture.AGENT));

        assertThat(closed.getInteger("closedReports")).isEqualTo(3);
        assertThat(again.getInteger("closedReports")).isZero();
        for (Ticket ticket : reports.subList(0, 3)) {
            Ticket after = await(fixture.tickets.get(ticket.id())).ticket();
            assertThat(after.status()).isEqualTo(TicketStatus.CLOSED);
            assertThat(after.details().getJsonObject("incident").getString("resolution")).isEqualTo("main repaired, supply restored");
        }
        List<Row> notices = fixture.query("SELECT phone, variables FROM notices WHERE kind = 'incident_closed'");
        assertThat(notices).extracting(row -> row.getString("phone"))
                .containsExactlyInAnyOrder("13800000000", "13800000001", "13800000002");
        assertThat(notices).allSatisfy(row -> assertThat(row.getJsonObject("variables").getString("resolution"))
                .isEqualTo("main repaired, supply restored"));
        assertThat(await(incidents.list(IncidentStatus.OPEN, null))).isEmpty();
    }

    @Test
    @DisplayName("a supervisor merges two incidents of one burst (the open ones of its category are offered) and splits a "
            + "report off into a new one")
    void mergeAndSplit() {
        Ticket a = fixture.create(report("burst_main", "D01", null));
        fixture.clock.advance(Duration.ofHours(3)); // outside the window: a second incident opens
        Ticket b = fixture.create(report("burst_main", "D01", null));
        Ticket c = fixture.create(report("burst_main", "D01", null));
        long first = incidentOf(a);
        long second = incidentOf(b);
        assertThat(first).isNotEqualTo(second);
        fixture.create(report("low_pressure", "D01", null));
        assertThat(await(incidents.openOf("burst_main"))).extracting(Incident::id).containsExactly(second, first);

        Incident merged = await(incidents.merge(first, second, WorkflowFixture.AGENT));
        assertThat(merged.reportCount()).isEqualTo(3);
        assertThat(await(incidents.list(IncidentStatus.MERGED, null))).extracting(Incident::id).containsExactly(second);
        assertThatThrownBy(() -> await(incidents.merge(first, second, WorkflowFixture.AGENT))).isInstanceOf(ConflictException.class);

        Incident split = await(incidents.split(first, Set.of(c.id()), WorkflowFixture.AGENT));
        assertThat(split.reportCount()).isEqualTo(1);
        assertThat(incidentOf(c)).isEqualTo(split.id());
        assertThatThrownBy(() -> await(incidents.split(first, Set.of(a.id(), b.id()), WorkflowFixture.AGENT)))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    @DisplayName("every committed change of an incident is told on the event bus, with the incident merged in or split off; "
            + "a report whose transaction rolls back is not")
    void changesAreTold() throws InterruptedException {
        List<JsonObject> told = new CopyOnWriteArrayList<>();
        fixture.vertx.eventBus().<JsonObject>consumer(IncidentService.BUS_ADDRESS, message -> told.add(message.body()));
        Ticket a = fixture.create(report("burst_main", "D01", null));
        fixture.create(report("burst_main", "D01", null));
        fixture.clock.advance(Duration.ofHours(3));
        Ticket c = fixture.create(report("burst_main", "D01", null));
        Ticket d = fixture.create(report("burst_main", "D01", null));
        long first = incidentOf(a);
        long second = incidentOf(c);
        await(incidents.dispatch(first, crew(true), "2026-05-01T06:00:00Z", WorkflowFixture.AGENT));
        await(incidents.merge(first, second, WorkflowFixture.AGENT));
        long split = await(incidents.split(first, Set.of(d.id()), WorkflowFixture.AGENT)).id();
        await(incidents.close(split, "fixed", null, WorkflowFixture.AGENT));
        fixture.tickets.addListener(new TicketListener() {
            @Override
            public Future<Void> onCreated(SqlConnection tx, Ticket created) {
                return Future.failedFuture(new IllegalStateException("a later listener refuses"));
            }
        });
        assertThatThrownBy(() -> fixture.create(report("burst_main", "D01", null))).hasMessageContaining("refuses");

        Await.until(() -> told.size() >= 8, Duration.ofSeconds(5));
        assertThat(told).extracting(m -> m.getString("kind") + " " + m.getLong("id") + " " + m.getLong("otherId"))
                .containsExactly("opened " + first + " null", "report " + first + " null", "opened " + second + " null",
                        "report " + second + " null", "dispatched " + first + " null", "merged " + first + " " + second,
                        "split " + split + " " + first, "closed " + split + " null");
        assertThat(told.getFirst().getString("district")).isEqualTo("D01");
        assertThat(told.getFirst().getValue("actorId")).isNull();
        assertThat(told.getLast().getLong("actorId")).isEqualTo(WorkflowFixture.AGENT.id());
        assertThat(told.getFirst().getString("category")).isEqualTo("burst_main");
    }

    @Test
    @DisplayName("200 simultaneous reports of one burst make one incident with 200 reports, none lost or doubled")
    void simultaneousReports() {
        List<Future<Ticket>> created = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            created.add(fixture.tickets.create(report("burst_main", "D09", null), WorkflowFixture.AGENT, Optional.empty()));
        }
        await(Future.all(created));

        assertThat(fixture.query("SELECT count(*) AS n FROM incidents").getFirst().getLong("n")).isEqualTo(1);
        assertThat(fixture.query("SELECT count(DISTINCT ticket_id) AS n FROM incident_reports").getFirst().getLong("n"))
                .isEqualTo(200);
    }
}
