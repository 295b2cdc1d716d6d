package hotline.config;

import java.time.DateTimeException;
import java.time.ZoneId;

/**
 * The utility's time zone, setting {@value #KEY} (default {@value #DEFAULT}): the calendar people at the utility live
 * by — the date in ticket numbers and where their daily serials restart, the wallboard's day, calling hours, duty
 * shifts. The one place the setting is named.
 */
public final class UtilityZone {

    public static final String KEY = "hotline.timezone";
    public static final String DEFAULT = "Asia/Shanghai";

    private UtilityZone() {
    }

    /** The configured zone; a name Java does not know fails start-up with a {@link ConfigException}. */
    public static ZoneId of(Config config) {
        String name = config.string(KEY, DEFAULT);
        try {
            return ZoneId.of(name);
        } catch (DateTimeException e) {
            throw new ConfigException(Config.describe(KEY) + ": not a time zone, got '" + name + "' (e.g. "
                    + DEFAULT + ")");
        }
    }
}
