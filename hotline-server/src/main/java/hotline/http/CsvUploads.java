package hotline.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.impl.RoutingContextInternal;

import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * CSV files uploaded to an operation of the API (customer import, billing ledger): the body is streamed to the parser
 * as it arrives (see {@link BlockingBody}) instead of the API router's 1 MiB body reader, up to a limit per path.
 */
public final class CsvUploads {

    private static final String BODY = "hotline.csvUpload";

    private CsvUploads() {
    }

    /**
     * Takes the uploads to {@code path} off the API router's body reader. Mount it on the root router (a non-API
     * route of {@code ApiVerticle}), so it sees the request before anything reads or resumes it.
     */
    public static Handler<Router> streamed(String path, long maxBytes) {
        return root -> root.post(path).handler(ctx -> {
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && length.length() < 19 && length.chars().allMatch(Character::isDigit)
                    && Long.parseLong(length) > maxBytes) {
                tooLarge(ctx, maxBytes);
                return;
            }
            ctx.put(BODY, BlockingBody.of(ctx.request(), maxBytes));
            // Tells the API router's body handler that this body is taken care of.
            ((RoutingContextInternal) ctx).visitHandler(RoutingContextInternal.BODY_HANDLER);
            ctx.next();
        });
    }

    /** The upload as strict UTF-8 text; empty (and the request failed with 415) when it is not {@code text/csv}. */
    public static Optional<Reader> text(RoutingContext ctx) {
        String type = Optional.ofNullable(ctx.request().getHeader(HttpHeaders.CONTENT_TYPE)).orElse("");
        if (!type.toLowerCase(Locale.ROOT).startsWith("text/csv")) {
            ctx.fail(415);
            return Optional.empty();
        }
        BlockingBody body = ctx.get(BODY);
        return Optional.of(new InputStreamReader(body, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
    }

    /** Fails the request with {@code failure}, or answers 413 when it is the upload passing {@code maxBytes}. */
    public static void fail(RoutingContext ctx, Throwable failure, long maxBytes) {
        if (failure instanceof UncheckedIOException e && e.getCause() instanceof BlockingBody.TooLarge) {
            tooLarge(ctx, maxBytes);
        } else {
            ctx.fail(failure);
        }
    }

    private static void tooLarge(RoutingContext ctx, long maxBytes) {
        Responses.send(ctx, 413, new JsonObject().put("error", "the file is larger than " + (maxBytes >> 20) + " MiB")
                .put("field", "body").encode());
    }
}
