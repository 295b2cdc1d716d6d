package hotline.http.validation;

import hotline.common.StorableText;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.InputTrustHandler;
import io.vertx.ext.web.openapi.router.OpenAPIRoute;
import io.vertx.ext.web.openapi.router.RequestExtractor;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Parameter;
import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.ValidatableRequest;
import io.vertx.openapi.validation.ValidatedRequest;
import io.vertx.openapi.validation.impl.RequestValidatorImpl;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every API request validated against its operation in {@code openapi.yaml} by Vert.x's own request validator, as the
 * OpenAPI router does, with two differences measured in {@code docs/benchmarks.md}: the validation runs on the event
 * loop (the router hands each request to a worker thread and back, two thread switches for microseconds of work),
 * and each schema's validator is made once ({@link CachingSchemaRepository}). The result is stored where the router
 * stores it ({@link RouterBuilder#KEY_META_DATA_VALIDATED_REQUEST}); a {@code ValidatorException} fails the request
 * with that exception, which the API's failure handler answers with 400 naming the field. Around it, what a schema
 * cannot say: the body must be strict UTF-8 before it is decoded, and the decoded values must pass
 * {@link DecodedInput} (storable text, integers within 64 bits, finite decimals).
 *
 * <p>Running on the event loop takes {@code RequestValidatorImpl}'s per-parameter and body checks from Vert.x's
 * {@code impl} package and repeats the loop of its {@code validate} around them ({@link #validate(ValidatableRequest,
 * Operation)}). {@code RequestValidationTest} holds that loop to upstream's public validator on requests of several
 * operations, so an upgrade that changes upstream's decisions fails there. Should those classes go, the public
 * {@code RequestValidator.create(vertx, new ValidatorCachingContract(contract))} keeps the cache but not the event
 * loop: a {@code createTicket} validation then costs about half as much CPU again (24 against 36 µs in a probe).
 */
public final class RequestValidation {

    private final RequestValidatorImpl validator;
    private final RequestExtractor extractor;

    public RequestValidation(Vertx vertx, OpenAPIContract contract, RequestExtractor extractor) {
        this.validator = new RequestValidatorImpl(vertx, new ValidatorCachingContract(contract));
        this.extractor = extractor;
    }

    /**
     * On every route that has handlers and wants validation (a capability may turn it off for a body it reads
     * itself), turns the router's validation off and puts this one first instead.
     */
    public void install(RouterBuilder builder) {
        for (OpenAPIRoute route : builder.getRoutes()) {
            if (route.getHandlers().isEmpty() || !route.doValidation()) {
                continue;
            }
            Operation operation = route.getOperation();
            // An input-trust handler, as the router's own: Vert.x orders it before authorization handlers.
            InputTrustHandler validation = ctx -> validate(ctx, operation);
            route.setDoValidation(false);
            route.getHandlers().addFirst(validation);
            if (route.getHandlers().getFirst() != validation) {
                // A Vert.x upgrade that hands out copies would otherwise leave the API unvalidated.
                throw new IllegalStateException("cannot add request validation to " + operation.getOperationId());
            }
        }
    }

    private void validate(RoutingContext ctx, Operation operation) {
        extractor.extractValidatableRequest(ctx, operation).onComplete(extracted -> {
            ValidatedRequest validated;
            try {
                if (extracted.failed()) {
                    throw extracted.cause();
                }
                validated = validate(extracted.result(), operation);
            } catch (Throwable invalid) {
                ctx.fail(invalid);
                return;
            }
            ctx.put(RouterBuilder.KEY_META_DATA_VALIDATED_REQUEST, validated);
            ctx.next();
        });
    }

    /** Upstream's {@code RequestValidatorImpl.validate} loop, on the calling thread; throws what it would fail with. */
    ValidatedRequest validate(ValidatableRequest request, Operation operation) {
        RequestParameter body = request.getBody();
        if (body != null && !body.isEmpty() && body.get() instanceof Buffer bytes) {
            // Jackson would read an overlong "C0 80" as NUL, and encoded surrogates as characters.
            StorableText.decodeUtf8("body", ByteBuffer.wrap(bytes.getBytes()));
        }
        Map<String, RequestParameter> cookies = new HashMap<>();
        Map<String, RequestParameter> headers = new HashMap<>();
        Map<String, RequestParameter> path = new HashMap<>();
        Map<String, RequestParameter> query = new HashMap<>();
        for (Parameter parameter : operation.getParameters()) {
            String name = parameter.getName();
            switch (parameter.getIn()) {
                case COOKIE -> cookies.put(name, validator.validateParameter(parameter, request.getCookies().get(name)));
                case HEADER -> headers.put(name, validator.validateParameter(parameter, request.getHeaders().get(name)));
                case PATH -> path.put(name, validator.validateParameter(parameter, request.getPathParameters().get(name)));
                case QUERY -> query.put(name, validator.validateParameter(parameter, request.getQuery().get(name)));
            }
        }
        ValidatedRequest validated = new Validated(cookies, headers, path, query,
                validator.validateBody(operation.getRequestBody(), request));
        for (Map<String, RequestParameter> parameters : List.of(cookies, headers, path, query)) {
            parameters.forEach((name, value) -> DecodedInput.check(name, value.get()));
        }
        if (validated.getBody() != null) {
            DecodedInput.check("", validated.getBody().get());
        }
        return validated;
    }

    /** The validated parts, under the getter names of the interface. */
    private record Validated(Map<String, RequestParameter> getCookies, Map<String, RequestParameter> getHeaders,
                             Map<String, RequestParameter> getPathParameters, Map<String, RequestParameter> getQuery,
                             RequestParameter getBody) implements ValidatedRequest {
    }
}
