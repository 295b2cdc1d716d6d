package hotline.ticket;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TicketNumberTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 30);

    @Test
    @DisplayName("a number is HL-<date>-<serial in six digits>, and its digits are the date's and the serial's")
    void format() {
        TicketNumber number = new TicketNumber(DAY, 123);

        assertThat(number).hasToString("HL-20261130-000123");
        assertThat(number.digits()).isEqualTo("20261130000123").hasSize(TicketNumber.MIN_DIGITS);
        assertThat(TicketNumber.prefix(DAY)).isEqualTo("HL-20261130-");
    }

    @Test
    @DisplayName("past 999999 the serial widens instead of wrapping, and the wider number still parses and is keyed in")
    void widensPastSixDigits() {
        TicketNumber last = new TicketNumber(DAY, 999_999);
        TicketNumber next = new TicketNumber(DAY, 1_000_000);

        assertThat(last).hasToString("HL-20261130-999999");
        assertThat(next).hasToString("HL-20261130-1000000");
        assertThat(TicketNumber.parse("HL-20261130-1000000")).contains(next);
        assertThat(TicketNumber.fromDigits("202611301000000")).contains(next);
        assertThat(TicketNumber.fromDigits(new TicketNumber(DAY, 999_999_999).digits()))
                .contains(new TicketNumber(DAY, 999_999_999));
        assertThat(new TicketNumber(DAY, 999_999_999).digits()).hasSize(TicketNumber.MAX_DIGITS);
    }

    @Test
    @DisplayName("every number reads back from its text and from its digits")
    void roundTrip() {
        for (long serial : new long[] {1, 42, 999_999, 1_000_000, 12_345_678, 999_999_999}) {
            TicketNumber number = new TicketNumber(DAY, serial);
            assertThat(TicketNumber.parse(number.toString())).contains(number);
            assertThat(TicketNumber.fromDigits(number.digits())).contains(number);
            assertThat(number.toString()).matches(TicketNumber.PATTERN);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "HL-20261130-00012", "HL-20261130-0001234", "HL-20261130-000000",
            "HL-20261130-1234567890", "hl-20261130-000123", "HL-20261131-000123", "HL-2026113-0000123",
            " HL-20261130-000123", "HL-20261130-000123x"})
    @DisplayName("text that is not exactly one number's spelling is no number")
    void refusesOtherSpellings(String text) {
        assertThat(TicketNumber.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2026113000012", "202611300001234", "20261130000000", "202611311000000",
            "2026113012345678901", "2026113000012a"})
    @DisplayName("digits of no number's spelling (a leading zero on a wide serial, a wrong date) name no ticket")
    void refusesOtherDigits(String digits) {
        assertThat(TicketNumber.fromDigits(digits)).isEmpty();
    }

    @Test
    @DisplayName("a serial outside 1 to 999,999,999 is no number")
    void serialRange() {
        assertThatThrownBy(() -> new TicketNumber(DAY, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TicketNumber(DAY, 1_000_000_000L)).isInstanceOf(IllegalArgumentException.class);
        assertThat(TicketNumber.parse(null)).isEmpty();
    }

    @Test
    @DisplayName("the IVR asks for as many digits as a ticket number can have")
    void ivrFlowAsksForEveryLength() throws IOException {
        JsonObject flow;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("ivr-flows/ivr.json")) {
            assertThat(in).as("ivr-flows/ivr.json on the class path").isNotNull();
            flow = new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        JsonObject nodes = flow.getJsonObject("nodes");
        JsonArray asks = new JsonArray(nodes.fieldNames().stream().map(nodes::getJsonObject)
                .filter(node -> "ticketDigits".equals(node.getString("input"))).toList());

        assertThat(asks).isNotEmpty().allSatisfy(node -> {
            assertThat(((JsonObject) node).getInteger("minDigits")).isEqualTo(TicketNumber.MIN_DIGITS);
            assertThat(((JsonObject) node).getInteger("maxDigits")).isEqualTo(TicketNumber.MAX_DIGITS);
        });
    }
}
