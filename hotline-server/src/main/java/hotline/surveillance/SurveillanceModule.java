package hotline.surveillance;

import hotline.capability.Capability;
import hotline.config.Config;
import hotline.http.ApiRoutes;
import hotline.surveillance.internal.AlertRoutes;
import io.vertx.sqlclient.Pool;

import java.time.Clock;
import java.util.List;

/**
 * The surveillance capability: the {@link QualityWatch} (a ticket listener) and {@code listAlerts}. Settings
 * (defaults in brackets): {@value #WEEKS} [4], {@value #FACTOR} [300], {@value #MINIMUM} [5].
 */
public final class SurveillanceModule implements Capability {

    /** Setting: weeks of history in the water-quality baseline. */
    public static final String WEEKS = "surveillance.weeks";
    /** Setting: alert when an hour exceeds this percentage of its baseline. */
    public static final String FACTOR = "surveillance.factorPercent";
    /** Setting: the fewest reports in an hour that can raise an alert. */
    public static final String MINIMUM = "surveillance.minimumCount";

    private final QualityWatch watch;
    private final AlertRoutes routes;
    private final QualityAlerts alerts;

    public SurveillanceModule(Config config, Pool pool, Clock clock) {
        QualityAlertRule rule = new QualityAlertRule(config.integer(WEEKS, 4, 1, 52),
                config.integer(FACTOR, 300, 101, 10_000) / 100.0, config.integer(MINIMUM, 5, 1, 10_000));
        this.watch = new QualityWatch(rule, clock);
        this.alerts = new QualityAlerts(pool);
        this.routes = new AlertRoutes(alerts, clock);
    }

    @Override
    public String name() {
        return "surveillance";
    }

    public QualityWatch watch() {
        return watch;
    }

    /** The alerts raised, for pages that show them. */
    public QualityAlerts alerts() {
        return alerts;
    }

    @Override
    public List<ApiRoutes> routes() {
        return List.of(routes);
    }
}
