package hotline.auth;

import hotline.store.DatabaseUnavailable;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.authorization.Authorization;
import io.vertx.ext.auth.authorization.RoleBasedAuthorization;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.ext.web.handler.SimpleAuthenticationHandler;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The authentication guard of the API (a root handler of {@code ApiVerticle}): every {@code /api/**} request except
 * {@code POST /api/session} must carry a live session token, as {@code Authorization: Bearer <token>} or in the
 * {@value #COOKIE} cookie (the header wins when both are present); otherwise 401. On success the request's
 * {@link Principal} is in the context ({@link Access#principal}), and the Vert.x user carries one
 * {@link RoleBasedAuthorization} per role the user's role includes (see {@link Access}). Thread-safe.
 */
public final class AuthGuard implements Handler<RoutingContext> {

    public static final String COOKIE = "hotline_session";
    static final String AUTHORIZATION_PROVIDER = "hotline";
    private static final String BEARER = "Bearer ";

    private final SimpleAuthenticationHandler authentication;

    public AuthGuard(SessionService sessions) {
        this.authentication = SimpleAuthenticationHandler.create().authenticate(ctx -> token(ctx)
                .map(sessions::authenticate)
                .orElseGet(() -> Future.succeededFuture(Optional.empty()))
                // A look-up that failed says nothing about the token: 503 while the database is down, never 401.
                .recover(failure -> Future.failedFuture(
                        new HttpException(DatabaseUnavailable.is(failure) ? 503 : 500, failure)))
                .compose(principal -> principal
                        .map(found -> {
                            ctx.put(Access.PRINCIPAL, found);
                            return Future.succeededFuture(vertxUser(found));
                        })
                        .orElseGet(() -> Future.failedFuture(new HttpException(401, "authentication required")))));
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (ctx.request().method() == HttpMethod.POST && "/api/session".equals(ctx.request().path())) {
            ctx.next();
        } else {
            authentication.handle(ctx);
        }
    }

    /** The session token the request presents, if any. */
    public static Optional<String> token(RoutingContext ctx) {
        String header = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.of(header.substring(BEARER.length()).strip());
        }
        Cookie cookie = ctx.request().getCookie(COOKIE);
        return cookie == null ? Optional.empty() : Optional.of(cookie.getValue());
    }

    static User vertxUser(Principal principal) {
        User user = User.create(new JsonObject().put("username", principal.username()).put("id", principal.id()));
        // One put with every included role: each put replaces the provider's whole set.
        user.authorizations().put(AUTHORIZATION_PROVIDER, Arrays.stream(Role.values())
                .filter(principal.role()::includes)
                .map(role -> (Authorization) RoleBasedAuthorization.create(role.code()))
                .collect(Collectors.toSet()));
        return user;
    }
}
