package hotline.testing.fuzz;

import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Set;

/**
 * One operation of {@code openapi.yaml} as the fuzzer needs it, with every {@code $ref} resolved.
 *
 * @param path         the full path template ({@code /api/tickets/{id}})
 * @param bodySchema   the JSON schema of the body, or null when the operation takes none (or not JSON)
 * @param bodyType     the media type of the body, or null
 * @param declared     the response statuses the contract lists (a 503 it declares is no server fault)
 */
public record ApiOperation(String id, String method, String path, List<Parameter> parameters, JsonObject bodySchema,
                           String bodyType, Set<Integer> declared) {

    /** A parameter: {@code in} is path, query or header. */
    public record Parameter(String name, String in, boolean required, JsonObject schema) {
    }

    public List<Parameter> in(String where) {
        return parameters.stream().filter(parameter -> parameter.in().equals(where)).toList();
    }

    @Override
    public String toString() {
        return id;
    }
}
