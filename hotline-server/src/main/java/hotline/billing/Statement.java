package hotline.billing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What the billing system knows of one account, as of {@code asOf} (the moment a CIS answered, or the import of the
 * ledger's export): the balance (owed when positive, in credit when negative, yuan), the next reading day (may be
 * null), and the latest {@value #HISTORY} bills, payments and readings, newest first. Immutable.
 */
public record Statement(String accountNumber, BigDecimal balance, LocalDate nextReadingOn, List<Bill> bills,
                        List<Payment> payments, List<Reading> readings, Instant asOf) {

    /** How many bills, payments and readings a statement keeps: a year of monthly ones. */
    public static final int HISTORY = 12;

    public Statement {
        bills = bills.stream().sorted(Comparator.comparing(Bill::period).reversed()).limit(HISTORY).toList();
        payments = payments.stream().sorted(Comparator.comparing(Payment::paidOn).reversed()).limit(HISTORY).toList();
        readings = readings.stream().sorted(Comparator.comparing(Reading::readOn).reversed()).limit(HISTORY).toList();
    }

    /**
     * The part of the balance already past due on {@code today}: the balance less the bills not yet due (zero when
     * nothing is overdue). A balance made only of bills still within their due date is not overdue.
     */
    public BigDecimal overdue(LocalDate today) {
        BigDecimal notYetDue = bills.stream().filter(bill -> !bill.dueOn().isBefore(today)).map(Bill::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal overdue = balance.subtract(notYetDue);
        return overdue.signum() > 0 ? overdue : BigDecimal.ZERO.setScale(2);
    }

    public Optional<Payment> lastPayment() {
        return payments.stream().findFirst();
    }

    public Optional<Reading> lastReading() {
        return readings.stream().findFirst();
    }

    public JsonObject toJson() {
        return new JsonObject().put("accountNumber", accountNumber).put("balance", balance.toPlainString())
                .put("nextReadingOn", nextReadingOn == null ? null : nextReadingOn.toString())
                .put("bills", new JsonArray(bills.stream().map(Bill::toJson).toList()))
                .put("payments", new JsonArray(payments.stream().map(Payment::toJson).toList()))
                .put("readings", new JsonArray(readings.stream().map(Reading::toJson).toList()))
                .put("asOf", asOf.toString());
    }
}
