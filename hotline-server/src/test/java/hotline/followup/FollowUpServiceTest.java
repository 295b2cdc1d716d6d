package hotline.followup;

import hotline.common.ConflictException;
import hotline.testing.WorkflowFixture;
import hotline.ticket.Channel;
import hotline.ticket.Ticket;
import hotline.ticket.TicketDraft;
import hotline.ticket.TicketStatus;
import hotline.ticket.TicketType;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.vertx.core.Future.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FollowUpServiceTest {

    /** 13:30 UTC is 21:30 in Shanghai, after the calling hours. */
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

    @Test
    @DisplayName("resolving a complaint at 21:30 plans the return call after the delay, moved to 09:00 inside the calling hours")
    void plannedInsideCallingHours() {
        Ticket ticket = Complaints.resolved(fixture, "D01");

        FollowUp call = fixture.query("SELECT * FROM followups WHERE ticket_id = $1", ticket.id()).stream()
                .map(FollowUp::of).findFirst().orElseThrow();
        // Ordinary complaint: follow-up delay 2 days → 2026-05-03 21:30 local → 2026-05-04 09:00 local (01:00 UTC).
        assertThat(call.dueAt()).isEqualTo(Instant.parse("2026-05-04T01:00:00Z"));
        assertThat(call.assignee()).isEqualTo("agent-wang");
        assertThat(await(followUps.list(FollowUpService.Due.TODAY, null))).isEmpty();

        fixture.clock.set(Instant.parse("2026-05-04T03:00:00Z"));
        assertThat(await(followUps.list(FollowUpService.Due.TODAY, "agent-wang"))).extracting(FollowUp::id).containsExactly(call.id());
        assertThat(await(followUps.list(FollowUpService.Due.OVERDUE, null))).hasSize(1);
        assertThat(await(followUps.list(FollowUpService.Due.TODAY, "someone-else"))).isEmpty();
    }

    @Test
    @DisplayName("an unhappy outcome (2) reopens the complaint at resolve and escalates to the team lead on duty; recording twice is a 409")
    void unhappyOutcomeReopens() {
        Ticket ticket = Complaints.resolved(fixture, "D01");
        long id = fixture.query("SELECT id FROM followups WHERE ticket_id = $1", ticket.id()).getFirst().getLong("id");

        FollowUp done = await(followUps.recordOutcome(id, new JsonObject().put("satisfaction", 2)
                .put("reasons", new JsonArray().add("not_fixed")).put("comment", "still estimated"), WorkflowFixture.AGENT));

        assertThat(done.satisfaction()).isEqualTo(2);
        assertThat(done.doneAt()).isNotNull();
        Ticket after = await(fixture.tickets.get(ticket.id())).ticket();
        assertThat(after.status()).isEqualTo(TicketStatus.RESOLVE);
        assertThat(after.details().getJsonObject("escalation").getString("level")).isEqualTo("team_lead");
        assertThat(after.details().getJsonObject("escalation").getString("owner")).isEqualTo("lead.night"); // 21:30 local
        assertThatThrownBy(() -> await(followUps.recordOutcome(id, new JsonObject().put("satisfaction", 5)
                .put("comment", "again"), WorkflowFixture.AGENT)))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    @DisplayName("verifying a repair plans a return call for a key customer, not for an ordinary one")
    void repairFollowUpForKeyCustomers() {
        long key = fixture.customer("key", false, "D01");
        long ordinary = fixture.customer("ordinary", false, "D01");
        for (long customer : List.of(key, ordinary)) {
            Ticket ticket = fixture.create(new TicketDraft(TicketType.REPAIR, Channel.PHONE, null, false, customer, null,
                    "meter leaking", null, null, "", null, null));
            fixture.act(ticket, "dispatch", new JsonObject().put("crewId",
                    fixture.query("INSERT INTO crews (name, created_at) VALUES ($1, now()) RETURNING id", "c" + customer)
                            .getFirst().getLong("id")).put("eta", "2026-05-01T15:00:00Z"));
            fixture.act(ticket, "arrive", new JsonObject());
            fixture.act(ticket, "complete", new JsonObject().put("cause", "worn seal").put("workDone", "new seal"));
            fixture.act(ticket, "verify", new JsonObject().put("confirmedBy", "customer"));
        }

        assertThat(fixture.query("SELECT customer_id FROM followups WHERE kind = 'repair'"))
                .singleElement().satisfies(row -> assertThat(row.getLong("customer_id")).isEqualTo(key));
    }
}
