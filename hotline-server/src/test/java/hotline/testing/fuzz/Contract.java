package hotline.testing.fuzz;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.OpenAPIContract;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every operation of the API contract ({@code openapi.yaml} on the class path), read the way the server reads it,
 * with local {@code $ref}s resolved: the fuzzer is generated from the contract, so a new operation is covered by
 * adding it there.
 */
public final class Contract {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    private Contract() {
    }

    public static List<ApiOperation> operations(Vertx vertx) {
        JsonObject raw = OpenAPIContract.from(vertx, "openapi.yaml").await().getRawContract();
        String base = URI.create(raw.getJsonArray("servers").getJsonObject(0).getString("url")).getPath();
        List<ApiOperation> operations = new ArrayList<>();
        for (Map.Entry<String, Object> path : raw.getJsonObject("paths")) {
            if (!(path.getValue() instanceof JsonObject item)) {
                continue; // the reader's own bookkeeping keys
            }
            List<ApiOperation.Parameter> shared = parameters(raw, item.getJsonArray("parameters"));
            for (String method : item.fieldNames()) {
                if (!METHODS.contains(method)) {
                    continue;
                }
                JsonObject operation = item.getJsonObject(method);
                List<ApiOperation.Parameter> all = new ArrayList<>(shared);
                all.addAll(parameters(raw, operation.getJsonArray("parameters")));
                JsonObject content = operation.getJsonObject("requestBody", new JsonObject()).getJsonObject("content");
                String bodyType = content == null ? null : content.fieldNames().iterator().next();
                JsonObject bodySchema = content == null || !bodyType.contains("json") ? null
                        : (JsonObject) resolve(raw, content.getJsonObject(bodyType).getJsonObject("schema"));
                Set<Integer> declared = new HashSet<>();
                operation.getJsonObject("responses").fieldNames().stream().filter(status -> status.matches("[1-5][0-9][0-9]"))
                        .forEach(status -> declared.add(Integer.parseInt(status)));
                operations.add(new ApiOperation(operation.getString("operationId"), method.toUpperCase(),
                        base + path.getKey(), List.copyOf(all), bodySchema, bodyType, Set.copyOf(declared)));
            }
        }
        return List.copyOf(operations);
    }

    private static List<ApiOperation.Parameter> parameters(JsonObject raw, JsonArray list) {
        List<ApiOperation.Parameter> parameters = new ArrayList<>();
        if (list != null) {
            for (Object entry : list) {
                JsonObject parameter = (JsonObject) resolve(raw, entry);
                parameters.add(new ApiOperation.Parameter(parameter.getString("name"), parameter.getString("in"),
                        parameter.getBoolean("required", false), (JsonObject) resolve(raw, parameter.getJsonObject("schema"))));
            }
        }
        return parameters;
    }

    /** {@code node} with every {@code {"$ref": "#/..."}} inside replaced by what it points to. */
    static Object resolve(JsonObject raw, Object node) {
        if (node instanceof JsonObject object) {
            String ref = object.getString("$ref");
            if (ref != null) {
                Object target = raw;
                for (String part : ref.substring(2).split("/")) {
                    target = ((JsonObject) target).getValue(part);
                }
                return resolve(raw, target);
            }
            JsonObject copy = new JsonObject();
            object.forEach(entry -> copy.put(entry.getKey(), resolve(raw, entry.getValue())));
            return copy;
        }
        if (node instanceof JsonArray array) {
            JsonArray copy = new JsonArray();
            array.forEach(item -> copy.add(resolve(raw, item)));
            return copy;
        }
        return node;
    }
}
