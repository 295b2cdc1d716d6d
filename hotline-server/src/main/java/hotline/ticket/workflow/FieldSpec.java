package hotline.ticket.workflow;

import hotline.common.InvalidInputException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One input field of a workflow action (or of a ticket's creation): its name (as the API spells it inside
 * {@code fields}, or {@code details}), its kind and limits. {@link #read} validates a value and names the field
 * ({@code fields.<name>}, {@code details.<name>.<part>}) in the {@link InvalidInputException} when it is missing or
 * wrong. Text is kept exactly as given (no trimming), so it round-trips byte for byte.
 */
public record FieldSpec(String name, Kind kind, boolean required, List<String> values, long min, long max,
                        List<FieldSpec> parts) {

    /** The JSON type of a field and how it is checked. */
    public enum Kind { TEXT, CHOICE, BOOLEAN, INTEGER, DECIMAL, INSTANT, OBJECT, CODES }

    /** Longest free text a step accepts, in characters. */
    public static final int MAX_TEXT = 4000;
    private static final Pattern CODE = Pattern.compile("[a-z0-9_]{1,32}");

    public FieldSpec {
        values = List.copyOf(values);
        parts = List.copyOf(parts);
    }

    public static FieldSpec text(String name) {
        return text(name, MAX_TEXT);
    }

    /** A non-blank text of at most {@code maxLength} characters. */
    public static FieldSpec text(String name, int maxLength) {
        return new FieldSpec(name, Kind.TEXT, true, List.of(), 1, maxLength, List.of());
    }

    public static FieldSpec choice(String name, List<String> values) {
        return new FieldSpec(name, Kind.CHOICE, true, values, 0, 0, List.of());
    }

    public static FieldSpec bool(String name) {
        return new FieldSpec(name, Kind.BOOLEAN, true, List.of(), 0, 0, List.of());
    }

    public static FieldSpec integer(String name, long min, long max) {
        return new FieldSpec(name, Kind.INTEGER, true, List.of(), min, max, List.of());
    }

    /** A finite number between {@code min} and {@code max} inclusive. */
    public static FieldSpec decimal(String name, long min, long max) {
        return new FieldSpec(name, Kind.DECIMAL, true, List.of(), min, max, List.of());
    }

    public static FieldSpec instant(String name) {
        return new FieldSpec(name, Kind.INSTANT, true, List.of(), 0, 0, List.of());
    }

    /** A JSON object of exactly these parts (an unknown part is refused). */
    public static FieldSpec object(String name, List<FieldSpec> parts) {
        return new FieldSpec(name, Kind.OBJECT, true, List.of(), 0, 0, parts);
    }

    /**
     * A list of distinct codes (1 to 32 of a-z, 0-9 and _), at most {@code maxItems}: which codes exist is for the
     * capability that owns them to check (an {@link ActionGuard}).
     */
    public static FieldSpec codes(String name, int maxItems) {
        return new FieldSpec(name, Kind.CODES, true, List.of(), 0, maxItems, List.of());
    }

    /** The same field, but it may be left out. */
    public FieldSpec optional() {
        return new FieldSpec(name, kind, false, values, min, max, parts);
    }

    /**
     * The checked values of {@code given} against {@code specs}, under {@code prefix} in error names
     * ({@code "fields"} for an action's input, {@code ""} for none): absent optional fields are left out, an unknown
     * one is refused.
     */
    public static JsonObject readAll(List<FieldSpec> specs, JsonObject given, String prefix) {
        JsonObject input = new JsonObject();
        for (FieldSpec field : specs) {
            Object value = field.read(given, prefix);
            if (value != null) {
                input.put(field.name(), value);
            }
        }
        for (String name : given.fieldNames()) {
            if (specs.stream().noneMatch(field -> field.name().equals(name))) {
                throw new InvalidInputException(named(prefix, name), "there is no field " + name + " here; the fields are "
                        + specs.stream().map(FieldSpec::name).toList());
            }
        }
        return input;
    }

    /**
     * The checked value of this field in {@code given}, or {@code null} when it is optional and absent.
     *
     * @throws InvalidInputException naming {@code <prefix>.<name>} when it is missing or invalid
     */
    public Object read(JsonObject given, String prefix) {
        String apiName = named(prefix, name);
        Object raw = given.getValue(name);
        if (raw == null) {
            if (required) {
                throw new InvalidInputException(apiName, name + " is required");
            }
            return null;
        }
        return switch (kind) {
            case TEXT -> readText(raw, apiName);
            case CHOICE -> readChoice(raw, apiName);
            case BOOLEAN -> {
                if (!(raw instanceof Boolean b)) {
                    throw new InvalidInputException(apiName, name + " must be true or false");
                }
                yield b;
            }
            case INTEGER -> readInteger(raw, apiName);
            case DECIMAL -> readDecimal(raw, apiName);
            case INSTANT -> readInstant(raw, apiName);
            case OBJECT -> {
                if (!(raw instanceof JsonObject object)) {
                    throw new InvalidInputException(apiName, name + " must be an object of " + parts.stream()
                            .map(FieldSpec::name).toList());
                }
                yield readAll(parts, object, apiName);
            }
            case CODES -> readCodes(raw, apiName);
        };
    }

    private static String named(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + "." + name;
    }

    private JsonArray readCodes(Object raw, String apiName) {
        if (!(raw instanceof JsonArray list) || list.size() > max) {
            throw new InvalidInputException(apiName, name + " must be a list of at most " + max + " codes");
        }
        Set<String> seen = new HashSet<>();
        for (Object item : list) {
            if (!(item instanceof String code) || !CODE.matcher(code).matches() || !seen.add(code)) {
                throw new InvalidInputException(apiName, name + " must be distinct codes (a-z, 0-9, _), not " + item);
            }
        }
        return list.copy();
    }

    private String readText(Object raw, String apiName) {
        if (!(raw instanceof String text) || text.isBlank()) {
            throw new InvalidInputException(apiName, name + " must be a non-blank text");
        }
        if (text.length() > max) {
            throw new InvalidInputException(apiName, name + " must be at most " + max + " characters");
        }
        return text;
    }

    private String readChoice(Object raw, String apiName) {
        if (!(raw instanceof String text) || !values.contains(text)) {
            throw new InvalidInputException(apiName, name + " must be one of " + values);
        }
        return text;
    }

    private long readInteger(Object raw, String apiName) {
        if (!(raw instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())) {
            throw new InvalidInputException(apiName, name + " must be a whole number");
        }
        long value = number.longValue();
        if (value < min || value > max) {
            throw new InvalidInputException(apiName, name + " must be between " + min + " and " + max);
        }
        return value;
    }

    private double readDecimal(Object raw, String apiName) {
        if (!(raw instanceof Number number) || !(number.doubleValue() >= min && number.doubleValue() <= max)) {
            throw new InvalidInputException(apiName, name + " must be a number between " + min + " and " + max);
        }
        return number.doubleValue();
    }

    private String readInstant(Object raw, String apiName) {
        try {
            return Instant.parse(String.valueOf(raw)).toString();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(apiName, name + " must be an ISO-8601 instant such as 2026-05-01T08:30:00Z");
        }
    }

    /** How a console draws this field: name, type, whether required, and the allowed values, bounds or parts. */
    public JsonObject describe() {
        JsonObject json = new JsonObject().put("name", name).put("type", kind.name().toLowerCase()).put("required", required);
        switch (kind) {
            case CHOICE -> json.put("values", new JsonArray(values));
            case INTEGER, DECIMAL -> json.put("min", min).put("max", max);
            case TEXT -> json.put("maxLength", max);
            case CODES -> json.put("maxItems", max);
            case OBJECT -> json.put("parts", new JsonArray(parts.stream().map(FieldSpec::describe).toList()));
            default -> { }
        }
        return json;
    }
}
