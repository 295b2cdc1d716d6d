package hotline.testing.fuzz;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A value a JSON schema accepts, built from the schema alone: the first enum value, the lowest allowed number, the
 * shortest text (a known shape when the schema has a pattern), an object of its required properties. The fuzzer
 * starts from it and breaks one thing.
 */
final class Samples {

    /** Texts tried against a pattern, in order: an account, a phone, a ticket number, an extension... */
    private static final List<String> SHAPES = List.of("100200300", "13800138000", "HL-20260101-000001",
            "PJSIP/1001", "fuzz.user", "escalate", "fuzz-key-1", "1700000000.1", "x");

    /** A customer import file of one good row (the import's body is CSV, outside the JSON schemas). */
    static final String CSV = "accountNumber,name,phones,waterUse,kind\n100200300,Fuzz,13800138000,residential,individual\n";

    private Samples() {
    }

    static Object of(JsonObject schema) {
        if (schema == null) {
            return "x";
        }
        if (schema.containsKey("enum")) {
            return schema.getJsonArray("enum").getValue(0);
        }
        for (String choice : List.of("oneOf", "anyOf")) {
            if (schema.containsKey(choice)) {
                return of(schema.getJsonArray(choice).getJsonObject(0));
            }
        }
        if (schema.containsKey("allOf")) {
            JsonObject merged = new JsonObject();
            schema.getJsonArray("allOf").forEach(part -> merged.mergeIn((JsonObject) of((JsonObject) part)));
            return merged;
        }
        return switch (type(schema)) {
            case "object" -> object(schema);
            case "array" -> {
                JsonArray array = new JsonArray();
                for (int i = 0; i < Math.max(1, schema.getInteger("minItems", 1)); i++) {
                    array.add(of(schema.getJsonObject("items")));
                }
                yield array;
            }
            case "integer" -> schema.getLong("minimum", 1L);
            case "number" -> schema.getDouble("minimum", 1.0);
            case "boolean" -> true;
            case "null" -> null;
            default -> text(schema);
        };
    }

    /** The schema's type; of a list such as {@code [string, 'null']} the first that is not null. */
    static String type(JsonObject schema) {
        Object type = schema.getValue("type");
        if (type instanceof JsonArray types) {
            return types.stream().map(String::valueOf).filter(t -> !t.equals("null")).findFirst().orElse("null");
        }
        if (type == null) {
            return schema.containsKey("properties") ? "object" : "string";
        }
        return type.toString();
    }

    private static JsonObject object(JsonObject schema) {
        JsonObject properties = schema.getJsonObject("properties", new JsonObject());
        JsonObject object = new JsonObject();
        schema.getJsonArray("required", new JsonArray()).forEach(name ->
                object.put((String) name, of(properties.getJsonObject((String) name))));
        for (String name : properties.fieldNames()) {
            if (object.size() >= schema.getInteger("minProperties", 0)) {
                break;
            }
            object.put(name, of(properties.getJsonObject(name)));
        }
        return object;
    }

    private static String text(JsonObject schema) {
        if ("date-time".equals(schema.getString("format"))) {
            return "2026-01-15T08:00:00Z";
        }
        int min = schema.getInteger("minLength", 1);
        int max = schema.getInteger("maxLength", Integer.MAX_VALUE);
        String pattern = schema.getString("pattern");
        if (pattern != null) {
            Pattern regex = Pattern.compile(pattern);
            return SHAPES.stream().filter(shape -> regex.matcher(shape).find() && shape.length() >= min
                    && shape.length() <= max).findFirst().orElse("x");
        }
        return "x".repeat(Math.max(1, min));
    }
}
