package hotline.testing.fuzz;

import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Turns a {@link HostileRequest} into bytes: first the valid request of its operation (path ids of resources that
 * exist, the required parameters, a body its schema accepts, the session token), then the one thing its mutation
 * breaks. Where a mutation has no place of its own in an operation (no body, no number), it goes into a query
 * parameter the contract does not name.
 */
final class RequestMaker {

    /** Stands for the hostile literal while the body is encoded; replaced in the bytes afterwards. */
    private static final String MARK = "@@hostile@@";

    private final Map<String, LongSupplier> ids;

    /** @param ids the id to put in a path, by the path's first segment after {@code /api} ({@code tickets}) */
    RequestMaker(Map<String, LongSupplier> ids) {
        this.ids = Map.copyOf(ids);
    }

    RawRequest make(HostileRequest hostile, String token) {
        ApiOperation operation = hostile.operation();
        Mutation mutation = hostile.mutation();
        String value = hostile.value();
        Map<String, String> path = new LinkedHashMap<>();
        operation.in("path").forEach(parameter -> path.put(parameter.name(), Long.toString(id(operation))));
        Map<String, String> query = new LinkedHashMap<>();
        operation.in("query").stream().filter(ApiOperation.Parameter::required)
                .forEach(parameter -> query.put(parameter.name(), encode(String.valueOf(Samples.of(parameter.schema())))));
        Map<String, String> headers = new LinkedHashMap<>();
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        Object body = operation.bodySchema() != null ? Samples.of(operation.bodySchema()) : null;
        String csv = operation.bodyType() != null && operation.bodyType().startsWith("text/csv") ? Samples.CSV : null;
        if (operation.bodyType() != null) {
            headers.put("Content-Type", operation.bodyType());
        }
        byte[] bytes = body != null ? Json.encode(body).getBytes(StandardCharsets.UTF_8)
                : csv != null ? csv.getBytes(StandardCharsets.UTF_8) : null;
        boolean chunked = false;
        List<Leaf> leaves = body == null ? List.of() : leaves(body, operation.bodySchema());
        int at = hostile.location();

        switch (mutation) {
            case WRONG_TYPE -> {
                Leaf leaf = pick(leaves, at, null);
                if (leaf != null) {
                    bytes = marked(body, leaf, value);
                } else {
                    queryValue(operation, query, at, "[]");
                }
            }
            case MISSING_REQUIRED -> {
                List<Leaf> required = leaves.stream().filter(Leaf::required).toList();
                List<ApiOperation.Parameter> parameters = operation.parameters().stream()
                        .filter(ApiOperation.Parameter::required).filter(p -> !p.in().equals("path")).toList();
                if (!required.isEmpty()) {
                    bytes = removed(body, required.get(at % required.size()));
                } else if (!parameters.isEmpty()) {
                    query.remove(parameters.get(at % parameters.size()).name());
                } else if (bytes != null) {
                    bytes = null;
                } else {
                    headers.remove("Authorization");
                }
            }
            case EXTRA_FIELD -> {
                if (body instanceof JsonObject object) {
                    object.put(value, "extra");
                    bytes = Json.encode(object).getBytes(StandardCharsets.UTF_8);
                } else {
                    query.put(encode(value), "extra");
                }
            }
            case BOUNDARY_NUMBER, OVERFLOW_NUMBER -> {
                Leaf leaf = pick(leaves, at, "number");
                List<ApiOperation.Parameter> numeric = operation.parameters().stream()
                        .filter(p -> List.of("integer", "number").contains(Samples.type(p.schema()))).toList();
                if (leaf != null) {
                    bytes = marked(body, leaf, value);
                } else if (!numeric.isEmpty()) {
                    ApiOperation.Parameter parameter = numeric.get(at % numeric.size());
                    (parameter.in().equals("path") ? path : query).put(parameter.name(), value);
                } else {
                    query.put("zz", value);
                }
            }
            case NUL, LONE_SURROGATE -> {
                Leaf leaf = pick(leaves, at, "string");
                if (leaf != null) {
                    bytes = marked(body, leaf, "\"" + value + "\"");
                } else if (csv != null) {
                    bytes = (csv + "100200301," + value.replace("\\u0000", "\u0000") + ",13800138000,residential,individual\n")
                            .getBytes(StandardCharsets.UTF_8);
                } else {
                    queryValue(operation, query, at, mutation == Mutation.NUL ? "a%00b" : "a%ED%A0%80b");
                }
            }
            case INVALID_UTF8 -> {
                byte[] invalid = HexFormat.of().parseHex(value);
                Leaf leaf = pick(leaves, at, "string");
                if (leaf != null) {
                    bytes = replace(marked(body, leaf, "\"" + MARK + "\""), MARK, invalid);
                } else if (bytes != null) {
                    bytes = concat(bytes, invalid);
                } else {
                    StringBuilder escaped = new StringBuilder();
                    for (byte b : invalid) {
                        escaped.append('%').append(HexFormat.of().withUpperCase().toHexDigits(b));
                    }
                    queryValue(operation, query, at, escaped.toString());
                }
            }
            case MALFORMED_ESCAPE -> queryValue(operation, query, at, value);
            case HUGE_STRING -> {
                int length = Integer.parseInt(value);
                Leaf leaf = pick(leaves, at, "string");
                if (leaf != null) {
                    bytes = marked(body, leaf, "\"" + "水".repeat(length) + "\"");
                } else if (csv != null) {
                    bytes = (csv + "x".repeat(length) + "\n").repeat(Math.max(1, 25_000_000 / (length + 1)))
                            .getBytes(StandardCharsets.UTF_8);
                } else {
                    queryValue(operation, query, at, "a".repeat(Math.min(length, 100_000)));
                }
            }
            case DEEP_NESTING -> {
                int depth = Integer.parseInt(value);
                String nested = "[".repeat(depth) + "]".repeat(depth);
                Leaf leaf = pick(leaves, at, null);
                bytes = leaf != null ? marked(body, leaf, nested) : nested.getBytes(StandardCharsets.UTF_8);
                headers.putIfAbsent("Content-Type", "application/json");
            }
            case WRONG_CONTENT_TYPE -> {
                headers.put("Content-Type", value);
                if (bytes == null) {
                    bytes = "{}".getBytes(StandardCharsets.UTF_8);
                }
            }
            case MALFORMED_JSON -> {
                bytes = value.getBytes(StandardCharsets.UTF_8);
                headers.putIfAbsent("Content-Type", "application/json");
            }
            case MALFORMED_CHUNKED -> {
                bytes = value.getBytes(StandardCharsets.ISO_8859_1);
                chunked = true;
                headers.putIfAbsent("Content-Type", "application/json");
            }
            case BAD_PATH_ID -> {
                if (!path.isEmpty()) {
                    path.replaceAll((name, id) -> value);
                } else {
                    return request(operation, path, query, headers, bytes, false, "/" + value);
                }
            }
        }
        return request(operation, path, query, headers, bytes, chunked, "");
    }

    private long id(ApiOperation operation) {
        String first = operation.path().replaceFirst("^/api/", "").split("/")[0];
        LongSupplier id = ids.get(first);
        return id == null ? 1 : id.getAsLong();
    }

    private static RawRequest request(ApiOperation operation, Map<String, String> path, Map<String, String> query,
                                      Map<String, String> headers, byte[] body, boolean chunked, String suffix) {
        String target = operation.path();
        for (Map.Entry<String, String> parameter : path.entrySet()) {
            target = target.replace("{" + parameter.getKey() + "}", parameter.getValue());
        }
        StringBuilder line = new StringBuilder(target).append(suffix);
        String separator = "?";
        for (Map.Entry<String, String> parameter : query.entrySet()) {
            line.append(separator).append(parameter.getKey()).append('=').append(parameter.getValue());
            separator = "&";
        }
        return new RawRequest(operation.method(), line.toString(), headers, body, chunked);
    }

    /** Puts {@code raw} (not URL-encoded) into a query parameter of the operation, or into an unknown one. */
    private static void queryValue(ApiOperation operation, Map<String, String> query, int at, String raw) {
        List<ApiOperation.Parameter> parameters = operation.in("query");
        query.put(parameters.isEmpty() ? "zz" : parameters.get(at % parameters.size()).name(), raw);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** A place in a sample body: its path of keys and indexes, its schema type, whether it is required. */
    private record Leaf(List<Object> path, String type, boolean required) {
    }

    private static List<Leaf> leaves(Object body, JsonObject schema) {
        List<Leaf> leaves = new ArrayList<>();
        collect(body, schema, new ArrayList<>(), true, leaves);
        return leaves;
    }

    private static void collect(Object value, JsonObject schema, List<Object> path, boolean required, List<Leaf> into) {
        if (!path.isEmpty()) {
            into.add(new Leaf(List.copyOf(path), schema == null ? "string" : Samples.type(schema), required));
        }
        if (value instanceof JsonObject object && schema != null) {
            JsonObject properties = schema.getJsonObject("properties", new JsonObject());
            JsonArray needed = schema.getJsonArray("required", new JsonArray());
            for (String name : object.fieldNames()) {
                path.add(name);
                collect(object.getValue(name), properties.getJsonObject(name), path, needed.contains(name), into);
                path.removeLast();
            }
        } else if (value instanceof JsonArray array && !array.isEmpty() && schema != null) {
            path.add(0);
            collect(array.getValue(0), schema.getJsonObject("items"), path, false, into);
            path.removeLast();
        }
    }

    /** The {@code at}-th leaf (modulo) of the kind wanted: "string", "number" (integer or number), or any if null. */
    private static Leaf pick(List<Leaf> leaves, int at, String kind) {
        List<Leaf> fitting = leaves.stream().filter(leaf -> kind == null || kind.equals(leaf.type())
                || kind.equals("number") && leaf.type().equals("integer")).toList();
        return fitting.isEmpty() ? null : fitting.get(at % fitting.size());
    }

    /** The body with {@code leaf} replaced by the raw JSON text {@code literal}. */
    private static byte[] marked(Object body, Leaf leaf, String literal) {
        Object copy = body instanceof JsonObject object ? object.copy() : ((JsonArray) body).copy();
        set(copy, leaf.path(), MARK);
        return replace(Json.encode(copy).getBytes(StandardCharsets.UTF_8), "\"" + MARK + "\"",
                literal.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] removed(Object body, Leaf leaf) {
        Object copy = ((JsonObject) body).copy();
        Object parent = copy;
        for (Object step : leaf.path().subList(0, leaf.path().size() - 1)) {
            parent = parent instanceof JsonObject object ? object.getValue((String) step) : ((JsonArray) parent).getValue((Integer) step);
        }
        Object last = leaf.path().getLast();
        if (parent instanceof JsonObject object) {
            object.remove((String) last);
        } else {
            ((JsonArray) parent).remove((int) (Integer) last);
        }
        return Json.encode(copy).getBytes(StandardCharsets.UTF_8);
    }

    private static void set(Object root, List<Object> path, Object value) {
        Object parent = root;
        for (Object step : path.subList(0, path.size() - 1)) {
            parent = parent instanceof JsonObject object ? object.getValue((String) step) : ((JsonArray) parent).getValue((Integer) step);
        }
        Object last = path.getLast();
        if (parent instanceof JsonObject object) {
            object.put((String) last, value);
        } else {
            ((JsonArray) parent).set((Integer) last, value);
        }
    }

    private static byte[] replace(byte[] bytes, String mark, byte[] with) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int at = text.indexOf(mark);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, at);
        out.writeBytes(with);
        out.write(bytes, at + mark.length(), bytes.length - at - mark.length());
        return out.toByteArray();
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
