package hotline.console.internal;

import hotline.common.InvalidInputException;
import hotline.console.internal.archive.CustomerBlocks;
import hotline.common.Code;
import hotline.customer.Customer;
import hotline.customer.CustomerKind;
import hotline.customer.CustomerService;
import hotline.customer.Tier;
import hotline.customer.WaterUse;
import hotline.followup.FollowUp;
import hotline.followup.FollowUpService;
import hotline.ticket.Page;
import hotline.ticket.Ticket;
import hotline.ticket.TicketFilter;
import hotline.ticket.TicketService;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /customers/{id}} (the customer 360: card, phones, tier with its override for supervisors, billing, open
 * tickets and return calls still to make, relationship health and every contact in one timeline — both from
 * {@link CustomerBlocks}), {@code /customers/{id}/billing} (the billing block alone) and
 * {@code /customers/new} (the form behind the caller card's "new customer"). Both write through {@code /api/customers}.
 */
public final class CustomerPages {

    static final int TIMELINE = 50;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Templates templates;
    private final Assets assets;
    private final CustomerService customers;
    private final TicketService tickets;
    private final FollowUpService followUps;
    private final BillingBlocks billing;
    private final CustomerBlocks blocks;
    private final ZoneId zone;

    public CustomerPages(Templates templates, Assets assets, CustomerService customers, TicketService tickets,
                         FollowUpService followUps, BillingBlocks billing, CustomerBlocks blocks, ZoneId zone) {
        this.billing = billing;
        this.templates = templates;
        this.assets = assets;
        this.customers = customers;
        this.tickets = tickets;
        this.followUps = followUps;
        this.blocks = blocks;
        this.zone = zone;
    }

    void newForm(RoutingContext ctx) {
        Map<String, Object> model = Viewer.of(ctx).model(assets);
        model.put("phone", ctx.request().getParam("phone", ""));
        model.put("waterUses", Code.codes(WaterUse.class));
        model.put("kinds", Code.codes(CustomerKind.class));
        PageKit.html(ctx, templates.render("customer-new.ftlh", model));
    }

    void page(RoutingContext ctx) {
        long id = id(ctx.pathParam("id"));
        model(Viewer.of(ctx), id)
                .map(model -> templates.render("customer.ftlh", model))
                .onSuccess(body -> PageKit.html(ctx, body))
                .onFailure(ctx::fail);
    }

    /** {@code /customers/{id}/billing}: the billing block alone, as the card and the page fetch it when it was late. */
    void billing(RoutingContext ctx) {
        long id = id(ctx.pathParam("id"));
        Map<String, Object> model = Viewer.of(ctx).model(assets);
        billing.fullForCustomer(id).onFailure(ctx::fail).onSuccess(json -> {
            model.put("billing", Models.plain(json));
            model.put("customerId", id);
            model.put("compact", "card".equals(ctx.request().getParam("in")));
            PageKit.html(ctx, templates.render("fragments/billing.ftlh", model));
        });
    }

    /** The page's model for {@code viewer}: reads run in parallel; a missing customer fails with 404. */
    Future<Map<String, Object>> model(Viewer viewer, long id) {
        Future<Customer> customer = customers.get(id);
        Future<Page<Ticket>> history = tickets.list(new TicketFilter(null, null, id, null, 0, TIMELINE));
        Future<List<FollowUp>> followUpList = followUps.ofCustomer(id, TIMELINE);
        Future<JsonObject> account = customer.compose(found -> billing.forCard(found.accountNumber()));
        Map<String, Object> model = viewer.model(assets);
        Future<Void> relationship = customer.compose(found -> blocks.fill(id, model));
        return Future.all(customer, history, followUpList, account, relationship).map(all -> {
            model.put("customer", Models.plain(customer.result().toJson()));
            model.put("billing", Models.plain(account.result()));
            model.put("tiers", Code.codes(Tier.class));
            model.put("openTickets", history.result().items().stream().filter(t -> !t.status().isFinal())
                    .map(this::ticketRow).toList());
            model.put("openFollowUps", followUpList.result().stream().filter(f -> f.doneAt() == null)
                    .map(f -> row("followup", f.dueAt(), Map.of("followupKind", f.kind().code()))).toList());
            return model;
        });
    }

    private Map<String, Object> ticketRow(Ticket t) {
        return row("ticket", t.createdAt(), Map.of("id", t.id(), "number", t.number(), "type", t.type().code(),
                "status", t.status().code(), "subject", t.subject(), "channel", t.channel().code(),
                "category", t.category() == null ? "" : t.category()));
    }

    private Map<String, Object> row(String kind, Instant at, Map<String, Object> fields) {
        Map<String, Object> row = new HashMap<>(fields);
        row.put("kind", kind);
        row.put("at", at.toString());
        row.put("atText", WHEN.format(at.atZone(zone)));
        return row;
    }

    private static long id(String raw) {
        try {
            long id = Long.parseLong(raw);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidInputException("id", "must be a positive whole number");
    }
}
