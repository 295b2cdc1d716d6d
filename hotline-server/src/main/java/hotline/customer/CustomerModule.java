package hotline.customer;

import hotline.capability.Capability;
import hotline.config.Config;
import hotline.customer.internal.CustomerRoutes;
import hotline.http.ApiRoutes;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;

import java.time.Clock;
import java.util.List;

/**
 * The customer capability: {@link CustomerService} (caller-ID look-up, tiers from {@link TierRules}, the CSV import),
 * the customer operations of the API and the raw body reader of the CSV import, which runs before the API's own.
 */
public final class CustomerModule implements Capability {

    private final CustomerService service;

    public CustomerModule(Vertx vertx, Pool pool, Config config, Clock clock) {
        this.service = new CustomerService(vertx, pool, TierRules.load(config), clock);
    }

    @Override
    public String name() {
        return "customer";
    }

    public CustomerService service() {
        return service;
    }

    @Override
    public List<ApiRoutes> routes() {
        return List.of(new CustomerRoutes(service));
    }

    @Override
    public List<Handler<Router>> pages() {
        return List.of(CustomerRoutes.importBody());
    }
}
