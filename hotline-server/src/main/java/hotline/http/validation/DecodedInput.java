package hotline.http.validation;

import hotline.common.BadRequestException;
import hotline.common.StorableText;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * What the contract's schemas cannot say about decoded input: every text (property names included) must be
 * {@link StorableText storable}, every integer must fit 64 bits (a larger one would silently wrap) and every decimal
 * must be finite ({@code 1e999} decodes to infinity). A breach is a {@link BadRequestException} naming the field as
 * the API's errors do ({@code details.note}, {@code phones.0}). Stateless.
 */
final class DecodedInput {

    private DecodedInput() {
    }

    /** Checks {@code value}, found at {@code path} ({@code ""} for the whole body). */
    static void check(String path, Object value) {
        switch (value) {
            case null -> {
            }
            case String text -> StorableText.require(named(path), text);
            case JsonObject object -> checkObject(path, object.getMap());
            case Map<?, ?> map -> checkObject(path, map);
            case JsonArray array -> checkList(path, array.getList());
            case List<?> list -> checkList(path, list);
            case BigInteger integer when integer.bitLength() > 63 ->
                    throw new BadRequestException(named(path), named(path) + " is beyond the 64-bit integer range");
            case Double decimal when !Double.isFinite(decimal) ->
                    throw new BadRequestException(named(path), named(path) + " is too large a number");
            case Float decimal when !Float.isFinite(decimal) ->
                    throw new BadRequestException(named(path), named(path) + " is too large a number");
            default -> {
            }
        }
    }

    private static void checkObject(String path, Map<?, ?> object) {
        for (Map.Entry<?, ?> entry : object.entrySet()) {
            String key = String.valueOf(entry.getKey());
            StorableText.problem(key).ifPresent(problem -> {
                throw new BadRequestException(named(path), "a property name in " + named(path) + " " + problem);
            });
            check(path.isEmpty() ? key : path + "." + key, entry.getValue());
        }
    }

    private static void checkList(String path, List<?> list) {
        for (int i = 0; i < list.size(); i++) {
            check(path.isEmpty() ? Integer.toString(i) : path + "." + i, list.get(i));
        }
    }

    private static String named(String path) {
        return path.isEmpty() ? "body" : path;
    }
}
