package hotline.console.internal;

import hotline.auth.AuthGuard;
import hotline.auth.Role;
import hotline.auth.SessionService;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Lets a console request through only with a live session whose role includes {@code role}: a page without one goes
 * to {@code /login}, a fragment or stream request gets 401, a lesser role 403; state-changing requests must also pass
 * the {@link Csrf} checks. On success the {@link Viewer} is in the context.
 */
public final class PageGuard implements Handler<RoutingContext> {

    private final SessionService sessions;
    private final Role role;

    public PageGuard(SessionService sessions, Role role) {
        this.sessions = sessions;
        this.role = role;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String token = AuthGuard.token(ctx).orElse(null);
        if (token == null) {
            refuse(ctx);
            return;
        }
        sessions.authenticate(token).onComplete(found -> {
            if (found.failed()) {
                ctx.fail(found.cause());
            } else if (found.result().isEmpty()) {
                refuse(ctx);
            } else if (!found.result().get().role().includes(role)) {
                ctx.fail(new HttpException(403, "your role may not open this page"));
            } else {
                ctx.put(Viewer.KEY, new Viewer(found.result().get(), token, Lang.of(ctx)));
                if (ctx.request().method() != HttpMethod.GET && ctx.request().method() != HttpMethod.HEAD) {
                    try {
                        Csrf.require(ctx, token);
                    } catch (HttpException refused) {
                        ctx.fail(refused);
                        return;
                    }
                }
                ctx.next();
            }
        });
    }

    private static void refuse(RoutingContext ctx) {
        boolean page = ctx.request().method() == HttpMethod.GET && ctx.request().getHeader("HX-Request") == null
                && !ctx.request().path().startsWith("/console/");
        if (page) {
            String next = URLEncoder.encode(ctx.request().uri(), StandardCharsets.UTF_8);
            ctx.redirect("/login?next=" + next);
        } else {
            ctx.fail(401);
        }
    }
}
