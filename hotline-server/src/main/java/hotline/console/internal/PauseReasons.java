package hotline.console.internal;

import hotline.config.ConfigException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The reasons an agent may pause with ({@code conf/pause-reasons.json}): a code for the wallboard, a label per language. */
public record PauseReasons(List<Reason> reasons) {

    public static final String FILE = "pause-reasons.json";
    public static final int MAX_CODE = 40;

    public record Reason(String code, Map<String, String> labels) {
    }

    public static PauseReasons parse(JsonObject json) {
        JsonArray list = json.getJsonArray("reasons");
        if (list == null || list.isEmpty()) {
            throw new ConfigException("reasons: at least one pause reason is required");
        }
        List<Reason> reasons = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonObject entry = list.getJsonObject(i);
            String code = entry.getString("code");
            if (code == null || code.isBlank() || code.length() > MAX_CODE) {
                throw new ConfigException("reasons[" + i + "].code: 1 to " + MAX_CODE + " characters required");
            }
            String zh = entry.getString("zh", code);
            reasons.add(new Reason(code, Map.of("zh", zh, "en", entry.getString("en", zh))));
        }
        return new PauseReasons(List.copyOf(reasons));
    }

    /** The label of {@code code} in {@code lang}; the code itself for a reason no longer configured. */
    public String label(String code, Lang lang) {
        return reasons.stream().filter(r -> r.code().equals(code)).findFirst()
                .map(r -> r.labels().get(lang.code())).orElse(code);
    }

    /** The reasons for a select box in {@code lang}: {@code code}, {@code label}. */
    public List<Map<String, String>> options(Lang lang) {
        return reasons.stream().map(r -> Map.of("code", r.code(), "label", r.labels().get(lang.code()))).toList();
    }
}
