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

/** Where a test browser saves its downloads (a temporary directory), and a downloaded CSV file read back. */
final class Downloads {

    private final Path directory;

    private Downloads(Path directory) {
        this.directory = directory;
    }

    /** Lets {@code browser} save downloads without asking, into a new temporary directory. */
    static Downloads of(Browser browser) throws IOException {
        Path directory = Files.createTempDirectory("hotline-downloads");
        browser.driver.executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", directory.toString()));
        return new Downloads(directory);
    }

    /** The finished CSV file whose name starts with {@code prefix}, or null while there is none. */
    Path csv(String prefix) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix) && f.toString().endsWith(".csv"))
                    .findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    /** Clicks {@code link} in {@code browser}, waits for the CSV it saves (named {@code prefix}…) and reads it. */
    List<CSVRecord> download(Browser browser, String link, String prefix) throws Exception {
        browser.find(link).click();
        browser.waitFor(() -> csv(prefix) != null);
        return records(csv(prefix));
    }

    /** The records of a CSV file, after checking that it starts with the UTF-8 byte-order mark. */
    static List<CSVRecord> records(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        try (CSVParser parser = CSVParser.parse(new StringReader(new String(bytes, 3, bytes.length - 3,
                StandardCharsets.UTF_8)), CSVFormat.RFC4180)) {
            return parser.getRecords();
        }
    }
}
