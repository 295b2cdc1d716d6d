package hotline.console.internal.reports;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A table as a CSV file that Excel opens correctly with Chinese text: UTF-8 with a byte-order mark, RFC 4180 quoting
 * and CRLF line ends (Commons CSV), and no formula injection: a cell that starts with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a carriage return, which a spreadsheet would run as a formula, is written with a leading
 * apostrophe, so it reads as the text it is.
 */
public final class CsvExport {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private CsvExport() {
    }

    public static byte[] write(List<String> header, List<List<String>> rows) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(BOM);
        try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180)) {
            csv.printRecord(header.stream().map(CsvExport::neutralised).toList());
            for (List<String> row : rows) {
                csv.printRecord(row.stream().map(CsvExport::neutralised).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
        return bytes.toByteArray();
    }

    /** The cell as a spreadsheet should show it: text that would start a formula gets a leading apostrophe. */
    static String neutralised(String cell) {
        return !cell.isEmpty() && FORMULA_STARTS.indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }
}
