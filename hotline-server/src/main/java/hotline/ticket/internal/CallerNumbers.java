package hotline.ticket.internal;

/**
 * The form of a phone number that {@code customer_phones.phone} stores and caller-ID lookup matches exactly: digits
 * only, with the country prefix {@code +86} or {@code 0086} removed ({@code +86 138-0013-8000} → {@code 13800138000}).
 */
public final class CallerNumbers {

    private CallerNumbers() {
    }

    /** The normalised number, or null when {@code raw} is null or has no digit. */
    public static String normalise(String raw) {
        if (raw == null) {
            return null;
        }
        String digits = raw.replaceAll("[^0-9]", "");
        if (raw.strip().startsWith("+86")) {
            digits = digits.substring(2);
        } else if (digits.startsWith("0086")) {
            digits = digits.substring(4);
        }
        return digits.isEmpty() ? null : digits;
    }
}
