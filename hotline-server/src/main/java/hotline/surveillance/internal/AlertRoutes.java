package hotline.surveillance.internal;

import hotline.auth.Access;
import hotline.auth.Role;
import hotline.http.ApiRoutes;
import hotline.http.Requests;
import hotline.http.Responses;
import hotline.surveillance.QualityAlerts;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;

import java.time.Clock;
import java.time.Duration;

/** {@code listAlerts} (supervisor): the alerts of the last {@code hours} (default 24, at most 720). */
public final class AlertRoutes implements ApiRoutes {

    private final QualityAlerts alerts;
    private final Clock clock;

    public AlertRoutes(QualityAlerts alerts, Clock clock) {
        this.alerts = alerts;
        this.clock = clock;
    }

    @Override
    public void mount(RouterBuilder builder) {
        builder.getRoute("listAlerts").addHandler(Access.requireRole(Role.SUPERVISOR)).addHandler(this::list);
    }

    private void list(RoutingContext ctx) {
        int hours = Requests.queryInt(ctx, "hours").orElse(24);
        alerts.since(clock.instant().minus(Duration.ofHours(hours)))
                .onSuccess(list -> Responses.ok(ctx, new JsonObject().put("items", new JsonArray(list))))
                .onFailure(ctx::fail);
    }
}
