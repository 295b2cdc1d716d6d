package hotline.search.internal;

import hotline.auth.Access;
import hotline.auth.Role;
import hotline.common.Code;
import hotline.common.InvalidInputException;
import hotline.http.ApiRoutes;
import hotline.http.Requests;
import hotline.http.Responses;
import hotline.search.Reindexing;
import hotline.search.SearchHit;
import hotline.search.SearchRequest;
import hotline.search.SearchService;
import hotline.search.SearchSort;
import hotline.ticket.Ticket;
import hotline.ticket.TicketService;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The search operations of {@code openapi.yaml}: {@code searchTickets}, {@code similarTickets},
 * {@code similarToText} (any authenticated role: every role may read every ticket, and hits carry no customer phone
 * or account), {@code reindexSearch} and {@code reindexProgress} (admins only). Hits of similar cases carry how each was resolved and its
 * satisfaction score when the ticket's workflow data has them.
 */
public final class SearchRoutes implements ApiRoutes {

    private final SearchService search;
    private final TicketService tickets;
    private final Reindexing feeder;
    private final Clock clock;

    public SearchRoutes(SearchService search, TicketService tickets, Reindexing feeder, Clock clock) {
        this.search = search;
        this.tickets = tickets;
        this.feeder = feeder;
        this.clock = clock;
    }

    @Override
    public void mount(RouterBuilder builder) {
        builder.getRoute("searchTickets").addHandler(this::search);
        builder.getRoute("similarTickets").addHandler(this::similarToTicket);
        builder.getRoute("similarToText").addHandler(this::similarToText);
        builder.getRoute("reindexSearch").addHandler(Access.requireRole(Role.ADMIN)).addHandler(this::reindex);
        builder.getRoute("reindexProgress").addHandler(Access.requireRole(Role.ADMIN))
                .addHandler(ctx -> Responses.ok(ctx, feeder.progress().toJson(clock.instant())));
    }

    private void search(RoutingContext ctx) {
        SearchRequest request = new SearchRequest(
                Requests.query(ctx, "q").orElse(null),
                Requests.query(ctx, "type").orElse(null),
                Requests.query(ctx, "status").orElse(null),
                Requests.query(ctx, "district").orElse(null),
                Requests.query(ctx, "tier").orElse(null),
                instant(ctx, "from"),
                instant(ctx, "to"),
                Requests.queryInt(ctx, "page").orElse(0),
                Requests.queryInt(ctx, "size").orElse(SearchRequest.DEFAULT_SIZE),
                Requests.query(ctx, "sort").flatMap(code -> Code.parse(SearchSort.class, code)).orElse(null),
                true);
        search.search(request)
                .onSuccess(results -> Responses.ok(ctx, results.toJson()))
                .onFailure(ctx::fail);
    }

    private void similarToTicket(RoutingContext ctx) {
        long id = Requests.pathId(ctx, "id");
        int size = Requests.queryInt(ctx, "size").orElse(SearchService.SIMILAR_DEFAULT);
        boolean collapse = Requests.query(ctx, "collapse").map(Boolean::parseBoolean).orElse(true);
        tickets.get(id)
                .compose(view -> search.similarTo(id, size, collapse).compose(hits -> hits.isEmpty()
                        ? notYetIndexed(view.ticket(), size, collapse) : Future.succeededFuture(hits)))
                .onSuccess(hits -> Responses.ok(ctx, hits(hits)))
                .onFailure(ctx::fail);
    }

    /** A ticket created a moment ago may not be indexed yet: compare its words instead. */
    private Future<List<SearchHit>> notYetIndexed(Ticket ticket, int size, boolean collapse) {
        return search.similarToText(ticket.subject() + "\n" + ticket.description(), size + 1, collapse)
                .map(hits -> hits.stream().filter(hit -> hit.id() != ticket.id()).limit(size).toList());
    }

    private void similarToText(RoutingContext ctx) {
        JsonObject body = Requests.body(ctx);
        search.similarToText(body.getString("text"), body.getInteger("size", SearchService.SIMILAR_DEFAULT),
                        body.getBoolean("collapse", true))
                .onSuccess(hits -> Responses.ok(ctx, hits(hits)))
                .onFailure(ctx::fail);
    }

    private void reindex(RoutingContext ctx) {
        feeder.reindex()
                .onSuccess(rebuilt -> Responses.ok(ctx, rebuilt.toJson()))
                .onFailure(ctx::fail);
    }

    private static JsonObject hits(List<SearchHit> hits) {
        return new JsonObject().put("hits", new JsonArray(hits.stream().map(SearchHit::toJson).toList()));
    }

    private static Instant instant(RoutingContext ctx, String name) {
        return Requests.query(ctx, name).map(value -> {
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException e) {
                throw new InvalidInputException(name, "must be a date-time such as 2026-11-01T00:00:00Z");
            }
        }).orElse(null);
    }
}
