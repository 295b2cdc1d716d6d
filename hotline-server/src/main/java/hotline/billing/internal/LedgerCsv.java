package hotline.billing.internal;

import hotline.billing.Bill;
import hotline.billing.Payment;
import hotline.billing.Reading;
import hotline.common.CsvFiles;
import hotline.common.InvalidInputException;
import hotline.common.StorableText;
import hotline.customer.CustomerDraft;
import hotline.customer.ImportError;
import hotline.customer.ImportErrors;
import org.apache.commons.csv.CSVRecord;

import java.io.Reader;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads the CIS's nightly export (docs/billing.md): UTF-8 CSV, optional BOM, a header naming the columns in any
 * order, one row per record: {@code account} (balance, next reading day), {@code bill}, {@code payment} or
 * {@code reading} of an account, in any order. Good rows are handed to {@code write} in chunks as they are read, but
 * only while no row was bad: a file with a bad row is imported not at all, so writing more would be wasted. A bad row
 * names its field; so does a second account row, bill month or reading day of an account, and an account with rows
 * but no account row (its balance). Blocking: run it off the event loop.
 */
final class LedgerCsv {

    static final List<String> COLUMNS = List.of("record", "accountNumber", "balance", "nextReadingOn", "period",
            "issuedOn", "dueOn", "consumption", "amount", "paidOn", "method", "readOn", "value", "estimated");
    static final List<String> RECORDS = List.of("account", "bill", "payment", "reading");

    private LedgerCsv() {
    }

    /** Everything read: data rows, rows handed to the writer, accounts, the first bad rows and how many were bad. */
    record Parsed(int rows, int written, int accounts, List<ImportError> errors, int errorCount) {
    }

    /** What the reader knows of one account so far: where it first appeared, its account row, months and days. */
    private static final class Seen {
        final int firstRow;
        int accountRow;
        final Set<YearMonth> periods = new HashSet<>();
        final Set<LocalDate> readDays = new HashSet<>();

        Seen(int firstRow) {
            this.firstRow = firstRow;
        }
    }

    /**
     * @param chunkSize rows per chunk handed to {@code write}
     * @throws InvalidInputException (field {@code body}) when the text is not UTF-8 CSV or its header is wrong
     */
    static Parsed parse(Reader text, int chunkSize, Consumer<LedgerChunk> write) {
        Map<String, Seen> seen = new HashMap<>();
        ImportErrors errors = new ImportErrors();
        LedgerChunk[] chunk = {new LedgerChunk()};
        int[] written = {0};
        int rows = CsvFiles.read(text, header -> CsvFiles.checkHeader(header, COLUMNS, 2), (record, row) -> {
            read(record, row, seen, chunk[0]);
            if (chunk[0].size() >= chunkSize) {
                written[0] += handOver(chunk[0], errors, write);
                chunk[0] = new LedgerChunk();
            }
        }, errors::add);
        seen.forEach((account, known) -> {
            if (known.accountRow == 0) {
                errors.add(known.firstRow, new InvalidInputException("record",
                        "account " + account + " has rows but no account row (its balance) in this file"));
            }
        });
        written[0] += handOver(chunk[0], errors, write);
        return new Parsed(rows, written[0], seen.size(), errors.first(), errors.count());
    }

    private static int handOver(LedgerChunk chunk, ImportErrors errors, Consumer<LedgerChunk> write) {
        if (errors.count() > 0 || chunk.size() == 0) {
            return 0;
        }
        write.accept(chunk);
        return chunk.size();
    }

    private static void read(CSVRecord record, int row, Map<String, Seen> seen, LedgerChunk chunk) {
        String kind = cell(record, "record");
        if (!RECORDS.contains(kind)) {
            throw new InvalidInputException("record", "must be one of " + RECORDS);
        }
        String account = CustomerDraft.accountNumber(BillingValues.required("accountNumber", cell(record, "accountNumber")));
        Seen known = seen.get(account);
        Seen owner = known != null ? known : new Seen(row);
        switch (kind) {
            case "account" -> {
                if (owner.accountRow != 0) {
                    throw new InvalidInputException("record", "repeats the account row of row " + owner.accountRow);
                }
                String next = cell(record, "nextReadingOn");
                chunk.accounts.add(new LedgerChunk.Account(account, BillingValues.amount("balance", cell(record, "balance")),
                        next == null ? null : BillingValues.date("nextReadingOn", next)));
                owner.accountRow = row;
            }
            case "bill" -> {
                Bill bill = new Bill(BillingValues.period("period", cell(record, "period")),
                        BillingValues.date("issuedOn", cell(record, "issuedOn")),
                        BillingValues.date("dueOn", cell(record, "dueOn")),
                        BillingValues.quantity("consumption", cell(record, "consumption")),
                        BillingValues.amount("amount", cell(record, "amount")));
                if (!owner.periods.add(bill.period())) {
                    throw new InvalidInputException("period", "the account has a bill for " + bill.period() + " already");
                }
                chunk.bills.add(new LedgerChunk.Owned<>(account, bill));
            }
            case "payment" -> {
                Payment payment = new Payment(BillingValues.date("paidOn", cell(record, "paidOn")),
                        BillingValues.amount("amount", cell(record, "amount")),
                        cell(record, "method") == null ? "" : StorableText.require("method", cell(record, "method")));
                if (payment.amount().signum() <= 0) {
                    throw new InvalidInputException("amount", "a payment must be more than zero");
                }
                chunk.payments.add(new LedgerChunk.Owned<>(account, payment));
            }
            default -> {
                Reading reading = new Reading(BillingValues.date("readOn", cell(record, "readOn")),
                        BillingValues.quantity("value", cell(record, "value")),
                        BillingValues.flag("estimated", cell(record, "estimated")));
                if (!owner.readDays.add(reading.readOn())) {
                    throw new InvalidInputException("readOn", "the account has a reading on " + reading.readOn() + " already");
                }
                chunk.readings.add(new LedgerChunk.Owned<>(account, reading));
            }
        }
        if (known == null) {
            seen.put(account, owner);
        }
    }

    /** The cell of {@code column}, null when the column is absent or the cell empty. */
    private static String cell(CSVRecord record, String column) {
        String value = record.isMapped(column) ? record.get(column) : null;
        return value == null || value.isEmpty() ? null : value;
    }
}
