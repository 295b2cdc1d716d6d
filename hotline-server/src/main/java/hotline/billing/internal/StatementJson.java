package hotline.billing.internal;

import hotline.billing.Bill;
import hotline.billing.Payment;
import hotline.billing.Reading;
import hotline.billing.Statement;
import hotline.common.InvalidInputException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Reads a statement as the CIS's API answers it for one account (the JSON of docs/billing.md; the ledger builds the
 * same JSON from its tables, so both adapters read it here): {@code accountNumber}, {@code balance},
 * {@code nextReadingOn}, {@code bills[]}, {@code payments[]}, {@code readings[]}; numbers may come as JSON numbers
 * or strings. Anything missing or wrong is an {@link InvalidInputException} naming the field by its path
 * ({@code bills[2].amount}); fields it does not know are ignored (a CIS sends more than Hotline reads).
 */
final class StatementJson {

    private StatementJson() {
    }

    static Statement statement(String accountNumber, JsonObject json, Instant asOf) {
        String account = text(json, "", "accountNumber");
        if (!accountNumber.equals(BillingValues.required("accountNumber", account))) {
            throw new InvalidInputException("accountNumber", "answers for another account");
        }
        String next = text(json, "", "nextReadingOn");
        return new Statement(accountNumber, BillingValues.amount("balance", text(json, "", "balance")),
                next == null ? null : BillingValues.date("nextReadingOn", next),
                list(json, "bills", (item, at) -> new Bill(BillingValues.period(at + "period", text(item, at, "period")),
                        BillingValues.date(at + "issuedOn", text(item, at, "issuedOn")),
                        BillingValues.date(at + "dueOn", text(item, at, "dueOn")),
                        BillingValues.quantity(at + "consumption", text(item, at, "consumption")),
                        BillingValues.amount(at + "amount", text(item, at, "amount")))),
                list(json, "payments", (item, at) -> new Payment(BillingValues.date(at + "paidOn", text(item, at, "paidOn")),
                        BillingValues.amount(at + "amount", text(item, at, "amount")),
                        text(item, at, "method") == null ? "" : text(item, at, "method"))),
                list(json, "readings", (item, at) -> new Reading(BillingValues.date(at + "readOn", text(item, at, "readOn")),
                        BillingValues.quantity(at + "value", text(item, at, "value")),
                        BillingValues.flag(at + "estimated", text(item, at, "estimated")))),
                asOf);
    }

    /** Each object of the array {@code name} (absent: none), read by {@code read} with its path prefix. */
    private static <T> List<T> list(JsonObject json, String name, BiFunction<JsonObject, String, T> read) {
        Object value = json.getValue(name);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof JsonArray array)) {
            throw new InvalidInputException(name, "must be a list");
        }
        List<T> items = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            String at = name + "[" + i + "].";
            if (!(array.getValue(i) instanceof JsonObject item)) {
                throw new InvalidInputException(name + "[" + i + "]", "must be an object");
            }
            items.add(read.apply(item, at));
        }
        return items;
    }

    /** A scalar as text (a JSON number as written), null when absent; an object or list in its place is refused. */
    private static String text(JsonObject json, String at, String name) {
        Object value = json.getValue(name);
        if (value instanceof JsonObject || value instanceof JsonArray) {
            throw new InvalidInputException(at + name, "must be a single value");
        }
        return value == null ? null : value.toString();
    }
}
