package hotline.ticket.workflow;

import hotline.common.InvalidInputException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * One input field of a workflow action: its name (as the API spells it inside {@code fields}), its kind and limits.
 * {@link #read} validates a value and names the field ({@code fields.<name>}) in the {@link InvalidInputException}
 * when it is missing or wrong. Text is kept exactly as given (no trimming), so it round-trips byte for byte.
 */
public record FieldSpec(String name, Kind kind, boolean required, List<String> values, long min, long max) {

    /** The JSON type of a field and how it is checked. */
    public enum Kind { TEXT, CHOICE, BOOLEAN, INTEGER, INSTANT }

    /** Longest free text a step accepts, in characters. */
    public static final int MAX_TEXT = 4000;

    public FieldSpec {
        values = List.copyOf(values);
    }

    public static FieldSpec text(String name) {
        return new FieldSpec(name, Kind.TEXT, true, List.of(), 1, MAX_TEXT);
    }

    public static FieldSpec choice(String name, List<String> values) {
        return new FieldSpec(name, Kind.CHOICE, true, values, 0, 0);
    }

    public static FieldSpec bool(String name) {
        return new FieldSpec(name, Kind.BOOLEAN, true, List.of(), 0, 0);
    }

    public static FieldSpec integer(String name, long min, long max) {
        return new FieldSpec(name, Kind.INTEGER, true, List.of(), min, max);
    }

    public static FieldSpec instant(String name) {
        return new FieldSpec(name, Kind.INSTANT, true, List.of(), 0, 0);
    }

    /** The same field, but it may be left out. */
    public FieldSpec optional() {
        return new FieldSpec(name, kind, false, values, min, max);
    }

    /** The API name of this field in error bodies. */
    public String apiName() {
        return "fields." + name;
    }

    /**
     * The checked value of this field in {@code fields}, or {@code null} when it is optional and absent.
     *
     * @throws InvalidInputException naming {@code fields.<name>} when it is missing or invalid
     */
    public Object read(JsonObject fields) {
        Object raw = fields.getValue(name);
        if (raw == null) {
            if (required) {
                throw new InvalidInputException(apiName(), name + " is required");
            }
            return null;
        }
        return switch (kind) {
            case TEXT -> readText(raw);
            case CHOICE -> readChoice(raw);
            case BOOLEAN -> {
                if (!(raw instanceof Boolean b)) {
                    throw new InvalidInputException(apiName(), name + " must be true or false");
                }
                yield b;
            }
            case INTEGER -> readInteger(raw);
            case INSTANT -> readInstant(raw);
        };
    }

    private String readText(Object raw) {
        if (!(raw instanceof String text) || text.isBlank()) {
            throw new InvalidInputException(apiName(), name + " must be a non-blank text");
        }
        if (text.length() > max) {
            throw new InvalidInputException(apiName(), name + " must be at most " + max + " characters");
        }
        return text;
    }

    private String readChoice(Object raw) {
        if (!(raw instanceof String text) || !values.contains(text)) {
            throw new InvalidInputException(apiName(), name + " must be one of " + values);
        }
        return text;
    }

    private long readInteger(Object raw) {
        if (!(raw instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())) {
            throw new InvalidInputException(apiName(), name + " must be a whole number");
        }
        long value = number.longValue();
        if (value < min || value > max) {
            throw new InvalidInputException(apiName(), name + " must be between " + min + " and " + max);
        }
        return value;
    }

    private String readInstant(Object raw) {
        try {
            return Instant.parse(String.valueOf(raw)).toString();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(apiName(), name + " must be an ISO-8601 instant such as 2026-05-01T08:30:00Z");
        }
    }

    /** How a console draws this field: name, type, whether required, and the allowed values or bounds. */
    public JsonObject describe() {
        JsonObject json = new JsonObject().put("name", name).put("type", kind.name().toLowerCase()).put("required", required);
        switch (kind) {
            case CHOICE -> json.put("values", new JsonArray(values));
            case INTEGER -> json.put("min", min).put("max", max);
            case TEXT -> json.put("maxLength", max);
            default -> { }
        }
        return json;
    }
}
