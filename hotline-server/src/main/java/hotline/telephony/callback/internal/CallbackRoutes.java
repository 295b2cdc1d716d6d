package hotline.telephony.callback.internal;

import hotline.common.Code;
import hotline.common.InvalidInputException;
import hotline.http.ApiRoutes;
import hotline.http.Requests;
import hotline.http.Responses;
import hotline.telephony.callback.Callback;
import hotline.telephony.callback.CallbackStatus;
import hotline.telephony.callback.CallbackStore;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;

/**
 * {@code GET /api/callbacks}: the callbacks in the dialler's order, optionally of one status;
 * {@code GET /api/callbacks/summary}: how many are still to make and overdue.
 */
public final class CallbackRoutes implements ApiRoutes {

    private final CallbackStore callbacks;

    public CallbackRoutes(CallbackStore callbacks) {
        this.callbacks = callbacks;
    }

    @Override
    public void mount(RouterBuilder builder) {
        builder.getRoute("listCallbacks").addHandler(this::listCallbacks);
        builder.getRoute("summariseCallbacks").addHandler(ctx -> callbacks.summary()
                .onSuccess(summary -> Responses.ok(ctx, summary.toJson())).onFailure(ctx::fail));
    }

    private void listCallbacks(RoutingContext ctx) {
        CallbackStatus status = Requests.query(ctx, "status").map(code -> Code.parse(CallbackStatus.class, code)
                .orElseThrow(() -> new InvalidInputException("status",
                        "must be one of " + String.join(", ", Code.codes(CallbackStatus.class))))).orElse(null);
        callbacks.list(status, Requests.queryInt(ctx, "limit").orElse(100))
                .onSuccess(list -> Responses.ok(ctx, new JsonObject().put("callbacks",
                        new JsonArray(list.stream().map(Callback::toJson).toList()))))
                .onFailure(ctx::fail);
    }
}
