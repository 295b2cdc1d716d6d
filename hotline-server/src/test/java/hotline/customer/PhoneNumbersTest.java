package hotline.customer;

import hotline.common.InvalidInputException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PhoneNumbersTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "13800138000|13800138000",
            "+86 138 0013 8000|13800138000",
            "0086-138-0013-8000|13800138000",
            "(0571) 8765.4321|057187654321",
            "+86(571)87654321|057187654321",
            "0086 10 6552 9988|01065529988",
            "12345|12345",
            "123456789012345|123456789012345"})
    @DisplayName("separators and the +86/0086 prefix are removed, the digits kept")
    void normalises(String raw, String expected) {
        assertThat(PhoneNumbers.normalise(raw)).contains(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"1234", "1234567890123456", "138-0013-800O", "+1 555 0100", "110;120", "１３８００１３８０００"})
    @DisplayName("anything that does not leave 5 to 15 ASCII digits is no telephone number")
    void rejects(String raw) {
        assertThat(PhoneNumbers.normalise(raw)).isEmpty();
        assertThatThrownBy(() -> PhoneNumbers.require("phones", raw))
                .isInstanceOf(InvalidInputException.class)
                .hasFieldOrPropertyWithValue("field", "phones");
    }
}
