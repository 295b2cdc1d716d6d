package hotline.surveillance.internal;

import hotline.auth.Access;
import hotline.auth.Role;
import hotline.http.ApiRoutes;
import hotline.http.Requests;
import hotline.http.Responses;
import hotline.store.SqlTime;
import hotline.surveillance.internal.AlertSql;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

import java.time.Clock;
import java.time.Duration;

/** {@code listAlerts} (supervisor): the alerts of the last {@code hours} (default 24, at most 720). */
public final class AlertRoutes implements ApiRoutes {

    private final Pool pool;
    private final Clock clock;

    public AlertRoutes(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    @Override
    public void mount(RouterBuilder builder) {
        builder.getRoute("listAlerts").addHandler(Access.requireRole(Role.SUPERVISOR)).addHandler(this::list);
    }

    private void list(RoutingContext ctx) {
        int hours = Requests.queryInt(ctx, "hours").orElse(24);
        pool.preparedQuery(AlertSql.SINCE).execute(Tuple.of(SqlTime.param(clock.instant().minus(Duration.ofHours(hours)))))
                .onSuccess(rows -> {
                    JsonArray items = new JsonArray();
                    rows.forEach(row -> items.add(Alert.json(row)));
                    Responses.ok(ctx, new JsonObject().put("items", items));
                })
                .onFailure(ctx::fail);
    }
}
