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
import hotline.http.BlockingBody;
import hotline.http.Requests;
import hotline.http.Responses;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.impl.RoutingContextInternal;
import io.vertx.ext.web.openapi.router.RouterBuilder;

import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The customer operations of {@code openapi.yaml}; handlers only read the request, call the service and answer. */
public final class CustomerRoutes implements ApiRoutes {

    public static final String IMPORT_PATH = "/api/customers/import";
    /** Import files may be larger than the API's JSON limit: 10,000 rows are about 1.5 MB. */
    public static final long IMPORT_MAX_BYTES = 20L * 1024 * 1024;
    private static final String BODY = "hotline.importBody";

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

    /**
     * Takes import bodies off the API router's 1 MiB body reader: they are streamed to the parser instead (see
     * {@link BlockingBody}), up to {@link #IMPORT_MAX_BYTES}. Mount it on the root router (a non-API route of
     * {@code ApiVerticle}), so it sees the request before anything reads or resumes it.
     */
    public static void mountImportBody(Router root) {
        root.post(IMPORT_PATH).handler(ctx -> {
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && length.length() < 19 && length.chars().allMatch(Character::isDigit)
                    && Long.parseLong(length) > IMPORT_MAX_BYTES) {
                tooLarge(ctx);
                return;
            }
            ctx.put(BODY, BlockingBody.of(ctx.request(), IMPORT_MAX_BYTES));
            // Tells the API router's body handler that this body is taken care of.
            ((RoutingContextInternal) ctx).visitHandler(RoutingContextInternal.BODY_HANDLER);
            ctx.next();
        });
    }

    private static void tooLarge(RoutingContext ctx) {
        Responses.send(ctx, 413, new JsonObject().put("error", "the file is larger than 20 MiB")
                .put("field", "body").encode());
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
        String type = Optional.ofNullable(ctx.request().getHeader(HttpHeaders.CONTENT_TYPE)).orElse("");
        if (!type.toLowerCase(java.util.Locale.ROOT).startsWith("text/csv")) {
            ctx.fail(415);
            return;
        }
        String modeParam = ctx.request().getParam("mode");
        ImportMode mode = modeParam == null ? ImportMode.ALL : Code.parse(ImportMode.class, modeParam)
                .orElseThrow(() -> new InvalidInputException("mode", "must be one of " + Code.codes(ImportMode.class)));
        BlockingBody body = ctx.get(BODY);
        Reader text = new InputStreamReader(body, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        customers.importCsv(text, mode, principal)
                .onSuccess(report -> Responses.ok(ctx, report.toJson()))
                .onFailure(failure -> {
                    if (failure instanceof UncheckedIOException e && e.getCause() instanceof BlockingBody.TooLarge) {
                        tooLarge(ctx);
                    } else {
                        ctx.fail(failure);
                    }
                });
    }
}
