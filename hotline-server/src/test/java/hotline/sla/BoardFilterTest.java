package hotline.sla;

import hotline.common.InvalidInputException;
import hotline.customer.Tier;
import hotline.ticket.TicketType;
import hotline.ticket.workflow.EscalationLevel;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BoardFilterTest {

    private static BoardFilter parse(Map<String, String> params) {
        return BoardFilter.parse(params::get);
    }

    @Test
    @DisplayName("the board's parameters as a page or the API give them: codes parsed, blanks absent, defaults for page and size")
    void parses() {
        BoardFilter filter = parse(Map.of("type", "repair", "district", "东区", "tier", "key", "level", "team_lead",
                "owner", "team:network", "state", "breached", "page", "2", "size", "10", "ignored", "x"));

        assertThat(filter).isEqualTo(new BoardFilter(TicketType.REPAIR, "东区", Tier.KEY, EscalationLevel.TEAM_LEAD,
                "team:network", BoardState.BREACHED, 2, 10));
        assertThat(parse(Map.of("type", "", "district", " ", "owner", ""))).isEqualTo(
                new BoardFilter(null, null, null, null, null, null, 0, BoardFilter.DEFAULT_SIZE));
    }

    @Test
    @DisplayName("an unknown code, a page that is no number or out of range is refused naming the parameter")
    void refusals() {
        assertThatThrownBy(() -> parse(Map.of("level", "boss")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("level"));
        assertThatThrownBy(() -> parse(Map.of("page", "two")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("page"));
        assertThatThrownBy(() -> parse(Map.of("size", "101")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("size"));
        assertThatThrownBy(() -> parse(Map.of("owner", "x".repeat(41))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("owner"));
    }
}
