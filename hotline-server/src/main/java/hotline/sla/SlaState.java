package hotline.sla;

import hotline.ticket.workflow.EscalationLevel;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The SLA of one ticket as stored: its due times, whether the first response and the resolution are done, the
 * escalation level, the deadlines already warned about and breached, and when the scheduler looks next (null:
 * nothing left, or suspended because an incident carries the ticket).
 */
public record SlaState(long ticketId, String rule, DueTimes due, boolean responded, boolean resolved, boolean suspended,
                       EscalationLevel level, Set<String> warned, Set<String> breached, Instant nextCheckAt) {

    public SlaState {
        warned = Set.copyOf(warned);
        breached = Set.copyOf(breached);
    }

    /** The deadlines still open. */
    public List<Deadline> deadlines() {
        return EscalationSchedule.deadlines(due, responded, resolved);
    }

    /** What the scheduler does at {@code now}. */
    public EscalationSchedule.Decision decide(Instant now) {
        return EscalationSchedule.decide(deadlines(), warned, breached, now);
    }

    /** The due times for {@code GET /api/tickets/{id}}. */
    public JsonObject toJson() {
        return new JsonObject()
                .put("rule", rule)
                .put("firstResponseDue", due.firstResponseDue().toString())
                .put("resolutionDue", due.resolutionDue().toString())
                .put("responded", responded)
                .put("resolved", resolved)
                .put("level", level.code())
                .put("breached", new JsonArray(breached.stream().sorted().toList()))
                .put("nextCheckAt", nextCheckAt == null ? null : nextCheckAt.toString());
    }
}
