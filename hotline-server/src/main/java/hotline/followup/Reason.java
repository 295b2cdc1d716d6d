package hotline.followup;

import hotline.config.ConfigException;
import io.vertx.core.json.JsonObject;

import java.util.regex.Pattern;

/**
 * A reason a customer gives for being dissatisfied at a return call ({@code reasons} of {@code conf/visits.json}): a
 * code as reports name it, a label per console language, and whether the agent writes the reason down ({@code text},
 * the "other" reason).
 */
public record Reason(String code, String zh, String en, boolean text) {

    private static final Pattern CODE = Pattern.compile("[a-z0-9_]{2,32}");

    public String label(String lang) {
        return "en".equals(lang) ? en : zh;
    }

    static Reason parse(Object value, String where) {
        if (!(value instanceof JsonObject json)) {
            throw new ConfigException(where + ": an object is required");
        }
        if (!(json.getValue("code") instanceof String code) || !CODE.matcher(code).matches()) {
            throw new ConfigException(where + ".code: 2 to 32 of a-z, 0-9 and _ are required");
        }
        if (!(json.getValue("zh") instanceof String zh) || zh.isBlank()) {
            throw new ConfigException(where + ".zh: the reason's label is required");
        }
        if (!(json.getValue("text", false) instanceof Boolean text)) {
            throw new ConfigException(where + ".text: true or false is required");
        }
        return new Reason(code, zh, json.getValue("en") instanceof String en && !en.isBlank() ? en : zh, text);
    }
}
