package hotline.customer.internal;

import hotline.common.CsvFiles;
import hotline.common.InvalidInputException;
import hotline.common.StorableText;
import hotline.customer.CustomerDraft;
import hotline.customer.ImportError;
import hotline.customer.ImportErrors;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.apache.commons.csv.CSVRecord;

import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a customer import file (docs/customers-import.md): UTF-8 CSV, optional BOM, a header row naming the columns
 * in any order. Records are read one at a time from the reader; each becomes a validated {@link CustomerDraft} or an
 * {@link ImportError}, of which the first {@value ImportErrors#MAX} are kept and all are counted. A later record with an
 * account number seen before is an error. Messages are plain words, never a library's. Blocking and thread-safe:
 * run it off the event loop (it reads megabytes).
 */
public final class CustomerCsv {

    /** The columns; the first five must be present, empty cells mean "not given". */
    public static final List<String> COLUMNS = List.of("accountNumber", "name", "phones", "waterUse", "kind", "address",
            "district", "tier", "criticalFacility", "criticalReason", "monthlyConsumption", "notes");
    /** The reason a manual tier from a file carries. */
    public static final String FILE_TIER_REASON = "given in an import file";

    private CustomerCsv() {
    }

    /** A record that passed validation, with its row number. */
    public record Row(int row, CustomerDraft draft) {
    }

    /** Everything read: the count of data rows, the good ones, the first bad ones and how many were bad. */
    public record Parsed(int rows, List<Row> good, List<ImportError> errors, int errorCount) {
    }

    /** {@link #parse(Reader)} of a text in memory. */
    public static Parsed parse(String text) {
        return parse(new StringReader(text));
    }

    /**
     * @throws InvalidInputException (field {@code body}) when the text is not UTF-8 CSV or its header is wrong
     * @throws UncheckedIOException  when the reader fails for another reason (an upload broke off or is too large)
     */
    public static Parsed parse(Reader text) {
        List<Row> good = new ArrayList<>();
        ImportErrors errors = new ImportErrors();
        Map<String, Integer> seen = new HashMap<>();
        int rows = CsvFiles.read(text, header -> CsvFiles.checkHeader(header, COLUMNS, 5), (record, row) -> {
            CustomerDraft draft = CustomerDraft.fromJson(json(record));
            Integer first = seen.putIfAbsent(draft.accountNumber(), row);
            if (first != null) {
                throw new InvalidInputException("accountNumber", "repeats the account number of row " + first);
            }
            good.add(new Row(row, draft));
        }, errors::add);
        return new Parsed(rows, good, errors.first(), errors.count());
    }

    private static JsonObject json(CSVRecord record) {
        JsonObject json = new JsonObject();
        record.toMap().forEach((column, value) -> {
            if (value != null && !value.isEmpty()) {
                json.put(column, cell(column, StorableText.require(column, value)));
            }
        });
        if (json.containsKey("tier")) {
            json.put("tierReason", FILE_TIER_REASON);
        }
        return json;
    }

    private static Object cell(String column, String value) {
        return switch (column) {
            case "phones" -> new JsonArray(Arrays.stream(value.split(";")).map(String::trim)
                    .filter(phone -> !phone.isEmpty()).map(Object.class::cast).toList());
            case "waterUse", "kind", "tier", "criticalReason" -> value.toLowerCase(Locale.ROOT);
            case "criticalFacility" -> CsvFiles.flag("criticalFacility", value);
            case "monthlyConsumption" -> amount(value);
            default -> value;
        };
    }

    private static BigDecimal amount(String value) {
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("monthlyConsumption", "must be a number of m³ per month");
        }
    }
}
