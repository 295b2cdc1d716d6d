package hotline.http;

import hotline.config.Config;
import hotline.health.Health;
import hotline.http.validation.RequestValidation;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.openapi.router.RequestExtractor;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.contract.OpenAPIContract;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP front: {@code /health}, {@code /metrics}, the contract at {@code /api/openapi.yaml}, and the API built
 * from that contract with each capability's {@link ApiRoutes}. One instance per event-loop thread; everything it
 * holds is shared and thread-safe. Stopping lets in-flight requests finish (up to {@link #SHUTDOWN_GRACE}).
 */
public final class ApiVerticle extends VerticleBase {

    public static final String HTTP_PORT = "http.port";
    public static final String HTTP_HOST = "http.host";
    public static final String CONTRACT = "openapi.yaml";
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

            HttpServerOptions options = new HttpServerOptions()
                    .setHost(config.string(HTTP_HOST, "127.0.0.1"))
                    .setPort(config.port(HTTP_PORT, 8080))
                    .setCompressionSupported(true);
            return vertx.createHttpServer(options).requestHandler(root).listen()
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
        router.route().handler(new ResponseHeaders());
        management.mountPrivate(router);
        return vertx.createHttpServer(new HttpServerOptions()
                        .setHost(config.string(Management.HOST, "127.0.0.1")).setPort(port.get()))
                .requestHandler(router).listen()
                .onSuccess(listening -> managementServer = listening)
                .mapEmpty();
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
