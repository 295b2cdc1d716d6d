package hotline.console.internal;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Cross-site request checks for the console's state-changing requests, on top of the SameSite cookie: the request's
 * {@code Origin} (or, without one, its {@code Referer}) must be this server, and — once signed in — it must carry the
 * session's CSRF token (header {@value #HEADER} or form field {@value #FIELD}). The token is derived from the session
 * token, which scripts cannot read (HttpOnly cookie); so it needs no storage and survives a restart.
 */
public final class Csrf {

    public static final String HEADER = "X-CSRF-Token";
    public static final String FIELD = "_csrf";

    private Csrf() {
    }

    public static String token(String sessionToken) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("hotline-console-csrf:" + sessionToken).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Fails the request with 403 unless it comes from a page of this server. */
    public static void requireSameOrigin(RoutingContext ctx) {
        String origin = ctx.request().getHeader(HttpHeaders.ORIGIN);
        if (origin == null) {
            origin = ctx.request().getHeader(HttpHeaders.REFERER);
        }
        String host = ctx.request().getHeader(HttpHeaders.HOST);
        if (origin == null || host == null || !host.equalsIgnoreCase(authority(origin))) {
            throw new HttpException(403, "cross-site request refused");
        }
    }

    /** Fails the request with 403 unless it is same-origin and carries the token of {@code sessionToken}. */
    public static void require(RoutingContext ctx, String sessionToken) {
        requireSameOrigin(ctx);
        String presented = ctx.request().getHeader(HEADER);
        if (presented == null) {
            presented = ctx.request().getFormAttribute(FIELD);
        }
        if (presented == null || !MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
                token(sessionToken).getBytes(StandardCharsets.UTF_8))) {
            throw new HttpException(403, "the form is out of date or came from another site; reload the page");
        }
    }

    private static String authority(String url) {
        try {
            return URI.create(url).getRawAuthority();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
