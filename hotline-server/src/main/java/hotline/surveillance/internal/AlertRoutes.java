package hotline.surveillance.internal;

import hotline.auth.Access;
import hotline.auth.Role;
import hotline.http.ApiRoutes;
import hotline.http.Requests;
import hotline.http.Responses;
import hotline.surveillance.QualityAlert;
import hotline.surveillance.QualityAlerts;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;

/** {@code listAlerts} (supervisor): the alerts of the last {@code hours} (default 24, at most 720). */
public final class AlertRoutes implements ApiRoutes {

    private final QualityAlerts alerts;

    public AlertRoutes(QualityAlerts alerts) {
        this.alerts = alerts;
    }

    @Override
    public void mount(RouterBuilder builder) {
        builder.getRoute("listAlerts").addHandler(Access.requireRole(Role.SUPERVISOR)).addHandler(this::list);
    }

    private void list(RoutingContext ctx) {
        alerts.recent(Requests.queryInt(ctx, "hours").orElse(24))
                .onSuccess(list -> Responses.ok(ctx, new JsonObject()
                        .put("items", new JsonArray(list.stream().map(QualityAlert::toJson).toList()))))
                .onFailure(ctx::fail);
    }
}
