package hotline.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Writing JSON answers. */
public final class Responses {

    private Responses() {
    }

    public static void ok(RoutingContext ctx, JsonObject body) {
        send(ctx, 200, body.encode());
    }

    public static void ok(RoutingContext ctx, JsonArray body) {
        send(ctx, 200, body.encode());
    }

    public static void created(RoutingContext ctx, String location, JsonObject body) {
        ctx.response().putHeader(HttpHeaders.LOCATION, location);
        send(ctx, 201, body.encode());
    }

    public static void noContent(RoutingContext ctx) {
        ctx.response().setStatusCode(204).end();
    }

    public static void send(RoutingContext ctx, int status, String json) {
        ctx.response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .end(json);
    }
}
