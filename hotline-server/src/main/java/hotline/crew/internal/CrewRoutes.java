package hotline.crew.internal;

import hotline.auth.Access;
import hotline.auth.Role;
import hotline.crew.Crew;
import hotline.crew.CrewService;
import hotline.http.ApiRoutes;
import hotline.http.Requests;
import hotline.http.Responses;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;

/** {@code listCrews} (any role) and {@code createCrew} (supervisor). */
public final class CrewRoutes implements ApiRoutes {

    private final CrewService crews;

    public CrewRoutes(CrewService crews) {
        this.crews = crews;
    }

    @Override
    public void mount(RouterBuilder builder) {
        builder.getRoute("listCrews").addHandler(this::list);
        builder.getRoute("createCrew").addHandler(Access.requireRole(Role.SUPERVISOR)).addHandler(this::create);
    }

    private void list(RoutingContext ctx) {
        crews.list()
                .onSuccess(list -> Responses.ok(ctx,
                        new JsonObject().put("items", new JsonArray(list.stream().map(Crew::toJson).toList()))))
                .onFailure(ctx::fail);
    }

    private void create(RoutingContext ctx) {
        JsonObject body = Requests.body(ctx);
        crews.create(body.getString("name"), body.getString("district", ""), body.getString("phone", ""),
                        body.getBoolean("onDuty", true))
                .onSuccess(crew -> Responses.created(ctx, "/api/crews/" + crew.id(), crew.toJson()))
                .onFailure(ctx::fail);
    }
}
