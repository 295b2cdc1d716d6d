package hotline.http;

import hotline.common.InvalidInputException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.ValidatedRequest;

import java.util.Optional;

/** Reading a request that the OpenAPI router has validated. */
public final class Requests {

    private Requests() {
    }

    public static ValidatedRequest validated(RoutingContext ctx) {
        return ctx.get(RouterBuilder.KEY_META_DATA_VALIDATED_REQUEST);
    }

    public static JsonObject body(RoutingContext ctx) {
        RequestParameter body = validated(ctx).getBody();
        if (body == null || body.isNull() || !(body.get() instanceof JsonObject json)) {
            throw new InvalidInputException("body", "a JSON object is required");
        }
        return json;
    }

    public static Optional<String> query(RoutingContext ctx, String name) {
        RequestParameter parameter = validated(ctx).getQuery().get(name);
        return parameter == null || parameter.isNull() ? Optional.empty() : Optional.of(parameter.get().toString());
    }

    public static Optional<Integer> queryInt(RoutingContext ctx, String name) {
        RequestParameter parameter = validated(ctx).getQuery().get(name);
        return parameter == null || parameter.isNull() ? Optional.empty() : Optional.of(parameter.getInteger());
    }

    /** An int64 query parameter, read as the validator decoded it ({@code 1e3} is 1000, not the text "1000.0"). */
    public static Optional<Long> queryLong(RoutingContext ctx, String name) {
        RequestParameter parameter = validated(ctx).getQuery().get(name);
        return parameter == null || parameter.isNull() ? Optional.empty() : Optional.of(parameter.getLong());
    }

    public static long pathId(RoutingContext ctx, String name) {
        return validated(ctx).getPathParameters().get(name).getLong();
    }

    public static Optional<String> header(RoutingContext ctx, String name) {
        return Optional.ofNullable(ctx.request().getHeader(name)).filter(value -> !value.isBlank());
    }
}
