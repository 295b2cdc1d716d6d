package hotline.ticket.workflow;

import hotline.auth.Role;
import hotline.common.ConflictException;
import hotline.common.InvalidInputException;
import hotline.ticket.Priority;
import hotline.ticket.TicketStatus;
import hotline.ticket.TicketType;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReassignTest {

    private static final Instant NOW = Instant.parse("2026-05-01T02:00:00Z");
    private static final ActionContext supervisor = new ActionContext("supervisor1", NOW);
    private static final Workflow repair = Workflows.of(TicketType.REPAIR);

    private static WorkflowState repairAt(TicketStatus status, JsonObject details) {
        return new WorkflowState(TicketType.REPAIR, status, Priority.HIGH, false, null, details);
    }

    private static JsonObject toUser(String username) {
        return new JsonObject().put("assignee", username).put("reason", "agent2 knows this street");
    }

    @Test
    @DisplayName("reassign gives an open ticket to a user: who, when, from whom, to whom and why are kept, the step stays")
    void toAUser() {
        Step step = repair.apply(repairAt(TicketStatus.DISPATCHED, new JsonObject()), "reassign", toUser("agent2"),
                supervisor);

        assertThat(step.status()).isEqualTo(TicketStatus.DISPATCHED);
        JsonObject assignment = step.details().getJsonObject("assignment");
        assertThat(assignment.getString("to")).isEqualTo("agent2");
        assertThat(assignment.getString("from")).isNull();
        assertThat(assignment.getString("by")).isEqualTo("supervisor1");
        assertThat(assignment.getString("at")).isEqualTo(NOW.toString());
        assertThat(step.eventData().getJsonObject("assignment").getMap())
                .containsEntry("to", "agent2").containsEntry("reason", "agent2 knows this street");
        assertThat(Assignment.owner(step.details())).contains(Assignee.user("agent2"));
    }

    @Test
    @DisplayName("a second reassignment, to a team, names the previous owner as 'from'")
    void toATeamFromTheOwner() {
        Step first = repair.apply(repairAt(TicketStatus.REPORTED, new JsonObject()), "reassign", toUser("agent2"),
                supervisor);
        Step second = repair.apply(repairAt(TicketStatus.REPORTED, first.details()), "reassign",
                new JsonObject().put("team", "network").put("reason", "main under the road"), supervisor);

        assertThat(second.eventData().getJsonObject("assignment").getMap())
                .containsEntry("from", "agent2").containsEntry("to", "team:network");
        assertThat(Assignment.owner(second.details())).contains(Assignee.team("network"));
    }

    @Test
    @DisplayName("reassign names exactly one of a user and a team, needs a reason, and refuses the current owner")
    void refusals() {
        WorkflowState open = repairAt(TicketStatus.REPORTED, new JsonObject());
        assertThatThrownBy(() -> repair.apply(open, "reassign", new JsonObject().put("reason", "x"), supervisor))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("fields.assignee"));
        assertThatThrownBy(() -> repair.apply(open, "reassign",
                toUser("agent2").put("team", "network"), supervisor))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("fields.assignee"));
        assertThatThrownBy(() -> repair.apply(open, "reassign", new JsonObject().put("assignee", "agent2"), supervisor))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("fields.reason"));

        Step given = repair.apply(open, "reassign", toUser("agent2"), supervisor);
        assertThatThrownBy(() -> repair.apply(repairAt(TicketStatus.REPORTED, given.details()), "reassign",
                toUser("agent2"), supervisor))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("fields.assignee"));
        assertThatThrownBy(() -> repair.apply(repairAt(TicketStatus.CLOSED, new JsonObject()), "reassign",
                toUser("agent2"), supervisor)).isInstanceOf(ConflictException.class);
    }

    @Test
    @DisplayName("the owner is whoever was named last: an escalation after a reassignment hands the ticket to the level's holder")
    void ownerIsTheLatest() {
        JsonObject details = new JsonObject()
                .put("assignment", new JsonObject().put("to", "team:network").put("at", "2026-05-01T02:00:00Z"))
                .put("escalation", new JsonObject().put("level", "team_lead").put("owner", "lead.day")
                        .put("at", "2026-05-01T03:00:00.5Z"));
        assertThat(Assignment.owner(details)).contains(Assignee.user("lead.day"));

        details.getJsonObject("assignment").put("at", "2026-05-01T04:00:00Z");
        assertThat(Assignment.owner(details)).contains(Assignee.team("network"));
        assertThat(Assignment.owner(new JsonObject())).isEmpty();
    }

    @Test
    @DisplayName("only reassign needs a supervisor, and the step's description says so for consoles")
    void roles() {
        assertThat(Workflows.role("reassign")).isEqualTo(Role.SUPERVISOR);
        assertThat(Workflows.role("escalate")).isEqualTo(Role.AGENT);
        assertThat(Workflows.role("no_such_action")).isEqualTo(Role.AGENT);
        JsonObject wizard = Workflows.of(TicketType.INQUIRY).describe(TicketStatus.OPEN);
        assertThat(wizard.getJsonObject("roles").getMap()).containsExactly(java.util.Map.entry("reassign", "supervisor"));
    }
}
