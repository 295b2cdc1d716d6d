package hotline.auth;

import hotline.http.ApiRoutes;
import hotline.http.Requests;
import hotline.http.Responses;
import io.vertx.core.Future;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.ext.web.openapi.router.RouterBuilder;

/**
 * {@code POST /api/session} (log in: token in the body and in an HttpOnly, SameSite=Strict cookie),
 * {@code GET /api/session} (who am I) and {@code DELETE /api/session} (log out).
 */
public final class SessionRoutes implements ApiRoutes {

    private final UserService users;
    private final SessionService sessions;

    public SessionRoutes(UserService users, SessionService sessions) {
        this.users = users;
        this.sessions = sessions;
    }

    @Override
    public void mount(RouterBuilder builder) {
        builder.getRoute("login").addHandler(this::login);
        builder.getRoute("currentSession").addHandler(this::current);
        builder.getRoute("logout").addHandler(this::logout);
    }

    private void login(RoutingContext ctx) {
        JsonObject body = Requests.body(ctx);
        String username = body.getString("username");
        String password = body.getString("password");
        users.verifyPassword(username, password)
                .compose(user -> user.map(sessions::open).orElseGet(() ->
                        Future.failedFuture(new HttpException(401, "wrong user name or password"))))
                .onSuccess(session -> {
                    ctx.response().addCookie(cookie(session.token(), sessions.sessionLength().toSeconds()));
                    Responses.ok(ctx, new JsonObject()
                            .put("token", session.token())
                            .put("expiresAt", session.expiresAt().toString())
                            .put("user", session.user().toJson()));
                })
                .onFailure(ctx::fail);
    }

    private void current(RoutingContext ctx) {
        users.find(Requests.principal(ctx).id())
                .onSuccess(user -> user.ifPresentOrElse(found -> Responses.ok(ctx, found.toJson()),
                        () -> ctx.fail(401)))
                .onFailure(ctx::fail);
    }

    private void logout(RoutingContext ctx) {
        sessions.close(AuthGuard.token(ctx).orElseThrow())
                .onSuccess(done -> {
                    ctx.response().addCookie(cookie("", 0));
                    Responses.noContent(ctx);
                })
                .onFailure(ctx::fail);
    }

    private static Cookie cookie(String value, long maxAgeSeconds) {
        return Cookie.cookie(AuthGuard.COOKIE, value)
                .setHttpOnly(true)
                .setSameSite(CookieSameSite.STRICT)
                .setPath("/")
                .setMaxAge(maxAgeSeconds);
    }
}
