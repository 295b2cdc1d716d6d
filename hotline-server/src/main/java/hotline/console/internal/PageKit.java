package hotline.console.internal;

import hotline.auth.Role;
import hotline.auth.SessionService;
import io.vertx.core.Handler;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import java.util.Map;

/**
 * What every console page route is made of: the {@link SecurityHeaders} first, then a {@link PageGuard} for the role
 * it needs, then its own handler, with {@link ErrorPages} as its failure handler; and the one way to answer a page.
 * Each page class takes one kit and declares its routes with {@link #page}.
 */
public final class PageKit {

    private static final long FORM_LIMIT = 64 * 1024;

    private final SessionService sessions;
    private final Templates templates;
    private final Assets assets;
    private final SecurityHeaders headers = new SecurityHeaders();
    private final ErrorPages errors;

    public PageKit(SessionService sessions, Templates templates, Assets assets) {
        this.sessions = sessions;
        this.templates = templates;
        this.assets = assets;
        this.errors = new ErrorPages(templates, assets);
    }

    /** Lets through only a signed-in user whose role includes {@code role} (and, for a change, a CSRF token). */
    public Handler<RoutingContext> only(Role role) {
        return new PageGuard(sessions, role);
    }

    /** Reads a url-encoded form of at most 64 KiB. */
    public Handler<RoutingContext> forms() {
        return BodyHandler.create(false).setBodyLimit(FORM_LIMIT);
    }

    /** Builds {@code route}: security headers, then {@code handlers} in order; failures become error pages. */
    @SafeVarargs
    public final void page(Route route, Handler<RoutingContext>... handlers) {
        route.handler(headers);
        for (Handler<RoutingContext> handler : handlers) {
            route.handler(handler);
        }
        route.failureHandler(errors::handle);
    }

    /** The layout's model for the signed-in viewer of {@code ctx}. */
    public Map<String, Object> model(RoutingContext ctx) {
        return Viewer.of(ctx).model(assets);
    }

    /**
     * Answers {@code template} rendered with {@code model}, never cached. A template that fails makes the error page,
     * also when this runs in a future's callback (where a throw would reach no handler).
     */
    public void render(RoutingContext ctx, String template, Map<String, Object> model) {
        String body;
        try {
            body = templates.render(template, model);
        } catch (RuntimeException e) {
            ctx.fail(e);
            return;
        }
        html(ctx, body);
    }

    public Templates templates() {
        return templates;
    }

    public Assets assets() {
        return assets;
    }

    public static void html(RoutingContext ctx, String body) {
        ctx.response().putHeader("Content-Type", "text/html; charset=utf-8").putHeader("Cache-Control", "no-store")
                .end(body);
    }
}
