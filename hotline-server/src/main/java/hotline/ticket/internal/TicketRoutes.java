package hotline.ticket.internal;

import hotline.auth.Access;
import hotline.common.Code;
import hotline.http.ApiRoutes;
import hotline.http.Requests;
import hotline.http.Responses;
import hotline.ticket.Channel;
import hotline.ticket.DetailsIntake;
import hotline.ticket.Ticket;
import hotline.ticket.TicketDraft;
import hotline.ticket.TicketFilter;
import hotline.ticket.TicketPatch;
import hotline.ticket.TicketService;
import hotline.ticket.TicketStatus;
import hotline.ticket.TicketType;
import hotline.ticket.TicketViewExtension;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;

import java.util.List;

/**
 * The ticket operations of {@code openapi.yaml}: {@code createTicket}, {@code getTicket}, {@code listTickets},
 * {@code updateTicket}. Any authenticated role may use them. A create repeated with the same
 * {@code Idempotency-Key} answers 201 with the same ticket (and the same {@code Location}) as the first. The
 * {@code details} of a create pass a {@link DetailsIntake} (none are taken unless one is given).
 */
public final class TicketRoutes implements ApiRoutes {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final TicketService tickets;
    private final List<TicketViewExtension> extensions;
    private final DetailsIntake intake;

    /**
     * @param extensions add their fields to {@code getTicket}'s answer, in order
     * @param intake     checks the details of a create
     */
    public TicketRoutes(TicketService tickets, List<TicketViewExtension> extensions, DetailsIntake intake) {
        this.tickets = tickets;
        this.extensions = List.copyOf(extensions);
        this.intake = intake;
    }

    @Override
    public void mount(RouterBuilder builder) {
        builder.getRoute("createTicket").addHandler(this::create);
        builder.getRoute("getTicket").addHandler(this::get);
        builder.getRoute("listTickets").addHandler(this::list);
        builder.getRoute("updateTicket").addHandler(this::update);
    }

    private void create(RoutingContext ctx) {
        // A handler that throws (bad input) fails the request; the API's failure handler renders the error.
        TicketDraft draft = TicketDraft.fromJson(Requests.body(ctx));
        tickets.create(draft.withDetails(intake.check(draft.type(), draft.details())), Access.principal(ctx),
                        Requests.header(ctx, IDEMPOTENCY_KEY))
                .onSuccess(ticket -> Responses.created(ctx, "/api/tickets/" + ticket.id(), ticket.toJson()))
                .onFailure(ctx::fail);
    }

    private void get(RoutingContext ctx) {
        tickets.get(Requests.pathId(ctx, "id"))
                .compose(view -> {
                    Future<JsonObject> json = Future.succeededFuture(view.toJson());
                    for (TicketViewExtension extension : extensions) {
                        json = json.compose(body -> extension.extend(view.ticket()).map(body::mergeIn));
                    }
                    return json;
                })
                .onSuccess(json -> Responses.ok(ctx, json))
                .onFailure(ctx::fail);
    }

    private void list(RoutingContext ctx) {
        TicketFilter filter = new TicketFilter(
                Requests.query(ctx, "status").flatMap(code -> Code.parse(TicketStatus.class, code))
                        .orElse(null),
                Requests.query(ctx, "type").flatMap(code -> Code.parse(TicketType.class, code))
                        .orElse(null),
                Requests.queryLong(ctx, "customerId").orElse(null),
                Requests.query(ctx, "district").orElse(null),
                Requests.queryInt(ctx, "page").orElse(0),
                Requests.queryInt(ctx, "size").orElse(TicketFilter.DEFAULT_SIZE));
        tickets.list(filter)
                .onSuccess(page -> Responses.ok(ctx, page.toJson(Ticket::toJson)))
                .onFailure(ctx::fail);
    }

    private void update(RoutingContext ctx) {
        JsonObject body = Requests.body(ctx);
        tickets.update(Requests.pathId(ctx, "id"), TicketPatch.fromJson(body), Access.principal(ctx),
                        Channel.PHONE, body.getInteger("version"))
                .onSuccess(ticket -> Responses.ok(ctx, ticket.toJson()))
                .onFailure(ctx::fail);
    }
}
