package hotline.customer;

import hotline.common.InvalidInputException;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one normal form of a telephone number, used wherever numbers are stored or compared (customer phones, caller
 * ID of tickets and the IVR): spaces, dashes, dots and parentheses are removed, then a {@code +86} or {@code 0086}
 * country prefix; a landline written internationally gets back the trunk {@code 0} it drops, so both spellings of
 * one number agree. What remains must be 5 to 15 digits. {@code "+86 (138) 0013-8000"} becomes
 * {@code "13800138000"}, {@code "+86 571 8765 4321"} and {@code "0571-8765 4321"} both {@code "057187654321"}.
 * Stateless and thread-safe.
 */
public final class PhoneNumbers {

    public static final int MIN_DIGITS = 5;
    public static final int MAX_DIGITS = 15;
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-.()]");
    private static final Pattern MOBILE = Pattern.compile("1[0-9]{10}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{" + MIN_DIGITS + "," + MAX_DIGITS + "}");

    private PhoneNumbers() {
    }

    /** The normal form of {@code raw}, or empty when it is not a telephone number (null, blank, letters, too short). */
    public static Optional<String> normalise(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String number = SEPARATORS.matcher(raw).replaceAll("");
        String national = number.startsWith("+86") ? number.substring(3)
                : number.startsWith("0086") ? number.substring(4) : null;
        if (national != null) {
            // A mobile number is 1 and ten digits; a landline's area code (Beijing's is 10) needs its trunk 0 back.
            number = MOBILE.matcher(national).matches() || national.startsWith("0") ? national : "0" + national;
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
