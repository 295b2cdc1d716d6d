package hotline.console.internal;

import hotline.common.InvalidInputException;
import hotline.ticket.TicketType;
import hotline.ticket.workflow.MeterSide;
import hotline.ticket.workflow.RepairCategory;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A new ticket opened from the caller card's billing: a complaint about one of its bills (水费太高) carries that bill's
 * month and amount in {@code details.disputedBill}; a repair of a consumption jump is a service-pipe leak on the
 * customer's side of the meter ({@code details.side: private}), its subject and description saying why. The form
 * keeps them in hidden fields; {@link #details} reads them back, checked, when it is sent.
 */
final class BillingPrefill {

    static final String BILLING_CATEGORY = "billing";

    private BillingPrefill() {
    }

    /**
     * The form's prefill for bill {@code period} or, with {@code leak}, for the jump of the card's billing; empty when
     * neither is asked. A bill or a jump the card does not show is refused naming {@code bill} or {@code leak}.
     */
    static Optional<Map<String, Object>> of(JsonObject billing, String period, boolean leak, Lang lang) {
        if (period == null && !leak) {
            return Optional.empty();
        }
        JsonObject statement = billing == null ? null : billing.getJsonObject("statement");
        Map<String, Object> prefill = new HashMap<>();
        if (period != null) {
            JsonObject bill = statement == null ? null : statement.getJsonArray("bills", new JsonArray()).stream()
                    .map(JsonObject.class::cast).filter(b -> period.equals(b.getString("period"))).findFirst().orElse(null);
            if (bill == null) {
                throw new InvalidInputException("bill", "the caller card shows no bill for " + period);
            }
            prefill.put("type", TicketType.COMPLAINT.code());
            prefill.put("category", BILLING_CATEGORY);
            prefill.put("subject", lang.message("billing.complaint.subject").replace("{0}", period)
                    .replace("{1}", bill.getString("amount")));
            prefill.put("billPeriod", period);
            prefill.put("billAmount", bill.getString("amount"));
            return Optional.of(prefill);
        }
        JsonObject jump = billing == null ? null : billing.getJsonObject("jump");
        if (jump == null) {
            throw new InvalidInputException("leak", "the caller card shows no consumption jump");
        }
        prefill.put("type", TicketType.REPAIR.code());
        prefill.put("category", RepairCategory.SERVICE_PIPE_LEAK.code());
        prefill.put("side", MeterSide.PRIVATE.code());
        prefill.put("subject", lang.message("billing.leak.subject"));
        prefill.put("description", lang.message("billing.leak.description").replace("{0}", jump.getString("period"))
                .replace("{1}", jump.getString("consumption")).replace("{2}", jump.getString("average"))
                .replace("{3}", jump.getString("ratio")));
        return Optional.of(prefill);
    }

    /** The details of a form sent with a prefill's hidden fields (none: null); a bad one names its field. */
    static JsonObject details(MultiMap form) {
        String period = blankToNull(form.get("billPeriod"));
        String side = blankToNull(form.get("side"));
        if (period == null && side == null) {
            return null;
        }
        JsonObject details = new JsonObject();
        if (period != null) {
            try {
                YearMonth.parse(period);
                details.put("disputedBill", new JsonObject().put("period", period)
                        .put("amount", new BigDecimal(String.valueOf(form.get("billAmount")))));
            } catch (DateTimeParseException e) {
                throw new InvalidInputException("billPeriod", "must be a month such as 2026-10");
            } catch (NumberFormatException e) {
                throw new InvalidInputException("billAmount", "must be an amount such as 86.40");
            }
        }
        if (side != null) {
            details.put("side", side);
        }
        return details;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
