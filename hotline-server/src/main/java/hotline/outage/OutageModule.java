package hotline.outage;

import hotline.capability.Capability;
import hotline.config.Config;
import hotline.http.ApiRoutes;
import hotline.outage.internal.OutageRoutes;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/**
 * The planned-outage capability: the {@link OutageService}, the {@link OutageScheduler} that queues reminders and
 * "extended" notices as time passes, and the outage operations. Settings (defaults in brackets): {@value #RULE}
 * [conf/outages.json], {@value #SCAN_INTERVAL} [60000], {@value #BATCH_SIZE} [100].
 */
public final class OutageModule implements Capability {

    /** Setting: the path of the notice rule; default {@code conf/outages.json}, else the copy in the jar. */
    public static final String RULE = "outages.rule";
    /** Setting: milliseconds between the scheduler's scans. */
    public static final String SCAN_INTERVAL = "outages.scanIntervalMs";
    /** Setting: shut-offs handled per scan. */
    public static final String BATCH_SIZE = "outages.batchSize";

    private final OutageService service;
    private final OutageScheduler scheduler;
    private final Duration interval;

    public OutageModule(Config config, Vertx vertx, Pool pool, Clock clock, ZoneId zone) {
        NoticeRule rule = NoticeRule.locate(config.string(RULE));
        this.service = new OutageService(pool, rule, clock, zone);
        this.scheduler = new OutageScheduler(vertx, pool, new OutageNotices(zone), clock,
                config.integer(BATCH_SIZE, 100, 1, 10_000));
        this.interval = Duration.ofMillis(config.integer(SCAN_INTERVAL, 60_000, 50, 3_600_000));
    }

    @Override
    public String name() {
        return "outage";
    }

    public OutageService service() {
        return service;
    }

    public OutageScheduler scheduler() {
        return scheduler;
    }

    @Override
    public List<ApiRoutes> routes() {
        return List.of(new OutageRoutes(service));
    }

    @Override
    public Future<Void> start() {
        scheduler.start(interval);
        return Future.succeededFuture();
    }

    @Override
    public Future<Void> stop() {
        scheduler.stop();
        return Future.succeededFuture();
    }
}
