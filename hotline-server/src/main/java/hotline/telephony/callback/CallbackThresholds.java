package hotline.telephony.callback;

import hotline.config.Config;
import hotline.customer.Tier;

/**
 * How long (estimated seconds) a caller of each tier may be asked to wait before the IVR offers a callback instead.
 * Settings {@code telephony.callbackThresholdSeconds.key} (default 60), {@code .ordinary} (180) and {@code .small}
 * (300), each 1..3600; a caller whose tier is unknown (not a customer) counts as ordinary. Immutable.
 */
public record CallbackThresholds(int keySeconds, int ordinarySeconds, int smallSeconds) {

    public static final String SETTING_PREFIX = "telephony.callbackThresholdSeconds.";

    public static CallbackThresholds from(Config config) {
        return new CallbackThresholds(
                config.integer(SETTING_PREFIX + "key", 60, 1, 3600),
                config.integer(SETTING_PREFIX + "ordinary", 180, 1, 3600),
                config.integer(SETTING_PREFIX + "small", 300, 1, 3600));
    }

    /** The threshold in seconds for {@code tier} (null: ordinary). */
    public int secondsFor(Tier tier) {
        return switch (tier == null ? Tier.ORDINARY : tier) {
            case KEY -> keySeconds;
            case ORDINARY -> ordinarySeconds;
            case SMALL -> smallSeconds;
        };
    }

    /** True when a caller of {@code tier} facing {@code estimate} should be offered a callback. */
    public boolean offerCallback(Tier tier, WaitEstimate estimate) {
        return estimate.seconds() > secondsFor(tier);
    }
}
