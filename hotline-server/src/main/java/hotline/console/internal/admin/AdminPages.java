package hotline.console.internal.admin;

import hotline.auth.UserService;
import hotline.console.internal.PageKit;
import hotline.customer.CustomerService;
import hotline.search.Reindexing;
import hotline.search.SearchService;
import io.vertx.core.Handler;
import io.vertx.ext.web.Router;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

/**
 * The administration area of the supervisor console: users ({@code /admin/users}, admins), the customer import
 * ({@code /admin/import}), the manual tiers ({@code /admin/tiers}) and the search index rebuild
 * ({@code /admin/reindex}, admins). Each page goes through the same services as the API, with the same roles.
 */
public final class AdminPages implements Handler<Router> {

    private final List<Handler<Router>> pages;

    public AdminPages(PageKit kit, UserService users, CustomerService customers, Reindexing reindexing,
                      SearchService search, Clock clock, ZoneId zone) {
        this.pages = List.of(new UsersPage(kit, users, zone), new ImportPage(kit),
                new TierOverridesPage(kit, customers, zone), new ReindexPage(kit, reindexing, search, clock, zone));
    }

    @Override
    public void handle(Router router) {
        pages.forEach(page -> page.handle(router));
    }
}
