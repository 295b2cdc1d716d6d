package hotline.relationship;

import hotline.common.Code;
import hotline.config.ConfigException;
import io.vertx.core.json.JsonObject;

import java.util.EnumMap;
import java.util.Map;

/**
 * The health score's settings, from {@code conf/relationship.json}: the score every customer starts from
 * ({@code base}), each {@link Indicator}'s points per unit ({@code weight}) and the most it can count ({@code max}),
 * the score below which a customer is at risk, and how many days a bad return visit (1 or 2) keeps a customer on the
 * at-risk list. Checked when read: a missing, unknown or out-of-range entry is refused with its name. Immutable.
 */
public record HealthWeights(int base, int atRiskBelow, int badFollowUpDays, Map<Indicator, Weight> weights) {

    public static final String FILE = "relationship.json";
    private static final int MAX_POINTS = 1000;

    /** Points per unit of an indicator and the cap of its points. */
    public record Weight(int perUnit, int max) {
    }

    public HealthWeights {
        weights = Map.copyOf(weights);
    }

    public Weight of(Indicator indicator) {
        return weights.get(indicator);
    }

    public static HealthWeights parse(JsonObject json) {
        int base = number(json, "base", 1, HealthScorer.MAX_SCORE);
        int atRiskBelow = number(json, "atRiskBelow", 0, base);
        int badDays = number(json, "badFollowUpDays", 1, 366);
        if (!(json.getValue("indicators") instanceof JsonObject indicators)) {
            throw new ConfigException("indicators: an object with " + Code.codes(Indicator.class) + " is required");
        }
        for (String name : indicators.fieldNames()) {
            if (Code.parse(Indicator.class, name).isEmpty()) {
                throw new ConfigException("indicators." + name + ": not an indicator; one of " + Code.codes(Indicator.class));
            }
        }
        Map<Indicator, Weight> weights = new EnumMap<>(Indicator.class);
        for (Indicator indicator : Indicator.values()) {
            String where = "indicators." + indicator.code();
            if (!(indicators.getValue(indicator.code()) instanceof JsonObject entry)) {
                throw new ConfigException(where + ": an object with weight and max is required");
            }
            weights.put(indicator, new Weight(number(entry, where, "weight", 0, MAX_POINTS),
                    number(entry, where, "max", 0, MAX_POINTS)));
        }
        return new HealthWeights(base, atRiskBelow, badDays, weights);
    }

    private static int number(JsonObject json, String key, int min, int max) {
        return number(json, null, key, min, max);
    }

    private static int number(JsonObject json, String where, String key, int min, int max) {
        Object value = json.getValue(key);
        String name = where == null ? key : where + "." + key;
        if (!(value instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())
                || number.intValue() < min || number.intValue() > max) {
            throw new ConfigException(name + ": a whole number from " + min + " to " + max + " is required, got " + value);
        }
        return number.intValue();
    }
}
