package hotline.console.internal;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns JSON into plain maps and lists for templates (FreeMarker reads those natively; null values are left out). */
public final class Models {

    private Models() {
    }

    public static Map<String, Object> plain(JsonObject json) {
        Map<String, Object> map = new LinkedHashMap<>();
        json.forEach(entry -> {
            Object value = plainValue(entry.getValue());
            if (value != null) {
                map.put(entry.getKey(), value);
            }
        });
        return map;
    }

    @SuppressWarnings("unchecked")
    public static List<Object> plain(JsonArray array) {
        return (List<Object>) plainValue(array);
    }

    private static Object plainValue(Object value) {
        return switch (value) {
            case JsonObject object -> plain(object);
            case JsonArray array -> {
                List<Object> list = new ArrayList<>();
                array.forEach(item -> list.add(plainValue(item)));
                yield list;
            }
            case null -> null;
            default -> value;
        };
    }
}
