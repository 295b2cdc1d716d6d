package hotline.console.internal;

import hotline.auth.Access;
import hotline.common.InvalidInputException;
import hotline.http.ApiRoutes;
import hotline.http.Requests;
import hotline.http.Responses;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;

/** {@code getCallerCard} and {@code getMyCurrentCall}: the caller card in one round trip, and the agent's call now. */
public final class ConsoleApi implements ApiRoutes {

    private final CallerCards cards;
    private final CurrentCalls calls;

    public ConsoleApi(CallerCards cards, CurrentCalls calls) {
        this.cards = cards;
        this.calls = calls;
    }

    @Override
    public void mount(RouterBuilder builder) {
        builder.getRoute("getCallerCard").addHandler(this::callerCard);
        builder.getRoute("getMyCurrentCall").addHandler(this::currentCall);
    }

    private void callerCard(RoutingContext ctx) {
        var customerId = Requests.queryLong(ctx, "customerId");
        var phone = Requests.query(ctx, "phone");
        if (customerId.isEmpty() && phone.isEmpty()) {
            throw new InvalidInputException("phone", "give phone or customerId");
        }
        JsonObject pop = new JsonObject()
                .put("call", new JsonObject().put("callerNumber", phone.orElse(null)))
                .put("customer", customerId.map(id -> new JsonObject().put("id", id)).orElse(null));
        cards.card(pop, false).onSuccess(card -> Responses.ok(ctx, card)).onFailure(ctx::fail);
    }

    private void currentCall(RoutingContext ctx) {
        calls.of(Access.principal(ctx).id()).ifPresentOrElse(
                current -> cards.card(current.pop(), current.ended())
                        .onSuccess(card -> Responses.ok(ctx, card)).onFailure(ctx::fail),
                () -> Responses.noContent(ctx));
    }
}
