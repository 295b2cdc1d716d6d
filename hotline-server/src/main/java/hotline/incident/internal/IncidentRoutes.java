package hotline.incident.internal;

import hotline.auth.Access;
import hotline.auth.Role;
import hotline.common.Code;
import hotline.http.ApiRoutes;
import hotline.http.Requests;
import hotline.http.Responses;
import hotline.incident.Incident;
import hotline.incident.IncidentService;
import hotline.incident.IncidentStatus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;

import java.util.HashSet;
import java.util.Set;

/**
 * {@code listIncidents}, {@code matchIncident}, {@code getIncident}, {@code dispatchIncident} (any role); {@code closeIncident},
 * {@code mergeIncident}, {@code splitIncident} (supervisor).
 */
public final class IncidentRoutes implements ApiRoutes {

    private final IncidentService incidents;

    public IncidentRoutes(IncidentService incidents) {
        this.incidents = incidents;
    }

    @Override
    public void mount(RouterBuilder builder) {
        builder.getRoute("listIncidents").addHandler(this::list);
        builder.getRoute("matchIncident").addHandler(this::match);
        builder.getRoute("getIncident").addHandler(this::get);
        builder.getRoute("dispatchIncident").addHandler(this::dispatch);
        builder.getRoute("closeIncident").addHandler(Access.requireRole(Role.SUPERVISOR)).addHandler(this::close);
        builder.getRoute("mergeIncident").addHandler(Access.requireRole(Role.SUPERVISOR)).addHandler(this::merge);
        builder.getRoute("splitIncident").addHandler(Access.requireRole(Role.SUPERVISOR)).addHandler(this::split);
    }

    private void list(RoutingContext ctx) {
        incidents.list(Requests.query(ctx, "status").flatMap(code -> Code.parse(IncidentStatus.class, code)).orElse(null),
                        Requests.query(ctx, "district").orElse(null),
                        Requests.queryInt(ctx, "limit").orElse(IncidentService.DEFAULT_LIST))
                .onSuccess(list -> Responses.ok(ctx,
                        new JsonObject().put("items", new JsonArray(list.stream().map(Incident::toJson).toList()))))
                .onFailure(ctx::fail);
    }

    private void match(RoutingContext ctx) {
        incidents.wouldJoin(Requests.query(ctx, "category").orElse(null), Requests.query(ctx, "district").orElse(null),
                        Requests.query(ctx, "location").orElse(null))
                .onSuccess(found -> Responses.ok(ctx, new JsonObject().put("incident",
                        found.map(Incident::toJson).orElse(null))))
                .onFailure(ctx::fail);
    }

    private void get(RoutingContext ctx) {
        incidents.get(Requests.pathId(ctx, "id")).onSuccess(json -> Responses.ok(ctx, json)).onFailure(ctx::fail);
    }

    private void dispatch(RoutingContext ctx) {
        JsonObject body = Requests.body(ctx);
        incidents.dispatch(Requests.pathId(ctx, "id"), body.getLong("crewId"), body.getString("eta"),
                        Access.principal(ctx))
                .onSuccess(incident -> Responses.ok(ctx, incident.toJson()))
                .onFailure(ctx::fail);
    }

    private void close(RoutingContext ctx) {
        JsonObject body = Requests.body(ctx);
        incidents.close(Requests.pathId(ctx, "id"), body.getString("resolution"), body.getLong("reportersToTell"),
                        Access.principal(ctx))
                .onSuccess(json -> Responses.ok(ctx, json))
                .onFailure(ctx::fail);
    }

    private void merge(RoutingContext ctx) {
        incidents.merge(Requests.pathId(ctx, "id"), Requests.body(ctx).getLong("sourceId"), Access.principal(ctx))
                .onSuccess(incident -> Responses.ok(ctx, incident.toJson()))
                .onFailure(ctx::fail);
    }

    private void split(RoutingContext ctx) {
        Set<Long> ids = new HashSet<>();
        Requests.body(ctx).getJsonArray("ticketIds").forEach(id -> ids.add(((Number) id).longValue()));
        incidents.split(Requests.pathId(ctx, "id"), ids, Access.principal(ctx))
                .onSuccess(incident -> Responses.created(ctx, "/api/incidents/" + incident.id(), incident.toJson()))
                .onFailure(ctx::fail);
    }
}
