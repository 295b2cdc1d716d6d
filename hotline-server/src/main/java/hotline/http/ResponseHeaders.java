package hotline.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * The headers every response carries: no MIME sniffing, no framing, no referrer, and for the JSON and text the API
 * serves a policy that lets a browser run nothing from them. Console pages replace the policy with their own.
 */
final class ResponseHeaders implements Handler<RoutingContext> {

    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

    @Override
    public void handle(RoutingContext ctx) {
        ctx.response()
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("X-Frame-Options", "DENY")
                .putHeader("Referrer-Policy", "no-referrer")
                .putHeader("Content-Security-Policy", API_POLICY);
        ctx.next();
    }
}
