package hotline.billing;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A utility's CIS for tests and benchmarks: an HTTP server on 127.0.0.1 answering
 * {@code GET /accounts/{account}/statement} with the statement put for the account (404 for another), after
 * {@link #delayMs}; or, when set, with {@link #failWith} (an HTTP status) or {@link #malformed} (a body). Counts the
 * requests and keeps the last {@code Authorization} header. Thread-safe.
 */
public final class FakeCis implements AutoCloseable {

    public final Map<String, JsonObject> statements = new ConcurrentHashMap<>();
    public final AtomicInteger requests = new AtomicInteger();
    public volatile long delayMs;
    public volatile int failWith;
    public volatile String malformed;
    public volatile String lastAuthorization;
    private final Vertx vertx;
    private final HttpServer server;

    public FakeCis() {
        this.vertx = Vertx.vertx();
        this.server = vertx.createHttpServer().requestHandler(request -> {
            requests.incrementAndGet();
            lastAuthorization = request.getHeader("Authorization");
            String[] parts = request.path().split("/");
            long delay = Math.max(1, delayMs);
            vertx.setTimer(delay, t -> {
                var response = request.response().putHeader("Content-Type", "application/json");
                if (failWith != 0) {
                    response.setStatusCode(failWith).end("{\"error\":\"down for maintenance\"}");
                } else if (malformed != null) {
                    response.end(malformed);
                } else if (parts.length != 4 || !parts[1].equals("accounts") || !parts[3].equals("statement")
                        || !statements.containsKey(parts[2])) {
                    response.setStatusCode(404).end("{\"error\":\"no such account\"}");
                } else {
                    response.end(statements.get(parts[2]).encode());
                }
            });
        });
        server.listen(0, "127.0.0.1").await();
    }

    public int port() {
        return server.actualPort();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** Answers for {@code account} a year of 14 m³ bills of ¥49.00, each paid, and monthly readings. */
    public FakeCis withAccount(String account, String balance) {
        statements.put(account, year(account, balance, LocalDate.of(2026, 11, 20)).toJson());
        return this;
    }

    /** Twelve monthly bills of 14 m³ and ¥49.00 up to the month before {@code today}, paid, and read on the 25th. */
    public static Statement year(String account, String balance, LocalDate today) {
        List<Bill> bills = new ArrayList<>();
        List<Payment> payments = new ArrayList<>();
        List<Reading> readings = new ArrayList<>();
        for (int i = 12; i >= 1; i--) {
            YearMonth period = YearMonth.from(today).minusMonths(i);
            LocalDate issued = period.plusMonths(1).atDay(2);
            bills.add(new Bill(period, issued, issued.plusDays(18), new BigDecimal("14.00"), new BigDecimal("49.00")));
            payments.add(new Payment(issued.plusDays(9), new BigDecimal("49.00"), "wechat"));
            readings.add(new Reading(period.atDay(25), BigDecimal.valueOf(1000 + 14L * (13 - i)).setScale(2), false));
        }
        return new Statement(account, new BigDecimal(balance), today.plusDays(5), bills, payments, readings,
                Instant.parse("2026-11-20T02:00:00Z"));
    }

    @Override
    public void close() {
        vertx.close().await();
    }
}
