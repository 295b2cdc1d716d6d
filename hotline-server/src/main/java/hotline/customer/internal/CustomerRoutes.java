package hotline.customer.internal;

import hotline.auth.Access;
import hotline.auth.Principal;
import hotline.auth.Role;
import hotline.common.Code;
import hotline.common.InvalidInputException;
import hotline.customer.Customer;
import hotline.customer.CustomerDraft;
import hotline.customer.CustomerEvent;
import hotline.customer.CustomerPatch;
import hotline.customer.CustomerService;
import hotline.customer.ImportMode;
import hotline.customer.PhoneNumbers;
import hotline.customer.Tier;
import hotline.customer.TierOverride;
import hotline.http.ApiRoutes;
import hotline.http.CsvUploads;
import hotline.http.Requests;
import hotline.http.Responses;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The customer operations of {@code openapi.yaml}; handlers only read the request, call the service and answer. */
public final class CustomerRoutes implements ApiRoutes {

    public static final String IMPORT_PATH = "/api/customers/import";
    /** Import files may be larger than the API's JSON limit: 10,000 rows are about 1.5 MB. */
    public static final long IMPORT_MAX_BYTES = 20L * 1024 * 1024;

    private final CustomerService customers;

    public CustomerRoutes(CustomerService customers) {
        this.customers = customers;
    }

    @Override
    public void mount(RouterBuilder builder) {
        builder.getRoute("createCustomer").addHandler(this::create);
        builder.getRoute("findCustomers").addHandler(this::find);
        builder.getRoute("getCustomer").addHandler(this::get);
        builder.getRoute("patchCustomer").addHandler(this::patch);
        builder.getRoute("overrideCustomerTier").addHandler(this::overrideTier);
        builder.getRoute("clearCustomerTier").addHandler(this::clearTier);
        builder.getRoute("listTierOverrides").addHandler(Access.requireRole(Role.SUPERVISOR)).addHandler(this::overrides);
        // The OpenAPI validator knows no text/csv; the handler checks the body itself.
        builder.getRoute("importCustomers").setDoValidation(false).addHandler(this::importCsv);
    }

    /** Streams import bodies to the parser instead of the API router's body reader (see {@link CsvUploads}). */
    public static Handler<Router> importBody() {
        return CsvUploads.streamed(IMPORT_PATH, IMPORT_MAX_BYTES);
    }

    private void create(RoutingContext ctx) {
        CustomerDraft draft = CustomerDraft.fromJson(Requests.body(ctx));
        customers.create(draft, Access.principal(ctx))
                .onSuccess(customer -> Responses.created(ctx, "/api/customers/" + customer.id(), customer.toJson()))
                .onFailure(ctx::fail);
    }

    private void get(RoutingContext ctx) {
        long id = Requests.pathId(ctx, "id");
        customers.get(id).compose(customer -> customers.events(id).map(events -> customer.toJson()
                        .put("events", new JsonArray(events.stream().map(CustomerEvent::toJson).toList()))))
                .onSuccess(json -> Responses.ok(ctx, json))
                .onFailure(ctx::fail);
    }

    private void patch(RoutingContext ctx) {
        CustomerPatch patch = CustomerPatch.fromJson(Requests.body(ctx));
        customers.patch(Requests.pathId(ctx, "id"), patch, Access.principal(ctx))
                .onSuccess(customer -> Responses.ok(ctx, customer.toJson()))
                .onFailure(ctx::fail);
    }

    private void overrideTier(RoutingContext ctx) {
        Principal principal = Access.require(ctx, Role.SUPERVISOR);
        JsonObject body = Requests.body(ctx);
        Tier tier = Code.parse(Tier.class, body.getString("tier"))
                .orElseThrow(() -> new InvalidInputException("tier", "must be one of " + Code.codes(Tier.class)));
        customers.overrideTier(Requests.pathId(ctx, "id"), tier, body.getString("reason"), principal)
                .onSuccess(customer -> Responses.ok(ctx, customer.toJson()))
                .onFailure(ctx::fail);
    }

    private void clearTier(RoutingContext ctx) {
        Principal principal = Access.require(ctx, Role.SUPERVISOR);
        customers.clearTierOverride(Requests.pathId(ctx, "id"), Requests.query(ctx, "reason").orElse(null), principal)
                .onSuccess(customer -> Responses.ok(ctx, customer.toJson()))
                .onFailure(ctx::fail);
    }

    private void overrides(RoutingContext ctx) {
        Tier tier = Requests.query(ctx, "tier").flatMap(code -> Code.parse(Tier.class, code)).orElse(null);
        int page = Requests.queryInt(ctx, "page").orElse(1);
        int size = Requests.queryInt(ctx, "size").orElse(CustomerService.DEFAULT_PAGE_SIZE);
        customers.tierOverrides(tier, page, size)
                .onSuccess(found -> Responses.ok(ctx, new JsonObject()
                        .put("items", new JsonArray(found.items().stream().map(TierOverride::toJson).toList()))
                        .put("page", page).put("size", size).put("total", found.total())))
                .onFailure(ctx::fail);
    }

    private void find(RoutingContext ctx) {
        Optional<String> phone = asSent(ctx, "phone");
        Optional<String> account = asSent(ctx, "account");
        Optional<String> q = asSent(ctx, "q");
        if (Stream.of(phone, account, q).filter(Optional::isPresent).count() != 1) {
            throw new InvalidInputException("q", "give exactly one of phone, account, q");
        }
        int page = Requests.queryInt(ctx, "page").orElse(1);
        int size = Requests.queryInt(ctx, "size").orElse(CustomerService.DEFAULT_PAGE_SIZE);
        Future<List<Customer>> found;
        if (phone.isPresent()) {
            found = customers.findByPhone(PhoneNumbers.require("phone", phone.get()));
        } else if (account.isPresent()) {
            found = customers.findByAccount(account.get()).map(customer -> customer.stream().toList());
        } else {
            found = customers.search(q.get(), page, size);
        }
        found.onSuccess(list -> Responses.ok(ctx, new JsonObject()
                        .put("items", new JsonArray(list.stream().map(Customer::toJson).toList()))
                        .put("page", phone.isPresent() || account.isPresent() ? 1 : page).put("size", size)))
                .onFailure(ctx::fail);
    }

    /**
     * A validated query value as the client sent it: the validator decodes values a second time, which turns the
     * '+' of "+86" into a space.
     */
    private static Optional<String> asSent(RoutingContext ctx, String name) {
        return Requests.query(ctx, name).map(checked -> ctx.request().getParam(name));
    }

    private void importCsv(RoutingContext ctx) {
        Principal principal = Access.require(ctx, Role.SUPERVISOR);
        String modeParam = ctx.request().getParam("mode");
        ImportMode mode = modeParam == null ? ImportMode.ALL : Code.parse(ImportMode.class, modeParam)
                .orElseThrow(() -> new InvalidInputException("mode", "must be one of " + Code.codes(ImportMode.class)));
        CsvUploads.text(ctx).ifPresent(text -> customers.importCsv(text, mode, principal)
                .onSuccess(report -> Responses.ok(ctx, report.toJson()))
                .onFailure(failure -> CsvUploads.fail(ctx, failure, IMPORT_MAX_BYTES)));
    }
}
