package hotline.followup;

import hotline.testing.WorkflowFixture;
import hotline.ticket.Channel;
import hotline.ticket.Ticket;
import hotline.ticket.TicketDraft;
import hotline.ticket.TicketType;
import io.vertx.core.json.JsonObject;

/** Complaints as the follow-up tests need them. */
final class Complaints {

    private Complaints() {
    }

    /** A complaint about an estimated bill taken through vent, record and resolve (accepted): it is in follow_up. */
    static Ticket resolved(WorkflowFixture fixture, String district) {
        Ticket ticket = fixture.create(new TicketDraft(TicketType.COMPLAINT, Channel.PHONE, null, false, null, null,
                "estimated bill", null, null, district, null, null));
        fixture.act(ticket, "vent", new JsonObject().put("statement", "三个月没抄表").put("mood", "calm")
                .put("feelingsAcknowledged", true));
        fixture.act(ticket, "record", new JsonObject().put("complainant", "Li").put("aboutKind", "service")
                .put("about", "meter reading").put("whatHappened", "estimated bill").put("happenedAt", "2026-04-01T00:00:00Z")
                .put("wantedOutcome", "a real reading").put("contact", "evenings").put("founded", "partly")
                .put("foundedReason", "one visit missed"));
        return fixture.act(ticket, "resolve", new JsonObject().put("solution", "read the meter tomorrow")
                .put("owner", "meter team").put("accepted", true));
    }
}
