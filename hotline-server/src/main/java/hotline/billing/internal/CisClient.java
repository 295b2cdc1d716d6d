package hotline.billing.internal;

import hotline.billing.BillingSource;
import hotline.billing.BillingUnavailableException;
import hotline.billing.Statement;
import hotline.billing.UnknownAccountException;
import hotline.common.InvalidInputException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.ConnectException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The billing port over the CIS's HTTP API: {@code GET baseUrl + statementPath} with the account number in the path
 * and the configured header, answered with the JSON {@link StatementJson} reads; 404 is an unknown account. The whole
 * answer must come within the read timeout. A circuit breaker counts failures (an unknown account is no failure):
 * after {@code breakerFailures} in a row it fails calls at once for {@code breakerOpenSeconds}, so a dead CIS costs
 * callers nothing but the message, then lets one trial call through. Failures are logged once each, without the
 * header's value. Thread-safe.
 */
public final class CisClient implements BillingSource {

    private static final Logger log = LoggerFactory.getLogger(CisClient.class);
    /** A statement is a few kilobytes; an answer far larger is no statement. */
    private static final int MAX_ANSWER_BYTES = 1 << 20;

    private final BillingSettings.Cis settings;
    private final WebClient client;
    private final CircuitBreaker breaker;
    private final Clock clock;

    public CisClient(Vertx vertx, BillingSettings.Cis settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.client = WebClient.create(vertx, new WebClientOptions().setConnectTimeout(settings.connectTimeoutMs())
                .setUserAgent("Hotline billing"), new PoolOptions().setHttp1MaxSize(settings.maxConnections()));
        this.breaker = CircuitBreaker.of("cis", CircuitBreakerConfig.custom()
                .slidingWindow(settings.breakerFailures(), settings.breakerFailures(),
                        CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .failureRateThreshold(100)
                .waitDurationInOpenState(Duration.ofSeconds(settings.breakerOpenSeconds()))
                .permittedNumberOfCallsInHalfOpenState(1)
                .recordException(failure -> !(failure instanceof UnknownAccountException))
                .clock(clock)
                .build());
    }

    @Override
    public String name() {
        return "cis";
    }

    /** {@code CLOSED}, {@code OPEN} or {@code HALF_OPEN}: for health and tests. */
    public String breakerState() {
        return breaker.getState().name();
    }

    @Override
    public Future<Statement> statement(String accountNumber) {
        if (!breaker.tryAcquirePermission()) {
            return Future.failedFuture(new BillingUnavailableException("the billing system failed "
                    + settings.breakerFailures() + " times in a row; Hotline waits up to "
                    + settings.breakerOpenSeconds() + " s before asking it again"));
        }
        long started = System.nanoTime();
        var request = client.getAbs(settings.baseUrl() + settings.statementPath().replace(
                        BillingSettings.ACCOUNT_PLACEHOLDER, URLEncoder.encode(accountNumber, StandardCharsets.UTF_8)))
                .connectTimeout(settings.connectTimeoutMs())
                .idleTimeout(settings.readTimeoutMs())
                .putHeader("Accept", "application/json");
        if (settings.authHeader() != null) {
            request.putHeader(settings.authHeader(), settings.authValue());
        }
        return request.send()
                .timeout(settings.connectTimeoutMs() + settings.readTimeoutMs(), TimeUnit.MILLISECONDS)
                .transform(sent -> {
                    Future<Statement> result = sent.succeeded() ? read(accountNumber, sent.result())
                            : Future.failedFuture(unreachable(sent.cause()));
                    long nanos = System.nanoTime() - started;
                    if (result.succeeded()) {
                        breaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
                    } else {
                        breaker.onError(nanos, TimeUnit.NANOSECONDS, result.cause());
                    }
                    return result;
                });
    }

    private Future<Statement> read(String accountNumber, HttpResponse<Buffer> response) {
        int status = response.statusCode();
        if (status == 404) {
            return Future.failedFuture(new UnknownAccountException(accountNumber));
        }
        if (status == 401 || status == 403) {
            return unavailable("the billing system refused Hotline's credentials (HTTP " + status + "); check "
                    + BillingSettings.CIS_AUTH_HEADER + " and " + BillingSettings.CIS_AUTH_VALUE);
        }
        if (status != 200) {
            return unavailable("the billing system answered HTTP " + status);
        }
        Buffer body = response.body();
        if (body == null || body.length() == 0) {
            return unavailable("the billing system's answer is malformed: it is empty");
        }
        if (body.length() > MAX_ANSWER_BYTES) {
            return unavailable("the billing system's answer is malformed: " + body.length() + " bytes is no statement");
        }
        try {
            return Future.succeededFuture(StatementJson.statement(accountNumber, new JsonObject(body), clock.instant()));
        } catch (DecodeException | ClassCastException e) {
            return unavailable("the billing system's answer is malformed: it is not a JSON object");
        } catch (InvalidInputException e) {
            return unavailable("the billing system's answer is malformed: " + e.field() + " " + e.getMessage());
        }
    }

    private Future<Statement> unavailable(String reason) {
        log.warn("Billing: {}", reason);
        return Future.failedFuture(new BillingUnavailableException(reason));
    }

    private BillingUnavailableException unreachable(Throwable cause) {
        String reason = cause instanceof TimeoutException || cause.getClass().getSimpleName().contains("Timeout")
                ? "the billing system did not answer within " + (settings.connectTimeoutMs() + settings.readTimeoutMs()) + " ms"
                : cause instanceof ConnectException
                ? "the billing system cannot be reached (" + settings.baseUrl().getHost() + ")"
                : "the connection to the billing system failed (" + cause.getClass().getSimpleName() + ")";
        log.warn("Billing: {}", reason);
        return new BillingUnavailableException(reason);
    }

    /** Closes the connections. */
    public void close() {
        client.close();
    }
}
