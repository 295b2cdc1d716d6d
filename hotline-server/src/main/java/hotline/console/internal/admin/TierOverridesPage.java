package hotline.console.internal.admin;

import hotline.auth.Role;
import hotline.common.Code;
import hotline.common.InvalidInputException;
import hotline.console.internal.PageKit;
import hotline.console.internal.Viewer;
import hotline.customer.Customer;
import hotline.customer.CustomerService;
import hotline.customer.Tier;
import hotline.customer.TierOverride;
import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code /admin/tiers} (supervisors and admins, who may set tiers): the customers whose tier was set by hand, the
 * latest first, with who set it, when and why, {@value #PAGE} a page, one tier or all; each can be handed back to the
 * tier rules with a reason ({@link CustomerService#clearTierOverride}), which answers its row again, cleared.
 */
final class TierOverridesPage implements Handler<Router> {

    static final int PAGE = 20;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final PageKit kit;
    private final CustomerService customers;
    private final ZoneId zone;

    TierOverridesPage(PageKit kit, CustomerService customers, ZoneId zone) {
        this.kit = kit;
        this.customers = customers;
        this.zone = zone;
    }

    @Override
    public void handle(Router router) {
        Handler<RoutingContext> supervisor = kit.only(Role.SUPERVISOR);
        kit.page(router.get("/admin/tiers"), supervisor, this::page);
        kit.page(router.postWithRegex("/admin/tiers/(?<id>[0-9]{1,18})/clear"), kit.forms(), supervisor, this::clear);
    }

    private void page(RoutingContext ctx) {
        String tierCode = ctx.request().getParam("tier", "");
        Tier tier = tierCode.isBlank() ? null : Code.parse(Tier.class, tierCode)
                .orElseThrow(() -> new InvalidInputException("tier", "must be one of " + Code.codes(Tier.class)));
        int page = page(ctx.request().getParam("page"));
        customers.tierOverrides(tier, page, PAGE).onFailure(ctx::fail).onSuccess(found -> {
            Map<String, Object> model = kit.model(ctx);
            model.put("tiers", Code.codes(Tier.class));
            model.put("tier", tierCode);
            model.put("page", page);
            model.put("pages", Math.max(1, (found.total() + PAGE - 1) / PAGE));
            model.put("total", found.total());
            model.put("rows", found.items().stream().map(this::row).toList());
            kit.render(ctx, "admin/tiers.ftlh", model);
        });
    }

    private void clear(RoutingContext ctx) {
        long id = Long.parseLong(ctx.pathParam("id"));
        String reason = ctx.request().getFormAttribute("reason");
        customers.clearTierOverride(id, reason, Viewer.of(ctx).principal())
                .onSuccess(customer -> {
                    Map<String, Object> model = kit.model(ctx);
                    model.put("row", row(customer));
                    model.put("cleared", true);
                    kit.render(ctx, "admin/tier-row.ftlh", model);
                })
                .onFailure(failure -> FieldError.of(failure, Viewer.of(ctx).lang()).ifPresentOrElse(error ->
                        customers.get(id).onFailure(ctx::fail).onSuccess(customer -> {
                            Map<String, Object> model = kit.model(ctx);
                            model.put("row", row(customer));
                            model.put("typed", reason == null ? "" : reason);
                            model.put("error", error.message());
                            ctx.response().setStatusCode(error.status());
                            kit.render(ctx, "admin/tier-row.ftlh", model);
                        }), () -> ctx.fail(failure)));
    }

    /** A customer's row after a clearing or a refused one: who, and the tier (and its reason) as it stands. */
    private static Map<String, Object> row(Customer customer) {
        return Map.of("customerId", customer.id(), "name", customer.name(), "accountNumber", customer.accountNumber(),
                "tier", customer.tier().code(), "reason", customer.tierReason() == null ? "" : customer.tierReason());
    }

    private Map<String, Object> row(TierOverride override) {
        Map<String, Object> row = new HashMap<>();
        row.put("customerId", override.customerId());
        row.put("accountNumber", override.accountNumber());
        row.put("name", override.name());
        row.put("district", override.district() == null ? "" : override.district());
        row.put("tier", override.tier().code());
        row.put("reason", override.reason());
        row.put("setBy", override.setBy() == null ? "" : override.setBy());
        if (override.setAt() != null) {
            row.put("setAt", override.setAt().toString());
            row.put("setText", WHEN.format(override.setAt().atZone(zone)));
        }
        return row;
    }

    private static int page(String raw) {
        if (raw == null || raw.isBlank()) {
            return 1;
        }
        try {
            int page = Integer.parseInt(raw);
            if (page >= 1 && page <= 100_000) {
                return page;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidInputException("page", "must be a whole number from 1");
    }
}
