package hotline.auth.internal;

import hotline.auth.Access;
import hotline.auth.AuthGuard;
import hotline.auth.SessionService;
import hotline.auth.UserService;
import hotline.http.ApiRoutes;
import hotline.http.ClientAddresses;
import hotline.http.Requests;
import hotline.http.Responses;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.ext.web.openapi.router.RouterBuilder;

/**
 * {@code POST /api/session} (log in: token in the body and in an HttpOnly, SameSite=Strict cookie),
 * {@code GET /api/session} (who am I) and {@code DELETE /api/session} (log out). Behind HTTPS set
 * {@value #SECURE_COOKIE} so browsers send the cookie over HTTPS only (default off: a local start is plain HTTP).
 */
public final class SessionRoutes implements ApiRoutes {

    public static final String SECURE_COOKIE = "auth.secureCookie";

    private final UserService users;
    private final LoginService logins;
    private final SessionService sessions;
    private final boolean secureCookie;
    private final ClientAddresses clients;

    public SessionRoutes(UserService users, LoginService logins, SessionService sessions, boolean secureCookie,
                         ClientAddresses clients) {
        this.users = users;
        this.clients = clients;
        this.logins = logins;
        this.sessions = sessions;
        this.secureCookie = secureCookie;
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
        logins.login(username, password, clients.of(ctx.request()))
                .onSuccess(session -> {
                    ctx.response().addCookie(cookie(session.token(), sessions.sessionLength().toSeconds()));
                    Responses.ok(ctx, new JsonObject()
                            .put("token", session.token())
                            .put("expiresAt", session.expiresAt().toString())
                            .put("user", session.user().toJson()));
                })
                .onFailure(failure -> {
                    if (failure instanceof LoginRefusedException refused) {
                        refused.retryAfter().ifPresent(wait ->
                                ctx.response().putHeader("Retry-After", Long.toString(wait.toSeconds())));
                        ctx.fail(new HttpException(refused.status(), refused.getMessage()));
                    } else {
                        ctx.fail(failure);
                    }
                });
    }

    private void current(RoutingContext ctx) {
        users.find(Access.principal(ctx).id())
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

    private Cookie cookie(String value, long maxAgeSeconds) {
        return Cookie.cookie(AuthGuard.COOKIE, value)
                .setHttpOnly(true)
                .setSameSite(CookieSameSite.STRICT)
                .setPath("/")
                .setSecure(secureCookie)
                .setMaxAge(maxAgeSeconds);
    }
}
