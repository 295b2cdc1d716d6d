package hotline.common;

import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What the import files (customers, the billing ledger) share: their CSV dialect, a byte-order mark skipped, and
 * what went wrong with a file that cannot be read as CSV at all, in plain words for the person who made it (the CSV
 * library's messages name its classes and internal states).
 */
public final class CsvFiles {

    private static final Set<String> TRUE = Set.of("true", "yes", "1", "y", "是");
    private static final Set<String> FALSE = Set.of("false", "no", "0", "n", "否");

    /** RFC 4180 with a header row naming the columns, empty lines skipped, cells trimmed. */
    public static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true).setTrim(true).get();

    private CsvFiles() {
    }

    /** Reads one record of an import file; a bad one throws an {@link InvalidInputException} naming the field. */
    @FunctionalInterface
    public interface RowReader {
        /** @param row the line of the record in the file (the header is row 1) */
        void read(CSVRecord record, int row);
    }

    /** Told of each record {@link RowReader} refused. */
    @FunctionalInterface
    public interface BadRow {
        void refused(int row, InvalidInputException refusal);
    }

    /**
     * Reads an import file record by record as it arrives: the header goes to {@code header} (which throws an
     * {@link InvalidInputException} on {@code body} for a wrong one), each record to {@code rows}, each record it
     * refuses to {@code bad}. Blocking: run it off the event loop.
     *
     * @return how many data rows the file had
     * @throws InvalidInputException (field {@code body}) when the text is not UTF-8 CSV or its header is wrong
     * @throws UncheckedIOException  when the reader fails for another reason (an upload broke off or is too large)
     */
    public static int read(Reader text, Consumer<List<String>> header, RowReader rows, BadRow bad) {
        CSVParser parser = null;
        try (Reader reader = withoutBom(text)) {
            parser = CSVParser.parse(reader, FORMAT);
            header.accept(parser.getHeaderNames());
            int count = 0;
            for (CSVRecord record : parser) {
                count++;
                int row = (int) record.getRecordNumber() + 1;
                try {
                    if (!record.isConsistent()) {
                        throw new InvalidInputException("row", "has " + record.size() + " cells, the header "
                                + parser.getHeaderNames().size());
                    }
                    rows.read(record, row);
                } catch (InvalidInputException refusal) {
                    bad.refused(row, refusal);
                }
            }
            return count;
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            Throwable cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : e;
            if (cause instanceof IOException reading && !(cause instanceof CSVException)
                    && !(cause instanceof CharacterCodingException)) {
                throw new UncheckedIOException(reading); // the text could not be read to its end: not the file's fault
            }
            long line = parser == null ? 1 : parser.getCurrentLineNumber();
            throw new InvalidInputException("body", describe(cause, line));
        }
    }

    /**
     * Checks a header against the file's {@code columns}, whose first {@code required} must be present; a wrong header
     * is refused on {@code body}.
     */
    public static void checkHeader(List<String> header, List<String> columns, int required) {
        for (String column : header) {
            if (!columns.contains(column)) {
                throw new InvalidInputException("body", "unknown column '" + column + "'; the columns are " + columns);
            }
        }
        for (String column : columns.subList(0, required)) {
            if (!header.contains(column)) {
                throw new InvalidInputException("body", "the header lacks the column '" + column + "'");
            }
        }
    }

    /** A yes/no cell as people write it (true, yes, 1, y, 是 / false, no, 0, n, 否); else refused on {@code field}. */
    public static boolean flag(String field, String value) {
        String lower = value.strip().toLowerCase(Locale.ROOT);
        if (TRUE.contains(lower)) {
            return true;
        }
        if (FALSE.contains(lower)) {
            return false;
        }
        throw new InvalidInputException(field, "must be true or false");
    }

    /** The reader past a byte-order mark, if the text starts with one. */
    private static Reader withoutBom(Reader text) throws IOException {
        PushbackReader reader = new PushbackReader(text, 1);
        int first = reader.read();
        if (first >= 0 && first != '\uFEFF') {
            reader.unread(first);
        }
        return reader;
    }

    /** @param line the line the reader had reached */
    private static String describe(Throwable failure, long line) {
        String message = String.valueOf(failure.getMessage());
        String where = " (near line " + Math.max(1, line) + ")";
        if (failure instanceof CharacterCodingException) {
            return "the file is not UTF-8 text" + where + "; save it as UTF-8 and send it again";
        }
        if (message.contains("EOF reached before encapsulated token finished")) {
            return "a quoted cell is never closed" + where + "; every quote that opens a cell must close it";
        }
        if (message.contains("Invalid character between encapsulated token and delimiter")
                || message.contains("Invalid char between encapsulated token and delimiter")) {
            return "a quoted cell is followed by more text before the next comma" + where
                    + "; write a quote inside a quoted cell as two quotes (\"\")";
        }
        if (message.contains("duplicate name")) {
            return "the header names a column twice";
        }
        if (message.contains("header name is missing") || message.contains("empty")) {
            return "the header has a column without a name";
        }
        return "the file cannot be read as CSV" + where;
    }
}
