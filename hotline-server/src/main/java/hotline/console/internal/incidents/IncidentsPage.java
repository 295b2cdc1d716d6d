package hotline.console.internal.incidents;

import hotline.auth.Role;
import hotline.console.internal.PageKit;
import hotline.crew.Crew;
import hotline.crew.CrewService;
import hotline.incident.Incident;
import hotline.incident.IncidentService;
import hotline.surveillance.QualityAlerts;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * The supervisor's incidents (supervisors only):
 * <ul>
 *   <li>{@code GET /supervisor/incidents}: the open incidents with their reports, reporters to tell, critical
 *   facilities, crew and ETA, and the water-quality alerts with the counts that raised them; both drawn again live by
 *   the {@link IncidentBoard};</li>
 *   <li>{@code GET /supervisor/incidents/{id}}: one incident with its reports and the critical facilities it affects,
 *   and the forms that dispatch, merge, split and close it (they post to the incident API);
 *   {@code GET /supervisor/incidents/{id}/panel}: the same without the page around it, to draw it again after someone
 *   else changed it.</li>
 * </ul>
 */
public final class IncidentsPage implements Handler<Router> {

    private final PageKit kit;
    private final IncidentService incidents;
    private final CrewService crews;
    private final IncidentViews views;
    private final IncidentBoard board;

    public IncidentsPage(PageKit kit, Vertx vertx, IncidentService incidents, QualityAlerts alerts, CrewService crews,
                         Clock clock, ZoneId zone) {
        this.kit = kit;
        this.incidents = incidents;
        this.crews = crews;
        this.views = new IncidentViews(clock, zone);
        this.board = new IncidentBoard(vertx, incidents, alerts, crews, kit.templates(), kit.assets(), views);
    }

    @Override
    public void handle(Router router) {
        Handler<RoutingContext> supervisor = kit.only(Role.SUPERVISOR);
        kit.page(router.get("/supervisor/incidents"), supervisor, this::list);
        kit.page(router.getWithRegex("/supervisor/incidents/(?<id>[0-9]{1,18})"), supervisor,
                ctx -> detail(ctx, "supervisor/incident.ftlh"));
        kit.page(router.getWithRegex("/supervisor/incidents/(?<id>[0-9]{1,18})/panel"), supervisor,
                ctx -> detail(ctx, "supervisor/incident-panel.ftlh"));
    }

    /** Starts drawing the board live. */
    public Future<Void> start() {
        return board.start();
    }

    public Future<Void> stop() {
        return board.stop();
    }

    private void list(RoutingContext ctx) {
        board.read().onFailure(ctx::fail).onSuccess(read -> {
            Map<String, Object> model = kit.model(ctx);
            model.putAll(views.board(read));
            kit.render(ctx, "supervisor/incidents.ftlh", model);
        });
    }

    private void detail(RoutingContext ctx, String template) {
        long id = Long.parseLong(ctx.pathParam("id"));
        Future<JsonObject> incident = incidents.get(id);
        Future<List<Crew>> all = crews.list();
        Future<List<Incident>> open = incident.compose(read -> incidents.openOf(read.getString("category")));
        Future.all(incident, all, open).onFailure(ctx::fail).onSuccess(done -> {
            Map<String, Object> model = kit.model(ctx);
            model.putAll(views.detail(incident.result(), all.result(), open.result()));
            kit.render(ctx, template, model);
        });
    }
}
