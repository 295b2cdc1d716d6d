package hotline.http.validation;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.openapi.router.RequestExtractor;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.SchemaRepository;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.RequestValidator;
import io.vertx.openapi.validation.ValidatableRequest;
import io.vertx.openapi.validation.ValidatedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RequestValidation} repeats the loop of Vert.x's {@code RequestValidatorImpl.validate} to run it on the event
 * loop. These tests hold it to upstream's public {@link RequestValidator} on the same requests, so a Vert.x upgrade
 * that changes what upstream accepts, refuses or hands on fails here rather than in production.
 */
class RequestValidationTest {

    private static final String JSON = "application/json";

    private static Vertx vertx;
    private static OpenAPIContract contract;
    private static RequestValidation ours;
    private static RequestValidator upstream;

    @BeforeAll
    static void loadContract() {
        vertx = Vertx.vertx();
        contract = OpenAPIContract.from(vertx, "openapi.yaml").await();
        ours = new RequestValidation(vertx, contract, RequestExtractor.withBodyHandler());
        upstream = RequestValidator.create(vertx, contract);
    }

    @AfterAll
    static void closeVertx() {
        vertx.close().await();
    }

    /** A request as the extractor hands it over: raw strings for parameters, the body as read. */
    private record Request(Map<String, RequestParameter> getPathParameters, Map<String, RequestParameter> getQuery,
                           Map<String, RequestParameter> getHeaders, RequestParameter getBody, String getContentType)
            implements ValidatableRequest {

        static Request of() {
            return new Request(Map.of(), Map.of(), Map.of(), null, null);
        }

        Request path(String name, String value) {
            return new Request(with(getPathParameters, name, value), getQuery, getHeaders, getBody, getContentType);
        }

        Request query(String name, String value) {
            return new Request(getPathParameters, with(getQuery, name, value), getHeaders, getBody, getContentType);
        }

        Request header(String name, String value) {
            return new Request(getPathParameters, getQuery, with(getHeaders, name, value), getBody, getContentType);
        }

        Request body(String contentType, String body) {
            return new Request(getPathParameters, getQuery, getHeaders, () -> Buffer.buffer(body), contentType);
        }

        Request json(String body) {
            return body(JSON, body);
        }

        @Override
        public Map<String, RequestParameter> getCookies() {
            return Map.of();
        }

        private static Map<String, RequestParameter> with(Map<String, RequestParameter> map, String name, String value) {
            Map<String, RequestParameter> copy = new HashMap<>(map);
            copy.put(name, () -> value);
            return copy;
        }
    }

    /** What a validator decided: the values it handed on, or the error it refused the request with. */
    private record Outcome(boolean accepted, Map<String, Object> values, String error) {

        static Outcome accepted(ValidatedRequest validated) {
            Map<String, Object> values = new TreeMap<>();
            validated.getPathParameters().forEach((name, value) -> values.put("path." + name, value.get()));
            validated.getQuery().forEach((name, value) -> values.put("query." + name, value.get()));
            validated.getHeaders().forEach((name, value) -> values.put("header." + name, value.get()));
            validated.getCookies().forEach((name, value) -> values.put("cookie." + name, value.get()));
            values.put("body", validated.getBody() == null ? null : validated.getBody().get());
            return new Outcome(true, values, null);
        }

        static Outcome refused(Throwable error) {
            return new Outcome(false, Map.of(), error.getClass().getName() + ": " + error.getMessage());
        }
    }

    static Stream<Arguments> requests() {
        String longSubject = "x".repeat(201);
        return Stream.of(
                accepts("createTicket", Request.of().json("{\"type\":\"repair\",\"subject\":\"水管爆裂\"}")),
                accepts("createTicket", Request.of().header("Idempotency-Key", "call-42")
                        .json("{\"type\":\"complaint\",\"subject\":\"s\",\"urgent\":true,\"customerId\":7}")),
                refuses("createTicket", Request.of().json("{\"type\":\"repair\"}")),
                refuses("createTicket", Request.of().json("{\"type\":\"repair\",\"subject\":\"s\",\"colour\":\"red\"}")),
                refuses("createTicket", Request.of().json("{\"type\":\"repair\",\"subject\":\"" + longSubject + "\"}")),
                refuses("createTicket", Request.of().json("{\"type\":\"leak\",\"subject\":\"s\"}")),
                refuses("createTicket", Request.of().header("Idempotency-Key", "has space")
                        .json("{\"type\":\"repair\",\"subject\":\"s\"}")),
                refuses("createTicket", Request.of()),
                refuses("createTicket", Request.of().json("{\"type\":")),
                refuses("createTicket", Request.of().body("text/plain", "type=repair")),
                accepts("listTickets", Request.of()),
                accepts("listTickets", Request.of().query("status", "open").query("size", "100").query("page", "0")),
                refuses("listTickets", Request.of().query("size", "0")),
                refuses("listTickets", Request.of().query("size", "ten")),
                refuses("listTickets", Request.of().query("customerId", "-1")),
                refuses("listTickets", Request.of().query("status", "lost")),
                accepts("getTicket", Request.of().path("id", "5")),
                refuses("getTicket", Request.of().path("id", "0")),
                refuses("getTicket", Request.of().path("id", "five")),
                refuses("getTicket", Request.of()),
                accepts("updateTicket", Request.of().path("id", "5").json("{\"customerId\":null,\"category\":null}")),
                refuses("updateTicket", Request.of().path("id", "5").json("{}")),
                refuses("updateTicket", Request.of().path("id", "5").json("{\"callerNumber\":\"call me\"}")),
                accepts("transitionTicket", Request.of().path("id", "9007199254740993")
                        .json("{\"action\":\"dispatch\",\"fields\":{\"crewId\":3},\"version\":2}")),
                refuses("transitionTicket", Request.of().path("id", "9").json("{\"action\":\"Dispatch!\"}")),
                accepts("searchTickets", Request.of().query("q", "爆管 -演习").query("sort", "newest")
                        .query("from", "2026-01-01T00:00:00Z")),
                refuses("searchTickets", Request.of().query("tier", "gold")),
                refuses("searchTickets", Request.of().query("q", "x".repeat(1001))),
                accepts("login", Request.of().json("{\"username\":\"agent1\",\"password\":\"demo\"}")),
                refuses("login", Request.of().json("{\"username\":\"\",\"password\":\"demo\"}")));
    }

    private static Arguments accepts(String operationId, Request request) {
        return Arguments.of(operationId, request, true);
    }

    private static Arguments refuses(String operationId, Request request) {
        return Arguments.of(operationId, request, false);
    }

    @ParameterizedTest(name = "{0} #{index}: accepted {2}")
    @MethodSource("requests")
    @DisplayName("the event-loop validation accepts, refuses and hands on exactly what Vert.x's public validator does")
    void decidesAsUpstream(String operationId, Request request, boolean accepted) {
        Operation operation = contract.operation(operationId);
        Outcome upstreamOutcome;
        try {
            upstreamOutcome = Outcome.accepted(upstream.validate(request, operationId).await());
        } catch (RuntimeException refused) {
            upstreamOutcome = Outcome.refused(refused);
        }
        Outcome ourOutcome;
        try {
            ourOutcome = Outcome.accepted(ours.validate(request, operation));
        } catch (RuntimeException refused) {
            ourOutcome = Outcome.refused(refused);
        }

        assertThat(upstreamOutcome.accepted()).as("upstream's decision: %s", upstreamOutcome.error()).isEqualTo(accepted);
        assertThat(ourOutcome).isEqualTo(upstreamOutcome);
    }

    @Test
    @DisplayName("the contract's schema repository makes one validator per schema and hands the same one out again")
    void oneValidatorPerSchema() {
        SchemaRepository schemas = new ValidatorCachingContract(contract).getSchemaRepository();
        JsonSchema draft = contract.operation("createTicket").getRequestBody().getContent().get(JSON).getSchema();
        JsonSchema login = contract.operation("login").getRequestBody().getContent().get(JSON).getSchema();

        assertThat(schemas.validator(draft)).isSameAs(schemas.validator(draft));
        assertThat(schemas.validator(draft)).isNotSameAs(schemas.validator(login));
    }
}
