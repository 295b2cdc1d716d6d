package hotline.demo;

import hotline.billing.BillingService;
import hotline.capability.Capability;
import hotline.config.Config;
import hotline.customer.CustomerService;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;

import java.time.Clock;
import java.time.ZoneId;

/**
 * The demo history ({@code --demo}): {@link #start} loads it with {@link DemoData#loadOnce} into a database that has
 * no customers or tickets yet; without {@code --demo} it does nothing. The demo users are the auth capability's.
 */
public final class DemoModule implements Capability {

    private final boolean enabled;
    private final Config config;
    private final Vertx vertx;
    private final Pool pool;
    private final ZoneId zone;
    private final CustomerService customers;
    private final BillingService billing;
    private final Clock clock;

    public DemoModule(boolean enabled, Config config, Vertx vertx, Pool pool, ZoneId zone, CustomerService customers,
                      BillingService billing, Clock clock) {
        this.billing = billing;
        this.enabled = enabled;
        this.config = config;
        this.vertx = vertx;
        this.pool = pool;
        this.zone = zone;
        this.customers = customers;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public Future<Void> start() {
        return enabled ? DemoData.loadOnce(config, vertx, pool, zone, customers, billing, clock) : Future.succeededFuture();
    }
}
