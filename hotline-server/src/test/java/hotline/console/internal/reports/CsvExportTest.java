package hotline.console.internal.reports;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvExportTest {

    private static List<CSVRecord> parse(byte[] file) throws IOException {
        String text = new String(Arrays.copyOfRange(file, 3, file.length), StandardCharsets.UTF_8);
        try (CSVParser parser = CSVParser.parse(new StringReader(text), CSVFormat.RFC4180)) {
            return parser.getRecords();
        }
    }

    @Test
    @DisplayName("the file starts with the UTF-8 byte-order mark and keeps Chinese text as UTF-8")
    void bom() throws IOException {
        byte[] file = CsvExport.write(List.of("片区", "工单数"), List.of(List.of("西湖", "12")));

        assertThat(Arrays.copyOf(file, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(parse(file).get(1).values()).containsExactly("西湖", "12");
    }

    @Test
    @DisplayName("commas, quotes and line breaks are quoted as RFC 4180 says, with CRLF between records")
    void quoting() throws IOException {
        byte[] file = CsvExport.write(List.of("a", "b"), List.of(List.of("王, 李", "say \"hi\"\nthen go")));
        String text = new String(file, StandardCharsets.UTF_8);

        assertThat(text).contains("\"王, 李\",\"say \"\"hi\"\"\nthen go\"\r\n").startsWith("\uFEFFa,b\r\n");
        assertThat(parse(file).get(1).values()).containsExactly("王, 李", "say \"hi\"\nthen go");
    }

    @Test
    @DisplayName("a cell a spreadsheet would run as a formula (=, +, -, @, tab, CR) is written as text behind an apostrophe")
    void formulas() throws IOException {
        String link = "=HYPERLINK(\"http://evil.example/x\",\"点我\")";
        byte[] file = CsvExport.write(List.of("坐席"), List.of(List.of(link), List.of("+1"), List.of("-2"),
                List.of("@SUM(A1)"), List.of("\tx"), List.of("\rx"), List.of("12"), List.of("a=b")));

        assertThat(parse(file).stream().skip(1).map(r -> r.get(0)).toList()).containsExactly("'" + link, "'+1", "'-2",
                "'@SUM(A1)", "'\tx", "'\rx", "12", "a=b");
    }
}
