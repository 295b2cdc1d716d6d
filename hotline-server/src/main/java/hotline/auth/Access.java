package hotline.auth;

import io.vertx.core.Handler;
import io.vertx.ext.auth.authorization.RoleBasedAuthorization;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.AuthorizationHandler;
import io.vertx.ext.web.handler.HttpException;

/**
 * Role checks for API handlers, after the {@link AuthGuard} has run. Either put {@link #requireRole} before an
 * operation's handler ({@code builder.getRoute("createUser").addHandler(Access.requireRole(Role.ADMIN))
 * .addHandler(...)}) or call {@link #require} inside a handler whose rule depends on the request. A role that is
 * not enough ({@link Role#includes}) answers 403.
 */
public final class Access {

    /** Where the {@link AuthGuard} leaves the request's {@link Principal} in the routing context. */
    static final String PRINCIPAL = "hotline.principal";

    private Access() {
    }

    /** The authenticated user; the {@link AuthGuard} guarantees one on every protected route. */
    public static Principal principal(RoutingContext ctx) {
        Principal principal = ctx.get(PRINCIPAL);
        if (principal == null) {
            throw new IllegalStateException("no principal on an authenticated route");
        }
        return principal;
    }

    /** A handler that passes requests of users whose role includes {@code role} and answers 403 to the others. */
    public static Handler<RoutingContext> requireRole(Role role) {
        return AuthorizationHandler.create(RoleBasedAuthorization.create(role.code()));
    }

    /**
     * The request's principal when its role includes {@code role}.
     *
     * @throws HttpException 403 otherwise (the API's failure handler turns it into the JSON answer)
     */
    public static Principal require(RoutingContext ctx, Role role) {
        return require(principal(ctx), role);
    }

    /**
     * {@code principal} when its role includes {@code role}.
     *
     * @throws HttpException 403 otherwise
     */
    public static Principal require(Principal principal, Role role) {
        if (!principal.role().includes(role)) {
            throw new HttpException(403, "your role may not do this; it needs " + role.code());
        }
        return principal;
    }
}
