package hotline.billing.internal;

import hotline.billing.Bill;
import hotline.billing.Payment;
import hotline.billing.Reading;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Good rows of a ledger export, gathered to be written in one go. Not thread-safe: filled by one reader, then handed over. */
final class LedgerChunk {

    /** An account row: the balance and the next reading day (may be null). */
    record Account(String accountNumber, BigDecimal balance, LocalDate nextReadingOn) {
    }

    record Owned<T>(String accountNumber, T item) {
    }

    final List<Account> accounts = new ArrayList<>();
    final List<Owned<Bill>> bills = new ArrayList<>();
    final List<Owned<Payment>> payments = new ArrayList<>();
    final List<Owned<Reading>> readings = new ArrayList<>();

    int size() {
        return accounts.size() + bills.size() + payments.size() + readings.size();
    }

    /** Every account a row of this chunk belongs to. */
    Set<String> accountNumbers() {
        Set<String> all = new LinkedHashSet<>();
        accounts.forEach(a -> all.add(a.accountNumber()));
        bills.forEach(b -> all.add(b.accountNumber()));
        payments.forEach(p -> all.add(p.accountNumber()));
        readings.forEach(r -> all.add(r.accountNumber()));
        return all;
    }
}
