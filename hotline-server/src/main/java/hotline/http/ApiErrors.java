package hotline.http;

import hotline.common.BadRequestException;
import hotline.common.ConflictException;
import hotline.common.ForbiddenException;
import hotline.common.InvalidInputException;
import hotline.common.NotFoundException;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.json.schema.OutputUnit;
import io.vertx.openapi.validation.SchemaValidationException;
import io.vertx.openapi.validation.ValidatorException;
import hotline.store.DatabaseUnavailable;
import io.vertx.pgclient.PgException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one failure handler of the API: every error becomes {@code {"error": "...", "field": "..."}} with a 4xx status
 * that says what was wrong. A database that cannot be reached is a 503 with {@code Retry-After}, logged once per
 * interval ({@link DatabaseUnavailable}). Only an unexpected failure is a 500; it is logged once, with an id the body
 * repeats. Log lines name the path, never the query string (it may hold a phone number).
 */
public final class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);
    private static final Pattern REQUIRED_PROPERTY = Pattern.compile("required property \"?'?([A-Za-z0-9_]+)");
    private static final Pattern PARAMETER = Pattern.compile("(?:parameter|Parameter) ([A-Za-z0-9_-]+)");

    private ApiErrors() {
    }

    public static void handle(RoutingContext ctx) {
        if (ctx.response().ended() || ctx.response().closed()) {
            return; // answered already, or the client is gone: nothing to say
        }
        Throwable failure = ctx.failure();
        // The OpenAPI router wraps its validation failures in a 400 HttpException; the cause names the field.
        if (failure instanceof HttpException http && http.getCause() instanceof ValidatorException validation) {
            failure = validation;
        }
        // A guard that could not do its work (the session look-up failed) hands the failure on inside a 5xx.
        if (failure instanceof HttpException http && http.getStatusCode() >= 500 && http.getCause() != null) {
            failure = http.getCause();
        }
        int status = ctx.statusCode();
        JsonObject body = new JsonObject();
        if (failure instanceof BadRequestException e) {
            status = 400;
            body.put("error", e.getMessage()).put("field", e.field());
        } else if (failure instanceof InvalidInputException e) {
            status = 422;
            body.put("error", e.getMessage()).put("field", e.field());
        } else if (failure instanceof ForbiddenException e) {
            status = 403;
            body.put("error", e.getMessage());
        } else if (failure instanceof NotFoundException e) {
            status = 404;
            body.put("error", e.getMessage());
        } else if (failure instanceof ConflictException e) {
            status = 409;
            body.put("error", e.getMessage());
            e.details().forEach(body::put);
        } else if (failure instanceof SchemaValidationException e) {
            status = 400;
            describeSchemaFailure(e, body);
        } else if (failure instanceof ValidatorException e) {
            status = 400;
            body.put("error", e.getMessage());
            putParameter(e.getMessage(), body);
        } else if (failure instanceof DecodeException || failure != null && failure.getCause() instanceof DecodeException) {
            status = 400;
            body.put("error", "the body is not valid JSON").put("field", "body");
        } else if (failure instanceof HttpException e) {
            status = e.getStatusCode();
            body.put("error", e.getPayload() != null ? e.getPayload() : standardMessage(status));
        } else if (failure instanceof PgException e && "40001".equals(e.getSqlState())) {
            status = 409;
            body.put("error", "the change clashed with another one; retry");
        } else if (failure != null && DatabaseUnavailable.is(failure)) {
            DatabaseUnavailable.noticed(failure);
            status = 503;
            ctx.response().putHeader("Retry-After", Long.toString(DatabaseUnavailable.RETRY_AFTER.toSeconds()));
            body.put("error", "the database is unavailable; retry in a few seconds");
        } else if (status >= 400 && status < 500) {
            // A 4xx of Vert.x itself (an unreadable body, a bad path), with or without a cause: the client's fault.
            body.put("error", standardMessage(status));
        } else {
            String incident = UUID.randomUUID().toString();
            log.error("Unexpected failure on {} {} (incident {})", ctx.request().method(), ctx.request().path(),
                    incident, failure);
            status = 500;
            body.put("error", "internal error; incident " + incident);
        }
        Responses.send(ctx, status, body.encode());
    }

    private static void describeSchemaFailure(SchemaValidationException e, JsonObject body) {
        OutputUnit unit = innermost(e.getOutputUnit());
        String location = unit == null ? null : unit.getInstanceLocation();
        String message = unit != null && unit.getError() != null ? unit.getError() : e.getMessage();
        String field = fieldOf(location);
        Matcher required = REQUIRED_PROPERTY.matcher(message);
        if (required.find()) {
            field = field == null ? required.group(1) : field + "." + required.group(1);
            message = "is required";
        }
        if (field == null) {
            Matcher parameter = PARAMETER.matcher(e.getMessage());
            field = parameter.find() ? parameter.group(1) : "body";
        }
        body.put("error", field + ": " + message).put("field", field);
    }

    private static OutputUnit innermost(OutputUnit unit) {
        if (unit == null) {
            return null;
        }
        if (unit.getErrors() != null) {
            for (OutputUnit child : unit.getErrors()) {
                if (child.getError() != null || child.getErrors() != null) {
                    return innermost(child);
                }
            }
        }
        return unit;
    }

    /** {@code #/address/street} or {@code /phones/0} becomes {@code address.street} or {@code phones.0}. */
    private static String fieldOf(String instanceLocation) {
        if (instanceLocation == null) {
            return null;
        }
        String path = instanceLocation.replaceFirst("^#", "").replaceFirst("^/", "");
        return path.isEmpty() ? null : path.replace('/', '.');
    }

    private static void putParameter(String message, JsonObject body) {
        Matcher parameter = PARAMETER.matcher(message == null ? "" : message);
        body.put("field", parameter.find() ? parameter.group(1) : "body");
    }

    static String standardMessage(int status) {
        return switch (status) {
            case 400 -> "bad request";
            case 401 -> "authentication required";
            case 403 -> "your role may not do this";
            case 404 -> "no such resource";
            case 405 -> "method not allowed";
            case 408 -> "the request did not arrive in time";
            case 413 -> "the request body is larger than 1 MiB";
            case 414 -> "the request line is too long";
            case 415 -> "unsupported content type";
            case 429 -> "too many attempts; wait and retry";
            case 431 -> "the request headers are too large";
            default -> "request failed";
        };
    }
}
