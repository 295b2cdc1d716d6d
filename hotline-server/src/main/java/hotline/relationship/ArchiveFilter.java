package hotline.relationship;

import hotline.common.Code;
import hotline.common.InvalidInputException;
import hotline.customer.CriticalReason;
import hotline.customer.CustomerKind;
import hotline.customer.Tier;
import hotline.customer.WaterUse;
import io.vertx.core.json.JsonObject;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What the customer archive is searched by; every part is optional and the parts combine with AND. Text parts match
 * any part of the name or address (case-insensitive), any run of digits of a phone number (at least
 * {@value #MIN_PHONE_DIGITS}), the start of an account number; district is exact; tier, water use, kind and critical
 * reason are codes; dates are local days of the utility, both ends included (last contact: the latest ticket or call).
 * Parsed from the query parameters the API and the page share ({@link #NAMES}); a bad value is refused naming its
 * parameter. Immutable.
 */
public record ArchiveFilter(String name, String address, String phone, String account, String district, Tier tier,
                            WaterUse waterUse, CustomerKind kind, CriticalReason critical, LocalDate createdFrom,
                            LocalDate createdTo, LocalDate updatedFrom, LocalDate updatedTo, LocalDate contactFrom,
                            LocalDate contactTo) {

    /** The parameter names, in the order of the record's components. */
    public static final List<String> NAMES = List.of("name", "address", "phone", "account", "district", "tier",
            "waterUse", "kind", "critical", "createdFrom", "createdTo", "updatedFrom", "updatedTo", "contactFrom",
            "contactTo");
    public static final int MAX_TEXT = 100;
    public static final int MIN_PHONE_DIGITS = 3;

    private static final Pattern DIGITS = Pattern.compile("[0-9]{" + MIN_PHONE_DIGITS + ",15}");
    private static final Pattern ACCOUNT = Pattern.compile("[0-9]{1,12}");

    /** Every customer. */
    public static final ArchiveFilter NONE = parse(name -> null);

    public ArchiveFilter {
        order("createdTo", createdFrom, createdTo);
        order("updatedTo", updatedFrom, updatedTo);
        order("contactTo", contactFrom, contactTo);
    }

    /** The filter of the parameters {@code values} gives (null or blank: not given). */
    public static ArchiveFilter parse(Function<String, String> values) {
        Function<String, String> given = key -> {
            String value = values.apply(key);
            return value == null || value.isBlank() ? null : value.strip();
        };
        return new ArchiveFilter(text(given, "name"), text(given, "address"), phone(given.apply("phone")),
                matching(given, "account", ACCOUNT, "the first 1 to 12 digits of an account number"),
                text(given, "district"), code(given, "tier", Tier.class), code(given, "waterUse", WaterUse.class),
                code(given, "kind", CustomerKind.class), code(given, "critical", CriticalReason.class),
                day(given, "createdFrom"), day(given, "createdTo"), day(given, "updatedFrom"), day(given, "updatedTo"),
                day(given, "contactFrom"), day(given, "contactTo"));
    }

    /**
     * A saved segment's filter: a JSON object of the same parameters, as strings; an unknown key or a bad value is
     * refused naming {@code filter.<parameter>}.
     */
    public static ArchiveFilter fromJson(JsonObject json) {
        for (String key : json.fieldNames()) {
            if (!NAMES.contains(key)) {
                throw new InvalidInputException("filter." + key, "not a filter of the archive; one of " + NAMES);
            }
            if (!(json.getValue(key) instanceof String)) {
                throw new InvalidInputException("filter." + key, "must be a string");
            }
        }
        try {
            return parse(json::getString);
        } catch (InvalidInputException e) {
            throw new InvalidInputException("filter." + e.field(), e.getMessage());
        }
    }

    /** The parameters that are set, by name in {@link #NAMES} order, as the API and the page's address spell them. */
    public Map<String, String> values() {
        Object[] parts = {name, address, phone, account, district, tier, waterUse, kind, critical, createdFrom,
                createdTo, updatedFrom, updatedTo, contactFrom, contactTo};
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < parts.length; i++) {
            if (parts[i] != null) {
                values.put(NAMES.get(i), parts[i] instanceof Code c ? c.code() : parts[i].toString());
            }
        }
        return values;
    }

    public JsonObject toJson() {
        return new JsonObject(new LinkedHashMap<>(values()));
    }

    public boolean isEmpty() {
        return values().isEmpty();
    }

    /**
     * The SQL parameters of {@code ArchiveSql.FILTER} ($1..$15): LIKE patterns for the text parts, codes, and the
     * days as instants in {@code zone} (a "to" day is the start of the day after it, excluded).
     */
    public List<Object> params(ZoneId zone) {
        return new ArrayList<>(Arrays.asList(contains(name), contains(address), phone == null ? null : "%" + phone + "%",
                account == null ? null : account + "%", district, codeOf(tier), codeOf(waterUse), codeOf(kind),
                codeOf(critical), start(createdFrom, zone), end(createdTo, zone), start(updatedFrom, zone),
                end(updatedTo, zone), start(contactFrom, zone), end(contactTo, zone)));
    }

    private static String contains(String text) {
        return text == null ? null : "%" + likeEscaped(text.toLowerCase(Locale.ROOT)) + "%";
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static String codeOf(Code code) {
        return code == null ? null : code.code();
    }

    private static OffsetDateTime start(LocalDate day, ZoneId zone) {
        return day == null ? null : day.atStartOfDay(zone).toOffsetDateTime();
    }

    private static OffsetDateTime end(LocalDate day, ZoneId zone) {
        return day == null ? null : day.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
    }

    private static String text(Function<String, String> given, String field) {
        String value = given.apply(field);
        if (value != null && value.length() > MAX_TEXT) {
            throw new InvalidInputException(field, field + " is at most " + MAX_TEXT + " characters");
        }
        return value;
    }

    /** Digits of a phone number: separators are dropped, so "0571-8765" finds 057187654321. */
    private static String phone(String value) {
        if (value == null) {
            return null;
        }
        String digits = value.replaceAll("[\\s\\-.()+]", "");
        if (!DIGITS.matcher(digits).matches()) {
            throw new InvalidInputException("phone", "phone is " + MIN_PHONE_DIGITS
                    + " to 15 digits of a number (spaces, dashes, dots, parentheses and + are ignored)");
        }
        return digits;
    }

    private static String matching(Function<String, String> given, String field, Pattern pattern, String what) {
        String value = given.apply(field);
        if (value != null && !pattern.matcher(value).matches()) {
            throw new InvalidInputException(field, field + " must be " + what);
        }
        return value;
    }

    private static <E extends Enum<E> & Code> E code(Function<String, String> given, String field, Class<E> type) {
        String value = given.apply(field);
        return value == null ? null : Code.parse(type, value).orElseThrow(() -> new InvalidInputException(field,
                field + " must be one of " + Code.codes(type)));
    }

    private static LocalDate day(Function<String, String> given, String field) {
        String value = given.apply(field);
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, field + " must be a day such as 2026-11-01");
        }
    }

    private static void order(String field, LocalDate from, LocalDate to) {
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidInputException(field, field + " (" + to + ") is before the day it starts from (" + from + ")");
        }
    }
}
