package hotline.search.internal;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a ticket's workflow data says in words: every text in its {@code details} and its events' {@code data}
 * (complaint statements, key points, solutions, repair notes), how it was resolved (the last {@code resolution},
 * {@code solution}, {@code answer} or {@code note} text: an incident's, a complaint's, an inquiry's, or the closing
 * note of a request or a cancelled report) and its satisfaction (the last {@code satisfaction} score, 1..5). Plain
 * Java, stateless.
 */
public final class CaseTexts {

    /** Texts shorter than this (codes, flags, single characters) say nothing to a search. */
    private static final int MIN_TEXT = 2;
    private static final Set<String> RESOLUTION_KEYS = Set.of("resolution", "solution", "answer", "note");
    private static final String SATISFACTION_KEY = "satisfaction";

    /** What was found, in the order the data was given (details first, then events oldest first). */
    public record Found(List<String> texts, String resolution, Integer satisfaction) {
    }

    private CaseTexts() {
    }

    public static Found of(JsonObject details, List<JsonObject> eventData) {
        Walk walk = new Walk();
        walk.object(details);
        eventData.forEach(walk::object);
        return new Found(List.copyOf(walk.texts), walk.resolution, walk.satisfaction);
    }

    private static final class Walk {
        private final Set<String> texts = new LinkedHashSet<>();
        private String resolution;
        private Integer satisfaction;

        void object(JsonObject json) {
            if (json == null) {
                return;
            }
            for (String key : json.fieldNames()) {
                Object value = json.getValue(key);
                String lower = key.toLowerCase(Locale.ROOT);
                if (RESOLUTION_KEYS.contains(lower) && value instanceof String text && !text.isBlank()) {
                    resolution = text.strip();
                }
                if (SATISFACTION_KEY.equals(lower) && value instanceof Number score
                        && score.intValue() >= 1 && score.intValue() <= 5) {
                    satisfaction = score.intValue();
                }
                value(value);
            }
        }

        void value(Object value) {
            switch (value) {
                case JsonObject json -> object(json);
                case JsonArray array -> array.forEach(this::value);
                case String text when text.strip().length() >= MIN_TEXT -> texts.add(text.strip());
                case null, default -> { }
            }
        }
    }
}
