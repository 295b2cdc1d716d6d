package hotline.billing;

import hotline.billing.internal.BillingCache;
import hotline.billing.internal.BillingRoutes;
import hotline.billing.internal.BillingSettings;
import hotline.billing.internal.CisClient;
import hotline.billing.internal.LedgerImport;
import hotline.billing.internal.LedgerSource;
import hotline.capability.Capability;
import hotline.config.Config;
import hotline.customer.CustomerService;
import hotline.health.Health;
import hotline.http.ApiRoutes;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.healthchecks.Status;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/**
 * The billing capability (信息查询: bills, payments, meter readings): {@link BillingService} over the source chosen by
 * {@code billing.source} — the CIS's HTTP API ({@code cis}) or the ledger loaded from its nightly export
 * ({@code ledger}, the default) — with the per-account cache, the API's billing operations and the ledger upload.
 * Settings are checked when it is built; a bad one stops start-up naming it. Hotline reads the billing system and
 * never bills.
 */
public final class BillingModule implements Capability {

    /** Accounts whose answers the cache keeps. */
    private static final int CACHED_ACCOUNTS = 10_000;

    private final BillingSettings settings;
    private final BillingSource source;
    private final BillingService service;

    public BillingModule(Vertx vertx, Pool pool, Config config, Clock clock, ZoneId zone, CustomerService customers) {
        this.settings = BillingSettings.read(config);
        this.source = settings.cis().<BillingSource>map(cis -> new CisClient(vertx, cis, clock))
                .orElseGet(() -> new LedgerSource(pool));
        this.service = new BillingService(new BillingCache(source, Duration.ofSeconds(settings.cacheSeconds()),
                CACHED_ACCOUNTS, clock), new LedgerImport(vertx, pool, clock), customers, settings.leakFactorPercent(),
                Duration.ofMillis(settings.cardWaitMs()), clock, zone);
    }

    @Override
    public String name() {
        return "billing";
    }

    public BillingService service() {
        return service;
    }

    @Override
    public List<ApiRoutes> routes() {
        return List.of(new BillingRoutes(service));
    }

    @Override
    public List<Handler<Router>> pages() {
        return List.of(BillingRoutes.ledgerBody());
    }

    /**
     * {@code billing} (not essential: calls go on without it): which source; for the CIS the circuit breaker's state,
     * and DOWN while it holds calls back after failures.
     */
    @Override
    public void registerHealth(Health health) {
        health.register("billing", false, promise -> {
            JsonObject data = new JsonObject().put("source", source.name());
            if (source instanceof CisClient cis) {
                data.put("breaker", cis.breakerState());
                promise.complete("OPEN".equals(cis.breakerState()) ? Status.KO(data) : Status.OK(data));
            } else {
                promise.complete(Status.OK(data));
            }
        });
    }

    @Override
    public Future<Void> stop() {
        if (source instanceof CisClient cis) {
            cis.close();
        }
        return Future.succeededFuture();
    }
}
