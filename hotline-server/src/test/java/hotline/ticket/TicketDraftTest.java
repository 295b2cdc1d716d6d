package hotline.ticket;

import hotline.common.InvalidInputException;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TicketDraftTest {

    @Test
    @DisplayName("priority is derived: high when urgent, else normal; an explicit one is kept")
    void derivedPriority() {
        JsonObject body = new JsonObject().put("type", "repair").put("subject", "leak");

        assertThat(TicketDraft.fromJson(body).priority()).isEqualTo(Priority.NORMAL);
        assertThat(TicketDraft.fromJson(body.copy().put("urgent", true)).priority()).isEqualTo(Priority.HIGH);
        assertThat(TicketDraft.fromJson(body.copy().put("urgent", true).put("priority", "low")).priority())
                .isEqualTo(Priority.LOW);
    }

    @Test
    @DisplayName("a draft from JSON defaults the channel to phone and the text fields to empty")
    void defaults() {
        TicketDraft draft = TicketDraft.fromJson(new JsonObject().put("type", "help").put("subject", "stairs"));

        assertThat(draft.channel()).isEqualTo(Channel.PHONE);
        assertThat(draft.description()).isEmpty();
        assertThat(draft.location()).isEmpty();
        assertThat(draft.district()).isEmpty();
        assertThat(draft.details()).isEqualTo(new JsonObject());
        assertThat(draft.category()).isNull();
    }

    @Test
    @DisplayName("a missing or blank subject, a missing type and an unknown enum code name their field")
    void missingFields() {
        assertField(() -> TicketDraft.of(TicketType.REPAIR, Channel.PHONE, null), "subject");
        assertField(() -> TicketDraft.of(TicketType.REPAIR, Channel.PHONE, "  "), "subject");
        assertField(() -> TicketDraft.of(null, Channel.PHONE, "x"), "type");
        assertField(() -> TicketDraft.fromJson(new JsonObject().put("type", "flood").put("subject", "x")), "type");
        assertField(() -> TicketDraft.fromJson(new JsonObject().put("type", 7).put("subject", "x")), "type");
    }

    @Test
    @DisplayName("lengths count characters, not bytes: 200 Chinese characters fit the subject, 201 do not")
    void lengthsInCharacters() {
        assertThat(TicketDraft.of(TicketType.REPAIR, Channel.PHONE, "水".repeat(200)).subject()).hasSize(200);
        assertThat(TicketDraft.of(TicketType.REPAIR, Channel.PHONE, "💧".repeat(200)).subject())
                .hasSize(400);
        assertField(() -> TicketDraft.of(TicketType.REPAIR, Channel.PHONE, "水".repeat(201)), "subject");
    }

    @Test
    @DisplayName("a caller number must look like a phone number")
    void callerNumberFormat() {
        assertField(() -> new TicketDraft(TicketType.REPAIR, Channel.PHONE, null, false, null, "abc", "x", null,
                null, null, null, null), "callerNumber");
        assertField(() -> new TicketDraft(TicketType.REPAIR, Channel.PHONE, null, false, null, "+-", "x", null,
                null, null, null, null), "callerNumber");
        assertThat(new TicketDraft(TicketType.REPAIR, Channel.PHONE, null, false, null, "+86 (21) 5555-0000", "x",
                null, null, null, null, null).callerNumber()).isEqualTo("+86 (21) 5555-0000");
    }

    private static void assertField(Runnable action, String field) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }
}
