package hotline.console.internal;

import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.SecurityPolicyHandler;

/**
 * The headers every console response carries: scripts, styles and frames only from this server (no inline script;
 * htmx's inline indicator style is switched off in the page's htmx config), no MIME sniffing, no framing. A security
 * policy handler to Vert.x, so it may come first on a route, before the body is read.
 */
public final class SecurityHeaders implements SecurityPolicyHandler {

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Override
    public void handle(RoutingContext ctx) {
        ctx.response()
                .putHeader("Content-Security-Policy", POLICY)
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Referrer-Policy", "same-origin")
                .putHeader("X-Frame-Options", "DENY");
        ctx.next();
    }
}
