package hotline.http;

import hotline.config.Config;
import hotline.health.Health;
import hotline.http.validation.QueryStringCheck;
import hotline.http.validation.RequestValidation;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.PlatformHandler;
import io.vertx.ext.web.openapi.router.RequestExtractor;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.contract.OpenAPIContract;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.Locale;

/**
 * The HTTP front: {@code /health}, {@code /metrics}, the contract at {@code /api/openapi.yaml}, and the API built
 * from that contract with each capability's {@link ApiRoutes}. One instance per event-loop thread; everything it
 * holds is shared and thread-safe. Stopping lets in-flight requests finish (up to {@link #SHUTDOWN_GRACE}).
 * Whatever a client sends is answered in JSON and never with a 5xx of its making: a query string is checked before
 * anything parses it ({@link QueryStringCheck}), each connection has a {@link ConnectionGuard} (header and idle
 * timeouts, broken chunks), an undecodable request head or path gets a JSON 400.
 */
public final class ApiVerticle extends VerticleBase {

    public static final String HTTP_PORT = "http.port";
    public static final String HTTP_HOST = "http.host";
    public static final String CONTRACT = "openapi.yaml";
    /** Seconds a request head may take to arrive whole, from its first byte (0: no limit); default 10. */
    public static final String HEADER_TIMEOUT = "http.headerTimeoutSeconds";
    /** Seconds without a byte while the server waits for the client before the connection closes (0: never); default 60. */
    public static final String IDLE_TIMEOUT = "http.idleTimeoutSeconds";
    /** Larger bodies are refused with 413 before they are read whole. */
    public static final long MAX_BODY_BYTES = 1024 * 1024;
    static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);

    private final Config config;
    private final Health health;
    private final List<Handler<RoutingContext>> guards;
    private final List<ApiRoutes> apis;
    private final List<Handler<Router>> extraRoutes;
    private HttpServer server;
    private HttpServer managementServer;

    /**
     * @param guards      root handlers run before validation on every API route (authentication)
     * @param apis        each capability's operations
     * @param extraRoutes non-API routes (console pages, push channels), mounted before the API
     */
    public ApiVerticle(Config config, Health health, List<Handler<RoutingContext>> guards, List<ApiRoutes> apis,
                       List<Handler<Router>> extraRoutes) {
        this.config = config;
        this.health = health;
        this.guards = List.copyOf(guards);
        this.apis = List.copyOf(apis);
        this.extraRoutes = List.copyOf(extraRoutes);
    }

    @Override
    public Future<?> start() {
        return OpenAPIContract.from(vertx, CONTRACT).compose(contract -> {
            Router root = Router.router(vertx);
            root.route().handler(new QueryStringCheck());
            root.route().handler(new ResponseHeaders());
            Management management = new Management(config, health);
            management.mountPublic(root);
            root.get("/api/openapi.yaml").handler(ctx -> ctx.response()
                    .putHeader("Content-Type", "application/yaml; charset=utf-8")
                    .sendFile(CONTRACT));
            extraRoutes.forEach(mount -> mount.handle(root));

            // The body was read by the BodyHandler below; validation must take it from there, not from the request.
            RequestExtractor extractor = RequestExtractor.withBodyHandler();
            RouterBuilder builder = RouterBuilder.create(vertx, contract, extractor);
            // A platform handler: Vert.x lets only those run before the body handler.
            builder.rootHandler((PlatformHandler) ApiVerticle::refuseForms);
            builder.rootHandler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES));
            guards.forEach(builder::rootHandler);
            apis.forEach(api -> api.mount(builder));
            // Authentication runs as a guard (above), so the router's own security handlers are not used.
            builder.getRoutes().forEach(route -> route.setDoSecurity(false));
            new RequestValidation(vertx, contract, extractor).install(builder);
            Router api = builder.createRouter();
            api.route().failureHandler(ApiErrors::handle);
            root.route("/api/*").subRouter(api);
            root.route("/api/*").handler(ctx -> ctx.fail(404));
            root.route().failureHandler(ApiErrors::handle);
            // A path the router cannot decode fails outside any route, with no failure in the context.
            root.errorHandler(400, ctx -> Responses.send(ctx, 400, new JsonObject()
                    .put("error", "the request path cannot be decoded").put("field", "path").encode()));

            HttpServerOptions options = new HttpServerOptions()
                    .setHost(config.string(HTTP_HOST, "127.0.0.1"))
                    .setPort(config.port(HTTP_PORT, 8080))
                    .setCompressionSupported(true)
                    // No HTTP/2 over clear text (browsers speak it over TLS only): every connection is HTTP/1 from its
                    // first byte, so its ConnectionGuard sees it whole.
                    .setHttp2ClearTextEnabled(false);
            Duration headerTimeout = Duration.ofSeconds(config.integer(HEADER_TIMEOUT, 10, 0, 3600));
            Duration idleTimeout = Duration.ofSeconds(config.integer(IDLE_TIMEOUT, 60, 0, 86_400));
            return vertx.createHttpServer(options)
                    .connectionHandler(connection -> ConnectionGuard.install(connection, headerTimeout, idleTimeout))
                    .invalidRequestHandler(ApiVerticle::invalidRequest)
                    .requestHandler(root).listen()
                    .onSuccess(listening -> server = listening)
                    .compose(listening -> listenManagement(management));
        });
    }

    /** The management port, when one is configured: health detail and metrics without a token, on loopback. */
    private Future<Void> listenManagement(Management management) {
        var port = Management.port(config);
        if (port.isEmpty()) {
            return Future.succeededFuture();
        }
        Router router = Router.router(vertx);
        router.route().handler(new QueryStringCheck());
        router.route().handler(new ResponseHeaders());
        management.mountPrivate(router);
        return vertx.createHttpServer(new HttpServerOptions()
                        .setHost(config.string(Management.HOST, "127.0.0.1")).setPort(port.get()))
                .requestHandler(router).listen()
                .onSuccess(listening -> managementServer = listening)
                .mapEmpty();
    }

    /**
     * The API takes JSON (and CSV for the customer import), never forms: the body reader would decode a form before
     * validation refused it, and on a GET that decoding throws.
     */
    private static void refuseForms(RoutingContext ctx) {
        String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        String lower = type == null ? "" : type.toLowerCase(Locale.ROOT);
        if (lower.startsWith("multipart/") || lower.startsWith("application/x-www-form-urlencoded")) {
            ctx.fail(415);
        } else {
            ctx.next();
        }
    }

    /** A request whose head cannot be decoded: a JSON answer (Vert.x's own has no body), then the connection closes. */
    private static void invalidRequest(HttpServerRequest request) {
        Throwable cause = request.decoderResult().cause();
        int status = cause instanceof TooLongHttpLineException ? 414
                : cause instanceof TooLongHttpHeaderException ? 431 : 400;
        request.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(new JsonObject().put("error", ApiErrors.standardMessage(status)).put("field", "request").encode())
                .onComplete(done -> request.connection().close());
    }

    @Override
    public Future<?> stop() {
        Future<Void> management = managementServer == null ? Future.succeededFuture() : managementServer.close();
        return server == null ? management
                : Future.all(management, server.shutdown(SHUTDOWN_GRACE.toSeconds(), TimeUnit.SECONDS));
    }

    /** The management port actually bound (a configured 0 picks a free one); empty when none is configured. */
    public OptionalInt managementPort() {
        return managementServer == null ? OptionalInt.empty()
                : OptionalInt.of(managementServer.actualPort());
    }

    public int actualPort() {
        return server.actualPort();
    }
}
