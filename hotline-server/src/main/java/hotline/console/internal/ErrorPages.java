package hotline.console.internal;

import hotline.common.ForbiddenException;
import hotline.common.InvalidInputException;
import hotline.common.NotFoundException;
import hotline.store.DatabaseUnavailable;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.UUID;

/**
 * The one failure handler of the console: renders {@code error.ftlh} in the viewer's language (an htmx request gets
 * the bare message) and logs an unexpected failure once, with an id the page repeats.
 */
public final class ErrorPages {

    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

    private final Templates templates;
    private final Assets assets;

    public ErrorPages(Templates templates, Assets assets) {
        this.templates = templates;
        this.assets = assets;
    }

    public void handle(RoutingContext ctx) {
        if (ctx.response().ended()) {
            return;
        }
        Throwable failure = ctx.failure();
        int status = switch (failure) {
            case HttpException http -> http.getStatusCode();
            case InvalidInputException invalid -> 422;
            case NotFoundException missing -> 404;
            case ForbiddenException refused -> 403;
            case null -> ctx.statusCode() < 400 ? 500 : ctx.statusCode();
            default -> DatabaseUnavailable.is(failure) ? 503 : 500;
        };
        Viewer viewer = Viewer.of(ctx);
        Lang lang = viewer == null ? Lang.of(ctx) : viewer.lang();
        String detail = null;
        if (status == 500) {
            String incident = UUID.randomUUID().toString();
            log.error("Unexpected failure on console {} {} (incident {})", ctx.request().method(), ctx.request().path(),
                    incident, failure);
            detail = incident;
        } else if (failure instanceof InvalidInputException invalid) {
            detail = invalid.field();
        }
        boolean databaseDown = status == 503 && DatabaseUnavailable.is(failure);
        if (databaseDown) {
            DatabaseUnavailable.noticed(failure);
            ctx.response().putHeader("Retry-After", Long.toString(DatabaseUnavailable.RETRY_AFTER.toSeconds()));
        }
        String message = databaseDown ? lang.message("error.database")
                : lang.messages().getOrDefault("error." + status, lang.message("error.title"));
        Map<String, Object> model = viewer == null ? Viewer.anonymousModel(lang, assets) : viewer.model(assets);
        model.put("status", status);
        model.put("message", message);
        if (detail != null) {
            model.put("detail", detail);
        }
        ctx.response().setStatusCode(status).putHeader("Content-Type", "text/html; charset=utf-8");
        if (ctx.request().getHeader("HX-Request") != null) {
            ctx.response().end(message);
        } else {
            ctx.response().end(templates.render("error.ftlh", model));
        }
    }
}
