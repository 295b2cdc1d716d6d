package hotline.console;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A browser's downloads go to a folder of their own; a CSV saved there is read as the reports write it. */
final class CsvDownloads {

    private final Path folder;

    CsvDownloads(Browser browser) throws IOException {
        folder = Files.createTempDirectory("hotline-downloads");
        browser.driver.executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", folder.toString()));
    }

    /** Clicks {@code link}, waits for the CSV and reads it, after checking it starts with the UTF-8 byte-order mark. */
    List<CSVRecord> download(Browser browser, String link) throws Exception {
        browser.find(link).click();
        browser.waitFor(() -> file() != null);
        byte[] bytes = Files.readAllBytes(file());
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        try (CSVParser parser = CSVParser.parse(new StringReader(new String(bytes, 3, bytes.length - 3,
                StandardCharsets.UTF_8)), CSVFormat.RFC4180)) {
            return parser.getRecords();
        }
    }

    private Path file() {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".csv")).findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }
}
