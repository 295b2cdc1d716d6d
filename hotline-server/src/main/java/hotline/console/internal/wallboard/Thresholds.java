package hotline.console.internal.wallboard;

import hotline.config.ConfigException;
import io.vertx.core.json.JsonObject;

/**
 * When a wallboard figure turns amber (warn) or red (alarm), from {@code conf/wallboard.json}: service level below,
 * abandon rate, longest wait and calls waiting above. Checked when read: a missing or impossible entry is refused with
 * its name. Immutable.
 */
public record Thresholds(Limit serviceLevel, Limit abandonRate, Limit longestWait, Limit waiting) {

    public static final String FILE = "wallboard.json";

    /** How a figure stands against its limits; the page shows a word and a sign with each colour. */
    public enum Level { OK, WARN, ALARM }

    /** Two limits of one figure; {@code below} when a lower value is worse (service level). */
    public record Limit(double warn, double alarm, boolean below) {

        public Level level(Number value) {
            if (value == null) {
                return Level.OK;
            }
            double v = value.doubleValue();
            if (below ? v < alarm : v > alarm) {
                return Level.ALARM;
            }
            return (below ? v < warn : v > warn) ? Level.WARN : Level.OK;
        }
    }

    public static Thresholds parse(JsonObject json) {
        return new Thresholds(limit(json, "serviceLevelPercent", true, 100),
                limit(json, "abandonRatePercent", false, 100),
                limit(json, "longestWaitSeconds", false, 86_400),
                limit(json, "waitingCalls", false, 100_000));
    }

    private static Limit limit(JsonObject json, String name, boolean below, double max) {
        Object entry = json.getValue(name);
        if (!(entry instanceof JsonObject limits)) {
            throw new ConfigException(name + ": an object with " + (below ? "warnBelow and alarmBelow" : "warnAbove and alarmAbove")
                    + " is required");
        }
        String side = below ? "Below" : "Above";
        double warn = number(limits, name, "warn" + side, max);
        double alarm = number(limits, name, "alarm" + side, max);
        if (below ? alarm > warn : alarm < warn) {
            throw new ConfigException(name + ".alarm" + side + ": must be " + (below ? "at most" : "at least")
                    + " warn" + side + " (" + warn + ")");
        }
        return new Limit(warn, alarm, below);
    }

    private static double number(JsonObject limits, String name, String key, double max) {
        Object value = limits.getValue(key);
        if (!(value instanceof Number number) || number.doubleValue() < 0 || number.doubleValue() > max) {
            throw new ConfigException(name + "." + key + ": a number from 0 to " + (long) max + " is required, got " + value);
        }
        return number.doubleValue();
    }
}
