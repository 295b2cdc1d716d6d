package hotline.customer;

import hotline.common.InvalidInputException;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one normal form of a telephone number, used wherever numbers are stored or compared (customer phones, caller
 * ID of tickets and the IVR): spaces, dashes, dots and parentheses are removed, then a {@code +86} or {@code 0086}
 * country prefix; what remains must be 5 to 15 digits. {@code "+86 (138) 0013-8000"} becomes {@code "13800138000"},
 * {@code "0571-8765 4321"} stays {@code "057187654321"}. Stateless and thread-safe.
 */
public final class PhoneNumbers {

    public static final int MIN_DIGITS = 5;
    public static final int MAX_DIGITS = 15;
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-.()]");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{" + MIN_DIGITS + "," + MAX_DIGITS + "}");

    private PhoneNumbers() {
    }

    /** The normal form of {@code raw}, or empty when it is not a telephone number (null, blank, letters, too short). */
    public static Optional<String> normalise(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String number = SEPARATORS.matcher(raw).replaceAll("");
        if (number.startsWith("+86")) {
            number = number.substring(3);
        } else if (number.startsWith("0086")) {
            number = number.substring(4);
        }
        return DIGITS.matcher(number).matches() ? Optional.of(number) : Optional.empty();
    }

    /** The normal form of {@code raw}; an {@link InvalidInputException} naming {@code field} when there is none. */
    public static String require(String field, String raw) {
        return normalise(raw).orElseThrow(() -> new InvalidInputException(field,
                "not a telephone number (after removing spaces, dashes, dots, parentheses and +86/0086 it must be "
                        + MIN_DIGITS + "-" + MAX_DIGITS + " digits)"));
    }
}
