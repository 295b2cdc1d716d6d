package hotline.console.internal.slaboard;

import hotline.auth.Role;
import hotline.auth.UserService;
import hotline.common.Code;
import hotline.common.InvalidInputException;
import hotline.console.internal.PageKit;
import hotline.console.internal.Viewer;
import hotline.customer.Tier;
import hotline.sla.BoardFilter;
import hotline.sla.BoardState;
import hotline.sla.EscalationInbox;
import hotline.sla.SlaBoard;
import hotline.sla.Teams;
import hotline.ticket.TicketType;
import hotline.ticket.workflow.EscalationLevel;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.Clock;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The supervisor's SLA and escalation board:
 * <ul>
 *   <li>{@code GET /supervisor/sla}: the tickets past their warning threshold with countdowns, filtered by type,
 *   district, tier, level, owner and state ({@link BoardFilter}'s parameters, also in the address), "my escalations"
 *   with their acknowledgement, and the reassign dialog (which sends {@code reassign} to
 *   {@code POST /api/tickets/{id}/transitions});</li>
 *   <li>{@code GET /supervisor/sla/rows}: the table alone, for a filter change, a page turn or a live refresh;</li>
 *   <li>{@code GET /supervisor/sla/inbox?status=unread|read}: "my escalations" alone;
 *   {@code POST /supervisor/sla/inbox/{id}/acknowledge}: acknowledges one and answers the panel again.</li>
 * </ul>
 * Supervisors only; a filter value the board does not know is a 422 naming the parameter.
 */
public final class SlaBoardPage implements Handler<Router> {

    static final int INBOX_PAGE = 30;

    private final PageKit kit;
    private final SlaBoard board;
    private final EscalationInbox inbox;
    private final Teams teams;
    private final UserService users;
    private final BoardModels models;
    private final Clock clock;

    public SlaBoardPage(PageKit kit, SlaBoard board, EscalationInbox inbox, Teams teams, UserService users,
                        Clock clock, ZoneId zone) {
        this.kit = kit;
        this.board = board;
        this.inbox = inbox;
        this.teams = teams;
        this.users = users;
        this.models = new BoardModels(zone);
        this.clock = clock;
    }

    @Override
    public void handle(Router router) {
        Handler<RoutingContext> supervisor = kit.only(Role.SUPERVISOR);
        kit.page(router.get("/supervisor/sla"), supervisor, this::page);
        kit.page(router.get("/supervisor/sla/rows"), supervisor, this::rows);
        kit.page(router.get("/supervisor/sla/inbox"), supervisor, this::inbox);
        kit.page(router.postWithRegex("/supervisor/sla/inbox/(?<id>[0-9]{1,18})/acknowledge"), kit.forms(), supervisor,
                this::acknowledge);
    }

    private void page(RoutingContext ctx) {
        Viewer viewer = Viewer.of(ctx);
        BoardFilter filter = filter(ctx);
        Future<Owners> owners = owners(viewer);
        Future<Map<String, Object>> rows = owners.compose(known -> board.list(filter).map(page -> models.board(page, known)));
        Future<List<String>> districts = board.districts();
        Future<Map<String, Object>> mine = inboxModel(viewer, EscalationInbox.Status.UNREAD);
        Future.all(rows, districts, mine).onFailure(ctx::fail).onSuccess(all -> {
            Map<String, Object> model = model(ctx);
            model.put("filter", filterModel(ctx));
            model.put("board", rows.result());
            model.put("inbox", mine.result());
            model.put("slaUnread", mine.result().get("unread"));
            model.put("districts", districts.result());
            model.put("types", Code.codes(TicketType.class));
            model.put("tiers", Code.codes(Tier.class));
            model.put("levels", Code.codes(EscalationLevel.class));
            model.put("states", Code.codes(BoardState.class));
            model.put("owners", owners.result().filterOptions());
            model.put("targets", owners.result().targets());
            kit.render(ctx, "supervisor/sla.ftlh", model);
        });
    }

    private void rows(RoutingContext ctx) {
        Viewer viewer = Viewer.of(ctx);
        BoardFilter filter = filter(ctx);
        owners(viewer).compose(known -> board.list(filter).map(page -> models.board(page, known)))
                .onFailure(ctx::fail)
                .onSuccess(rows -> {
                    Map<String, Object> model = model(ctx);
                    model.put("board", rows);
                    kit.render(ctx, "supervisor/sla-rows.ftlh", model);
                });
    }

    private void inbox(RoutingContext ctx) {
        renderInbox(ctx, status(ctx.request().getParam("status")));
    }

    private void acknowledge(RoutingContext ctx) {
        inbox.acknowledge(Long.parseLong(ctx.pathParam("id")), Viewer.of(ctx).principal())
                .onFailure(ctx::fail)
                .onSuccess(item -> renderInbox(ctx, status(ctx.request().getFormAttribute("status"))));
    }

    /** The panel, with the tab's unread badge swapped out of band (it sits outside the panel). */
    private void renderInbox(RoutingContext ctx, EscalationInbox.Status status) {
        inboxModel(Viewer.of(ctx), status).onFailure(ctx::fail).onSuccess(mine -> {
            Map<String, Object> model = model(ctx);
            model.put("inbox", mine);
            model.put("badgeOutOfBand", true);
            kit.render(ctx, "supervisor/sla-inbox.ftlh", model);
        });
    }

    private Future<Map<String, Object>> inboxModel(Viewer viewer, EscalationInbox.Status status) {
        return inbox.list(viewer.principal().username(), status, 0, INBOX_PAGE).map(listing -> {
            Map<String, Object> model = new HashMap<>();
            model.put("items", listing.page().items().stream().map(models::item).toList());
            model.put("total", listing.page().total());
            model.put("unread", listing.unread());
            model.put("status", status.code());
            return model;
        });
    }

    /** The layout's model and the server's time, by which the page's countdowns run. */
    private Map<String, Object> model(RoutingContext ctx) {
        Map<String, Object> model = kit.model(ctx);
        model.put("now", clock.instant().toString());
        return model;
    }

    private Future<Owners> owners(Viewer viewer) {
        return users.list().map(all -> new Owners(all, teams.all(), viewer.lang()));
    }

    private static BoardFilter filter(RoutingContext ctx) {
        return BoardFilter.parse(ctx.request()::getParam);
    }

    /** The filter as the form shows it: each parameter as given ("" when absent). */
    private static Map<String, String> filterModel(RoutingContext ctx) {
        Map<String, String> model = new HashMap<>();
        for (String name : List.of("type", "district", "tier", "level", "owner", "state", "page")) {
            model.put(name, ctx.request().getParam(name, ""));
        }
        return model;
    }

    private static EscalationInbox.Status status(String raw) {
        if (raw == null || raw.isBlank()) {
            return EscalationInbox.Status.UNREAD;
        }
        return Code.parse(EscalationInbox.Status.class, raw)
                .filter(status -> status != EscalationInbox.Status.ALL)
                .orElseThrow(() -> new InvalidInputException("status", "must be unread or read"));
    }
}
