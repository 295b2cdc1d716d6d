package hotline.sla.internal;

import hotline.auth.Access;
import hotline.auth.Role;
import hotline.common.Code;
import hotline.http.ApiRoutes;
import hotline.http.Requests;
import hotline.http.Responses;
import hotline.sla.BoardFilter;
import hotline.sla.BoardRow;
import hotline.sla.EscalationInbox;
import hotline.sla.SlaBoard;
import hotline.sla.Teams;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;

/**
 * The SLA operations of {@code openapi.yaml}: {@code slaBoard}, {@code listMyEscalations} and
 * {@code acknowledgeEscalation} (supervisor), {@code listTeams} (any role).
 */
public final class SlaRoutes implements ApiRoutes {

    private static final int INBOX_PAGE = 20;

    private final SlaBoard board;
    private final EscalationInbox inbox;
    private final Teams teams;

    public SlaRoutes(SlaBoard board, EscalationInbox inbox, Teams teams) {
        this.board = board;
        this.inbox = inbox;
        this.teams = teams;
    }

    @Override
    public void mount(RouterBuilder builder) {
        builder.getRoute("slaBoard").addHandler(Access.requireRole(Role.SUPERVISOR)).addHandler(this::board);
        builder.getRoute("listMyEscalations").addHandler(Access.requireRole(Role.SUPERVISOR)).addHandler(this::inbox);
        builder.getRoute("acknowledgeEscalation").addHandler(Access.requireRole(Role.SUPERVISOR))
                .addHandler(this::acknowledge);
        builder.getRoute("listTeams").addHandler(this::teams);
    }

    private void board(RoutingContext ctx) {
        board.list(BoardFilter.parse(name -> Requests.query(ctx, name).orElse(null)))
                .onSuccess(page -> Responses.ok(ctx, page.toJson(BoardRow::toJson)))
                .onFailure(ctx::fail);
    }

    private void inbox(RoutingContext ctx) {
        EscalationInbox.Status status = Requests.query(ctx, "status")
                .flatMap(code -> Code.parse(EscalationInbox.Status.class, code)).orElse(EscalationInbox.Status.UNREAD);
        inbox.list(Access.principal(ctx).username(), status, Requests.queryInt(ctx, "page").orElse(0),
                        Requests.queryInt(ctx, "size").orElse(INBOX_PAGE))
                .onSuccess(listing -> Responses.ok(ctx, listing.toJson()))
                .onFailure(ctx::fail);
    }

    private void acknowledge(RoutingContext ctx) {
        inbox.acknowledge(Requests.pathId(ctx, "id"), Access.principal(ctx))
                .onSuccess(item -> Responses.ok(ctx, item.toJson()))
                .onFailure(ctx::fail);
    }

    private void teams(RoutingContext ctx) {
        Responses.ok(ctx, new JsonObject().put("items",
                new JsonArray(teams.all().stream().map(Teams.Team::toJson).toList())));
    }
}
