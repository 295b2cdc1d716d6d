package hotline.console.internal;

import hotline.billing.BillingAnswer;
import hotline.billing.BillingService;
import hotline.billing.Bill;
import hotline.billing.ConsumptionJump;
import hotline.billing.Statement;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The billing block of the caller card and the customer page, as JSON for {@code fragments/billing.ftlh}: the API's
 * billing answer with its times in the utility's zone, the bars of the consumption chart (oldest month first, the
 * jump's month marked) and {@code status: pending} when the card could not wait for it. One way to draw billing.
 */
public final class BillingBlocks {

    /** Height in pixels of the chart's tallest bar. */
    static final int CHART_HEIGHT = 36;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    private final BillingService billing;
    private final ZoneId zone;

    public BillingBlocks(BillingService billing, ZoneId zone) {
        this.billing = billing;
        this.zone = zone;
    }

    /**
     * The block for a caller card: the answer if it comes within {@code billing.cardWaitMs}, else pending (the card
     * then fetches it by itself, sharing the read under way), so a slow billing system never holds the card back.
     */
    public Future<JsonObject> forCard(String accountNumber) {
        return billing.forAccount(accountNumber).timeout(billing.cardWait().toMillis(), TimeUnit.MILLISECONDS)
                .map(this::json).recover(late -> Future.succeededFuture(new JsonObject().put("status", "pending")));
    }

    /** The whole answer, however long the billing system takes (the adapter's timeout bounds it). */
    public Future<JsonObject> full(String accountNumber) {
        return billing.forAccount(accountNumber).map(this::json);
    }

    /** The block of the customer's account; fails with 404 for an unknown customer. */
    public Future<JsonObject> fullForCustomer(long customerId) {
        return billing.forCustomer(customerId).map(this::json);
    }

    JsonObject json(BillingAnswer answer) {
        JsonObject json = billing.toJson(answer);
        switch (answer) {
            case BillingAnswer.Known known -> {
                json.put("asOfText", text(known.statement().asOf()));
                json.put("chart", chart(known.statement(), billing.jump(known.statement())));
            }
            case BillingAnswer.Unavailable down when down.lastGood() != null ->
                    json.put("lastGoodAtText", text(down.lastGood().fetchedAt()));
            default -> {
            }
        }
        return json;
    }

    private static JsonArray chart(Statement statement, Optional<ConsumptionJump> jump) {
        List<Bill> bills = statement.bills().reversed();
        BigDecimal max = bills.stream().map(Bill::consumption).max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
        JsonArray bars = new JsonArray();
        for (Bill bill : bills) {
            int height = max.signum() == 0 ? 0 : bill.consumption().multiply(BigDecimal.valueOf(CHART_HEIGHT))
                    .divide(max, 0, RoundingMode.HALF_UP).intValue();
            bars.add(new JsonObject().put("period", bill.period().toString())
                    .put("month", bill.period().getMonthValue()).put("consumption", bill.consumption().toPlainString())
                    .put("height", Math.max(1, height))
                    .put("jump", jump.map(j -> j.bill().period().equals(bill.period())).orElse(false)));
        }
        return bars;
    }

    private String text(Instant instant) {
        return WHEN.format(instant.atZone(zone));
    }
}
