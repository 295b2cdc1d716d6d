package hotline.http;

import hotline.config.Config;
import hotline.health.Health;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.micrometer.PrometheusScrapingHandler;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * {@code /health} and {@code /metrics}, which tell an attacker what runs where: anonymous callers get only the overall
 * status of {@code /health}; its per-part detail and {@code /metrics} need {@code Authorization: Bearer} with the
 * management token (setting {@value #TOKEN}, no default: without it they are open only on the management port). The
 * management port (setting {@value #PORT}, default off; {@value #HOST} default 127.0.0.1) serves both without a token,
 * for a Prometheus or a monitor on the same host or management network. Thread-safe.
 */
public final class Management {

    public static final String TOKEN = "management.token";
    public static final String PORT = "management.port";
    public static final String HOST = "management.host";

    private final Health health;
    private final Optional<byte[]> token;

    public Management(Config config, Health health) {
        this.health = health;
        this.token = config.string(TOKEN).filter(value -> !value.isBlank())
                .map(value -> value.getBytes(StandardCharsets.UTF_8));
    }

    /** The management port, when configured. */
    public static Optional<Integer> port(Config config) {
        return config.string(PORT).filter(value -> !value.isBlank()).map(value -> config.port(PORT, 0));
    }

    /** On the public port: detail and metrics only with the token. */
    public void mountPublic(Router root) {
        root.get("/health").handler(ctx -> {
            if (authorised(ctx)) {
                health.handle(ctx);
            } else {
                health.handleSummary(ctx);
            }
        });
        var metrics = PrometheusScrapingHandler.create();
        root.get("/metrics").handler(ctx -> {
            if (authorised(ctx)) {
                metrics.handle(ctx);
            } else {
                ctx.response().putHeader("WWW-Authenticate", "Bearer");
                Responses.send(ctx, 401, new JsonObject().put("error", "the management token is required")
                        .put("field", "Authorization").encode());
            }
        });
    }

    /** On the management port: everything, without a token. */
    public void mountPrivate(Router root) {
        root.get("/health").handler(health::handle);
        root.get("/metrics").handler(PrometheusScrapingHandler.create());
    }

    private boolean authorised(RoutingContext ctx) {
        String header = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (token.isEmpty() || header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        // Constant-time, so the comparison leaks nothing of the token through timing.
        return MessageDigest.isEqual(token.get(), header.substring(7).strip().getBytes(StandardCharsets.UTF_8));
    }
}
