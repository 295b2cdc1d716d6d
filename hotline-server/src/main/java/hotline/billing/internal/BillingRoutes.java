package hotline.billing.internal;

import hotline.auth.Access;
import hotline.auth.Principal;
import hotline.auth.Role;
import hotline.billing.BillingService;
import hotline.http.ApiRoutes;
import hotline.http.CsvUploads;
import hotline.http.Requests;
import hotline.http.Responses;
import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;

/** The billing operations of {@code openapi.yaml}: a customer's billing answer and the ledger import. */
public final class BillingRoutes implements ApiRoutes {

    public static final String LEDGER_PATH = "/api/billing/ledger";
    /** A nightly export of a million rows is about 60 MB. */
    public static final long LEDGER_MAX_BYTES = 200L * 1024 * 1024;

    private final BillingService billing;

    public BillingRoutes(BillingService billing) {
        this.billing = billing;
    }

    /** Streams ledger uploads to the parser instead of the API router's body reader. */
    public static Handler<Router> ledgerBody() {
        return CsvUploads.streamed(LEDGER_PATH, LEDGER_MAX_BYTES);
    }

    @Override
    public void mount(RouterBuilder builder) {
        builder.getRoute("getCustomerBilling").addHandler(this::customerBilling);
        // The OpenAPI validator knows no text/csv; the handler checks the body itself.
        builder.getRoute("importBillingLedger").setDoValidation(false).addHandler(this::importLedger);
    }

    private void customerBilling(RoutingContext ctx) {
        billing.forCustomer(Requests.pathId(ctx, "id"))
                .onSuccess(answer -> Responses.ok(ctx, billing.toJson(answer)))
                .onFailure(ctx::fail);
    }

    private void importLedger(RoutingContext ctx) {
        Principal principal = Access.require(ctx, Role.SUPERVISOR);
        CsvUploads.text(ctx).ifPresent(text -> billing.importLedger(text, principal)
                .onSuccess(report -> Responses.ok(ctx, report.toJson()))
                .onFailure(failure -> CsvUploads.fail(ctx, failure, LEDGER_MAX_BYTES)));
    }
}
