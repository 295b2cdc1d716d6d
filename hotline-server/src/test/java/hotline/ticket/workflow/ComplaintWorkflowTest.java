package hotline.ticket.workflow;

import hotline.common.ConflictException;
import hotline.common.InvalidInputException;
import hotline.ticket.Priority;
import hotline.ticket.TicketStatus;
import hotline.ticket.TicketType;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ComplaintWorkflowTest {

    private static final Workflow complaint = Workflows.of(TicketType.COMPLAINT);
    private static final ActionContext agent = new ActionContext("agent-li", Instant.parse("2026-05-01T02:00:00Z"));

    static JsonObject vent() {
        return new JsonObject().put("statement", "你们的抄表员三个月没来了！<b>' OR 1=1 --</b> 😡")
                .put("mood", "emotional").put("feelingsAcknowledged", true);
    }

    static JsonObject record() {
        return new JsonObject().put("complainant", "Wang Fang").put("aboutKind", "staff").put("about", "meter reader")
                .put("whatHappened", "no reading for three months, estimated bill").put("happenedAt", "2026-04-20T08:00:00Z")
                .put("wantedOutcome", "a correct bill").put("contact", "evenings").put("founded", "founded")
                .put("foundedReason", "route log shows no visit");
    }

    static JsonObject resolve(boolean accepted) {
        return new JsonObject().put("solution", "re-read the meter, correct the bill").put("owner", "billing team")
                .put("accepted", accepted);
    }

    static WorkflowState at(TicketStatus status) {
        return new WorkflowState(TicketType.COMPLAINT, status, Priority.NORMAL, false, null, new JsonObject());
    }

    static WorkflowState after(Step step) {
        return new WorkflowState(TicketType.COMPLAINT, step.status(), step.priority(), false, null, step.details());
    }

    @Test
    @DisplayName("a complaint walks vent → record → resolve → follow_up → closed, keeping each step's fields")
    void happyPath() {
        Step vented = complaint.apply(at(TicketStatus.VENT), "vent", vent(), agent);
        Step recorded = complaint.apply(after(vented), "record", record(), agent);
        Step resolved = complaint.apply(after(recorded), "resolve", resolve(true), agent);
        Step followed = complaint.apply(after(resolved), "follow_up",
                new JsonObject().put("satisfaction", 4).put("comment", "fine now"), agent);

        assertThat(List.of(vented.status(), recorded.status(), resolved.status(), followed.status()))
                .containsExactly(TicketStatus.RECORD, TicketStatus.RESOLVE, TicketStatus.FOLLOW_UP, TicketStatus.CLOSED);
        JsonObject details = followed.details();
        assertThat(details.getJsonObject("vent").getString("statement")).isEqualTo(vent().getString("statement"));
        assertThat(details.getJsonObject("record").getString("founded")).isEqualTo("founded");
        assertThat(details.getJsonObject("followUp").getLong("satisfaction")).isEqualTo(4);
        assertThat(details.getJsonObject("vent").getString("by")).isEqualTo("agent-li");
        assertThat(Escalation.level(details).code()).isEqualTo("agent");
    }

    @Test
    @DisplayName("a missing record field is a 422 naming that field")
    void missingFieldNamed() {
        JsonObject fields = record();
        fields.remove("wantedOutcome");

        assertThatThrownBy(() -> complaint.apply(at(TicketStatus.RECORD), "record", fields, agent))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("fields.wantedOutcome"));
    }

    @Test
    @DisplayName("a wrong mood, a score outside 1–5 and an unknown field are each rejected by name")
    void badValuesNamed() {
        assertThatThrownBy(() -> complaint.apply(at(TicketStatus.VENT), "vent", vent().put("mood", "angry"), agent))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("fields.mood"));
        assertThatThrownBy(() -> complaint.apply(at(TicketStatus.FOLLOW_UP), "follow_up",
                new JsonObject().put("satisfaction", 6).put("comment", "x"), agent))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("fields.satisfaction"));
        assertThatThrownBy(() -> complaint.apply(at(TicketStatus.VENT), "vent", vent().put("extra", 1), agent))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("fields.extra"));
    }

    @Test
    @DisplayName("venting without acknowledging the caller's feelings is refused")
    void feelingsMustBeAcknowledged() {
        assertThatThrownBy(() -> complaint.apply(at(TicketStatus.VENT), "vent",
                vent().put("feelingsAcknowledged", false), agent))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("fields.feelingsAcknowledged"));
    }

    @Test
    @DisplayName("an action out of order is a conflict listing the allowed actions")
    void wrongStepLists() {
        assertThatThrownBy(() -> complaint.apply(at(TicketStatus.VENT), "resolve", resolve(true), agent))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.details().get("allowedActions"))
                        .isEqualTo(List.of("vent", "escalate", "reassign")));
    }

    @Test
    @DisplayName("a solution not accepted escalates one level and stays in resolve")
    void notAcceptedEscalates() {
        Step step = complaint.apply(at(TicketStatus.RESOLVE), "resolve", resolve(false), agent);

        assertThat(step.status()).isEqualTo(TicketStatus.RESOLVE);
        assertThat(Escalation.level(step.details()).code()).isEqualTo("team_lead");
        assertThat(step.eventData().getJsonObject("escalation").getString("to")).isEqualTo("team_lead");
    }

    @Test
    @DisplayName("satisfaction 1–2 (with its reason) reopens the complaint at resolve and escalates; 3 closes it, and so does an unreachable customer")
    void lowScoreReopens() {
        Step low = complaint.apply(at(TicketStatus.FOLLOW_UP), "follow_up", new JsonObject().put("satisfaction", 2)
                .put("reasons", new JsonArray().add("not_fixed")).put("comment", "still wrong"), agent);
        Step mid = complaint.apply(at(TicketStatus.FOLLOW_UP), "follow_up",
                new JsonObject().put("satisfaction", 3).put("comment", "ok"), agent);
        Step unreachable = complaint.apply(at(TicketStatus.FOLLOW_UP), "follow_up",
                new JsonObject().put("outcome", "unreachable"), agent);

        assertThat(low.status()).isEqualTo(TicketStatus.RESOLVE);
        assertThat(Escalation.level(low.details()).code()).isEqualTo("team_lead");
        assertThat(low.details().getJsonObject("followUp").getJsonArray("reasons")).containsExactly("not_fixed");
        assertThat(mid.status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(unreachable.status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(unreachable.details().getJsonObject("escalation")).isNull();
    }

    @Test
    @DisplayName("escalate climbs agent → team_lead → duty_supervisor → manager and stops there")
    void escalationLadder() {
        WorkflowState state = at(TicketStatus.RECORD);
        for (int i = 0; i < 4; i++) {
            state = after(complaint.apply(state, "escalate", new JsonObject().put("reason", "caller insists"), agent));
        }
        assertThat(Escalation.level(state.details()).code()).isEqualTo("manager");
        assertThat(state.details().getJsonObject("escalation").getInteger("count")).isEqualTo(4);
    }

    @Test
    @DisplayName("a closed complaint can only be reopened, and reopening lands in resolve")
    void reopen() {
        assertThat(complaint.allowedActions(TicketStatus.CLOSED)).containsExactly("reopen");
        Step step = complaint.apply(at(TicketStatus.CLOSED), "reopen", new JsonObject().put("reason", "called again"), agent);
        assertThat(step.status()).isEqualTo(TicketStatus.RESOLVE);
    }

    @Test
    @DisplayName("the description of a step lists the allowed actions and the fields each requires")
    void describe() {
        JsonObject wizard = complaint.describe(TicketStatus.RECORD);

        assertThat(wizard.getString("step")).isEqualTo("record");
        assertThat(wizard.getJsonArray("allowedActions").getList()).containsExactly("record", "escalate", "reassign");
        assertThat(wizard.getJsonObject("requiredFields").getJsonArray("record").getJsonObject(7).getJsonArray("values")
                .getList()).containsExactly("founded", "partly", "unfounded");
    }
}
