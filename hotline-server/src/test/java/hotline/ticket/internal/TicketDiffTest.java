package hotline.ticket.internal;

import hotline.ticket.Channel;
import hotline.ticket.Priority;
import hotline.ticket.Ticket;
import hotline.ticket.TicketStatus;
import hotline.ticket.TicketType;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class TicketDiffTest {

    private static final Ticket TICKET = new Ticket(1, "HL-20261123-000001", TicketType.COMPLAINT, Channel.PHONE,
            TicketStatus.VENT, Priority.NORMAL, false, null, "13800138000", "rude", "", "", "Xuhui", null,
            new JsonObject().put("vent", new JsonObject().put("mood", "angry")), 1, Instant.EPOCH, Instant.EPOCH,
            null);

    @Test
    @DisplayName("only changed fields appear, each with from and to; workflow data per step as details.<step>")
    void changedFieldsOnly() {
        Ticket after = TICKET.withStatus(TicketStatus.RECORD).withPriority(Priority.HIGH)
                .withDetail("record", new JsonObject().put("facts", "late crew"));

        JsonObject changes = TicketDiff.between(TICKET, after);

        assertThat(changes).isEqualTo(new JsonObject()
                .put("status", new JsonObject().put("from", "vent").put("to", "record"))
                .put("priority", new JsonObject().put("from", "normal").put("to", "high"))
                .put("details.record", new JsonObject().putNull("from")
                        .put("to", new JsonObject().put("facts", "late crew"))));
    }

    @Test
    @DisplayName("identical tickets have no changes, whatever their versions and timestamps")
    void noChanges() {
        Ticket later = new Ticket(1, TICKET.number(), TICKET.type(), TICKET.channel(), TICKET.status(),
                TICKET.priority(), false, null, "13800138000", "rude", "", "", "Xuhui", null, TICKET.details().copy(),
                7, Instant.EPOCH, Instant.now(), null);

        assertThat(TicketDiff.between(TICKET, later)).isEmpty();
    }
}
