package hotline.ticket.workflow;

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

class RepairWorkflowTest {

    private static final Workflow repair = Workflows.of(TicketType.REPAIR);
    private static final ActionContext crew = new ActionContext("dispatcher", Instant.parse("2026-05-01T02:00:00Z"));

    static WorkflowState at(TicketStatus status, boolean urgent) {
        return new WorkflowState(TicketType.REPAIR, status, Priority.NORMAL, urgent, null, new JsonObject());
    }

    static WorkflowState after(Step step) {
        return new WorkflowState(TicketType.REPAIR, step.status(), step.priority(), false, step.category(), step.details());
    }

    static JsonObject answers(String category) {
        return new JsonObject().put("category", category).put("waterInStreet", false).put("propertyFlooding", false)
                .put("supplyCut", false).put("households", 1).put("publicDanger", false).put("side", "utility");
    }

    @Test
    @DisplayName("a repair goes reported → dispatched → on_site → repaired → verified → closed")
    void happyPath() {
        WorkflowState state = at(TicketStatus.REPORTED, false);
        state = after(repair.apply(state, "dispatch", new JsonObject().put("crewId", 3).put("eta", "2026-05-01T02:40:00Z"), crew));
        assertThat(state.status()).isEqualTo(TicketStatus.DISPATCHED);
        state = after(repair.apply(state, "arrive", new JsonObject(), crew));
        state = after(repair.apply(state, "complete", new JsonObject().put("cause", "corroded joint").put("workDone", "replaced 2 m of DN100"), crew));
        state = after(repair.apply(state, "verify", new JsonObject().put("confirmedBy", "customer"), crew));
        Step closed = repair.apply(state, "close", new JsonObject(), crew);

        assertThat(closed.status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(closed.details().getJsonObject("dispatch").getLong("crewId")).isEqualTo(3);
        assertThat(closed.details().getJsonObject("complete").getString("cause")).isEqualTo("corroded joint");
    }

    @Test
    @DisplayName("cancel needs one of the known reasons and works from any open step, never from a closed one")
    void cancel() {
        assertThatThrownBy(() -> repair.apply(at(TicketStatus.ON_SITE, false), "cancel", new JsonObject().put("reason", "bored"), crew))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("fields.reason"));
        assertThat(repair.apply(at(TicketStatus.ON_SITE, false), "cancel", new JsonObject().put("reason", "not_our_network"), crew)
                .status()).isEqualTo(TicketStatus.CANCELLED);
        assertThatThrownBy(() -> repair.apply(at(TicketStatus.CLOSED, false), "dispatch",
                new JsonObject().put("crewId", 1).put("eta", "2026-05-01T03:00:00Z"), crew))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.details().get("allowedActions")).isEqualTo(java.util.List.of("reopen")));
    }

    @Test
    @DisplayName("dispatch without a crew or with a bad eta names the field")
    void dispatchFields() {
        assertThatThrownBy(() -> repair.apply(at(TicketStatus.REPORTED, false), "dispatch", new JsonObject().put("eta", "2026-05-01T03:00:00Z"), crew))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("fields.crewId"));
        assertThatThrownBy(() -> repair.apply(at(TicketStatus.REPORTED, false), "dispatch", new JsonObject().put("crewId", 1).put("eta", "soon"), crew))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("fields.eta"));
    }

    @Test
    @DisplayName("assessing a burst main running in the street makes it severity 1 and critical")
    void assessBurst() {
        Step step = repair.apply(at(TicketStatus.REPORTED, false), "assess", answers("burst_main").put("waterInStreet", true), crew);

        assertThat(step.details().getJsonObject("assessment").getInteger("severity")).isEqualTo(1);
        assertThat(step.priority()).isEqualTo(Priority.CRITICAL);
        assertThat(step.category()).isEqualTo("burst_main");
        assertThat(step.status()).isEqualTo(TicketStatus.REPORTED);
    }

    @Test
    @DisplayName("an urgent single-household meter leak is raised one priority above its severity")
    void urgentRaises() {
        Step step = repair.apply(at(TicketStatus.REPORTED, true), "assess", answers("meter_leak").put("side", "private"), crew);

        assertThat(step.details().getJsonObject("assessment").getInteger("severity")).isEqualTo(4);
        assertThat(step.priority()).isEqualTo(Priority.NORMAL);
        assertThat(step.details().getJsonObject("assessment").getString("side")).isEqualTo("private");
    }

    @Test
    @DisplayName("a water-quality report needs its aspect (colour, smell, taste); other categories must not have one")
    void qualityAspect() {
        assertThatThrownBy(() -> repair.apply(at(TicketStatus.REPORTED, false), "assess", answers("water_quality"), crew))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("fields.qualityAspect"));
        assertThatThrownBy(() -> repair.apply(at(TicketStatus.REPORTED, false), "assess", answers("hydrant").put("qualityAspect", "taste"), crew))
                .isInstanceOf(InvalidInputException.class);
        assertThat(repair.apply(at(TicketStatus.REPORTED, false), "assess", answers("water_quality").put("qualityAspect", "smell"), crew)
                .details().getJsonObject("assessment").getString("qualityAspect")).isEqualTo("smell");
    }

    @Test
    @DisplayName("severity follows the intake answers: flooding 2, water in the street 3, one dry household 4")
    void severityLevels() {
        assertThat(Severity.of(new Severity.Answers(RepairCategory.SERVICE_PIPE_LEAK, false, true, false, 1, false)).level()).isEqualTo(2);
        assertThat(Severity.of(new Severity.Answers(RepairCategory.SERVICE_PIPE_LEAK, true, false, false, 1, false)).level()).isEqualTo(3);
        assertThat(Severity.of(new Severity.Answers(RepairCategory.NO_WATER, false, false, true, 150, false)).level()).isEqualTo(1);
        assertThat(Severity.of(new Severity.Answers(RepairCategory.LOW_PRESSURE, false, false, false, 1, false)).level()).isEqualTo(4);
        assertThat(Severity.of(new Severity.Answers(RepairCategory.HYDRANT, false, false, false, 1, true)).priority()).isEqualTo(Priority.CRITICAL);
    }

    @Test
    @DisplayName("inquiries are answered or closed, and every type can escalate and reopen")
    void simpleTypes() {
        Workflow inquiry = Workflows.of(TicketType.INQUIRY);
        WorkflowState open = new WorkflowState(TicketType.INQUIRY, TicketStatus.OPEN, Priority.NORMAL, false, null, null);

        assertThat(inquiry.allowedActions(TicketStatus.OPEN)).containsExactly("answer", "close", "escalate", "reassign");
        assertThat(inquiry.apply(open, "answer", new JsonObject().put("answer", "the bill is due on the 15th"), crew).status())
                .isEqualTo(TicketStatus.CLOSED);
        for (TicketType type : TicketType.values()) {
            assertThat(Workflows.of(type).allowedActions(TicketStatus.CLOSED)).contains("reopen");
        }
    }
}
