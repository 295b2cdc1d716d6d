package hotline.ticket.internal;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class CallerNumbersTest {

    @ParameterizedTest(name = "{0} → {1}")
    @DisplayName("numbers are reduced to digits without the +86 or 0086 country prefix")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "13800138000|13800138000",
            "+86 138-0013-8000|13800138000",
            "0086 138 0013 8000|13800138000",
            "(021) 5555-0000|02155550000",
            "+1 555 0100|15550100",
            "8613800138000|8613800138000",
            "+-()|NULL",
    })
    void normalises(String raw, String expected) {
        assertThat(CallerNumbers.normalise(raw)).isEqualTo(expected);
    }
}
