package hotline.billing.internal;

import hotline.common.CsvFiles;
import hotline.common.InvalidInputException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/**
 * The values a billing system sends, read the same way from the CIS's JSON and from the ledger's CSV: each refusal is
 * an {@link InvalidInputException} naming the field as the caller spells it ({@code amount},
 * {@code bills[2].amount}). Amounts are yuan with at most two decimals; quantities are m³, never negative.
 */
final class BillingValues {

    /** The largest magnitude NUMERIC(12,2) holds. */
    private static final BigDecimal LIMIT = new BigDecimal("9999999999.99");

    private BillingValues() {
    }

    static String required(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(field, "is required");
        }
        return text.strip();
    }

    /** Yuan, positive or negative, at most two decimals. */
    static BigDecimal amount(String field, String text) {
        BigDecimal value = number(field, text, "an amount in yuan such as 86.40");
        if (value.abs().compareTo(LIMIT) > 0) {
            throw new InvalidInputException(field, "is too large for an amount");
        }
        return value.setScale(2);
    }

    /** m³, zero or more, at most two decimals. */
    static BigDecimal quantity(String field, String text) {
        BigDecimal value = number(field, text, "a number of m³ such as 14 or 14.5");
        if (value.signum() < 0) {
            throw new InvalidInputException(field, "must not be negative");
        }
        if (value.compareTo(LIMIT) > 0) {
            throw new InvalidInputException(field, "is too large");
        }
        return value.setScale(2);
    }

    private static BigDecimal number(String field, String text, String what) {
        String given = required(field, text);
        try {
            BigDecimal value = new BigDecimal(given);
            if (value.stripTrailingZeros().scale() > 2) {
                throw new InvalidInputException(field, "has more than two decimals: " + given);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "must be " + what + ", got '" + clip(given) + "'");
        }
    }

    /** A day as yyyy-MM-dd. */
    static LocalDate date(String field, String text) {
        String given = required(field, text);
        try {
            return LocalDate.parse(given);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "must be a date such as 2026-03-05, got '" + clip(given) + "'");
        }
    }

    /** A billed month as yyyy-MM. */
    static YearMonth period(String field, String text) {
        String given = required(field, text);
        try {
            return YearMonth.parse(given);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "must be a month such as 2026-03, got '" + clip(given) + "'");
        }
    }

    static boolean flag(String field, String text) {
        return CsvFiles.flag(field, required(field, text));
    }

    /** A bad value is quoted back, but never more than a few characters of it. */
    private static String clip(String text) {
        return text.length() <= 20 ? text : text.substring(0, 20) + "…";
    }
}
