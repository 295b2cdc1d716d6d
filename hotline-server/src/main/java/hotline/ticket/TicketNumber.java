package hotline.ticket;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A ticket's number as people read it out and type it: {@code HL-20261130-000123} is the 123rd ticket created on
 * 30 November 2026 in the utility's time zone. The serial counts from 1 each day in at least
 * {@value #MIN_SERIAL_DIGITS} digits and widens past 999,999 ({@code HL-20261130-1000000}, never a wrap to 000000),
 * up to {@value #MAX_SERIAL_DIGITS} digits. Every number has exactly one spelling: a serial wider than six digits has
 * no leading zero, so the digits typed on a phone name one ticket. The only place that knows this format; the API
 * contract's pattern is {@link #PATTERN} (a test holds them together). Immutable.
 *
 * @param serial 1 to 999,999,999: the ticket's place in its day, gaps allowed (a rolled-back create burns its serial)
 */
public record TicketNumber(LocalDate date, long serial) {

    public static final int MIN_SERIAL_DIGITS = 6;
    public static final int MAX_SERIAL_DIGITS = 9;
    /** The digits of a number as typed on a phone: the date's eight, then the serial's. */
    public static final int MIN_DIGITS = 8 + MIN_SERIAL_DIGITS;
    public static final int MAX_DIGITS = 8 + MAX_SERIAL_DIGITS;
    /** Every number, as a regular expression (also the contract's {@code TicketNumber} pattern). */
    public static final String PATTERN = "^HL-[0-9]{8}-([0-9]{6}|[1-9][0-9]{6,8})$";

    private static final String PREFIX = "HL-";
    private static final long MAX_SERIAL = 999_999_999L;
    private static final Pattern TEXT = Pattern.compile(PATTERN);
    private static final Pattern DIGITS = Pattern.compile("([0-9]{8})([0-9]{6}|[1-9][0-9]{6,8})");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);

    public TicketNumber {
        if (date == null || date.getYear() < 1000 || date.getYear() > 9999) {
            throw new IllegalArgumentException("a ticket number's date has four digits of year, got " + date);
        }
        if (serial < 1 || serial > MAX_SERIAL) {
            throw new IllegalArgumentException("a ticket number's serial is 1 to " + MAX_SERIAL + ", got " + serial);
        }
    }

    /** The number {@code text} spells, if it spells one exactly as {@link #toString()} writes it. */
    public static Optional<TicketNumber> parse(String text) {
        Matcher matcher = TEXT.matcher(text == null ? "" : text);
        return matcher.matches() ? of(text.substring(PREFIX.length(), PREFIX.length() + 8), matcher.group(1))
                : Optional.empty();
    }

    /** The number whose digits a caller typed (date then serial, as {@link #digits()} gives them), if any. */
    public static Optional<TicketNumber> fromDigits(String digits) {
        Matcher matcher = DIGITS.matcher(digits == null ? "" : digits);
        return matcher.matches() ? of(matcher.group(1), matcher.group(2)) : Optional.empty();
    }

    /** What every number of {@code date} starts with, before its serial: {@code HL-20261130-}. */
    public static String prefix(LocalDate date) {
        return PREFIX + DATE.format(date) + "-";
    }

    /** The number's digits as a caller types them and the IVR reads them back: {@code 20261130000123}. */
    public String digits() {
        return DATE.format(date) + serialText();
    }

    @Override
    public String toString() {
        return prefix(date) + serialText();
    }

    private String serialText() {
        String plain = Long.toString(serial);
        return "0".repeat(Math.max(0, MIN_SERIAL_DIGITS - plain.length())) + plain;
    }

    private static Optional<TicketNumber> of(String date, String serial) {
        try {
            return Optional.of(new TicketNumber(LocalDate.parse(date, DATE), Long.parseLong(serial)));
        } catch (DateTimeException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
