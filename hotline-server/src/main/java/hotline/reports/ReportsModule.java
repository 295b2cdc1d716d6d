package hotline.reports;

import hotline.capability.Capability;
import hotline.config.Config;
import hotline.http.ApiRoutes;
import hotline.reports.internal.ReportRoutes;
import hotline.telephony.TelephonyModule;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

/**
 * The reports capability: daily roll-ups of tickets, calls, SLA outcomes and satisfaction, kept by the
 * {@link ReportRollup} catch-up job, and the report reads over them and over the return visits ({@link ReportService}). Settings:
 * {@value #ROLLUP_SECONDS} (how often the job runs, default 60; 0: never by itself), {@value #OLDER_DAYS_PER_RUN}
 * (older days re-counted per run, default {@value #DEFAULT_OLDER_DAYS_PER_RUN}), {@value #SHORT_ABANDON_SECONDS} (default 5) and the telephony's
 * service-level threshold ({@link TelephonyModule#SERVICE_LEVEL_SECONDS}, default 20).
 */
public final class ReportsModule implements Capability {

    private static final Logger log = LoggerFactory.getLogger(ReportsModule.class);

    public static final String ROLLUP_SECONDS = "reports.rollupSeconds";
    public static final String OLDER_DAYS_PER_RUN = "reports.olderDaysPerRun";
    public static final String SHORT_ABANDON_SECONDS = "telephony.shortAbandonSeconds";
    /** A year of history is walked through in 52 runs: under an hour at one run a minute. */
    public static final int DEFAULT_OLDER_DAYS_PER_RUN = 7;

    private final Vertx vertx;
    private final ReportService service;
    private final ReportRollup rollup;
    private final int rollupSeconds;
    private long timer = -1;

    /** @param reasonCodes the reasons of the return-visit programme (the visit report's columns) */
    public ReportsModule(Vertx vertx, Pool pool, Config config, Clock clock, ZoneId zone, List<String> reasonCodes) {
        this.vertx = vertx;
        this.service = new ReportService(pool, clock, zone, reasonCodes);
        this.rollup = new ReportRollup(pool, clock, zone,
                config.integer(TelephonyModule.SERVICE_LEVEL_SECONDS, 20, 1, 600),
                config.integer(SHORT_ABANDON_SECONDS, 5, 0, 60), config.integer(OLDER_DAYS_PER_RUN, DEFAULT_OLDER_DAYS_PER_RUN, 1, 3660));
        this.rollupSeconds = config.integer(ROLLUP_SECONDS, 60, 0, 86_400);
    }

    @Override
    public String name() {
        return "reports";
    }

    public ReportService service() {
        return service;
    }

    /** The catch-up job (tests and the benchmark run it when they need the roll-ups up to date). */
    public ReportRollup rollup() {
        return rollup;
    }

    @Override
    public List<ApiRoutes> routes() {
        return List.of(new ReportRoutes(service));
    }

    /** Starts the job: a first run at once (not waited for: on a large history it takes a while), then periodic. */
    @Override
    public Future<Void> start() {
        if (rollupSeconds > 0) {
            catchUp();
            timer = vertx.setPeriodic(rollupSeconds * 1000L, id -> catchUp());
        }
        return Future.succeededFuture();
    }

    private void catchUp() {
        rollup.run(false).onFailure(e -> log.warn("Report roll-up did not run: {}", e.getMessage()));
    }

    @Override
    public Future<Void> stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        return Future.succeededFuture();
    }
}
