package hotline.ticket;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class TicketTablesTest {

    private static final Path SOURCES = Path.of("src/main/java/hotline");
    /** Java's string literals and text blocks: where SQL is. */
    private static final Pattern STRINGS = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"",
            Pattern.DOTALL);
    /** SQL that reads or joins the ticket capability's own tables. */
    private static final Pattern OWN_TABLES = Pattern.compile("(?i)(\\bfrom|\\bjoin|,)\\s*(tickets|ticket_events|"
            + "idempotency_keys|ticket_number_days)\\b");

    @Test
    @DisplayName("other capabilities read tickets through the ticket capability's views (V25), never its tables")
    void othersReadTheViews() throws IOException {
        List<String> offenders;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            offenders = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> !file.startsWith(SOURCES.resolve("ticket")))
                    .filter(file -> OWN_TABLES.matcher(strings(file)).find())
                    .map(Path::toString).toList();
        }

        assertThat(offenders).as("files whose SQL reads the ticket tables; read ticket_facts or ticket_event_facts")
                .isEmpty();
    }

    private static String strings(Path file) {
        try {
            StringBuilder sql = new StringBuilder();
            Matcher literal = STRINGS.matcher(Files.readString(file));
            while (literal.find()) {
                sql.append(literal.group(literal.group(1) != null ? 1 : 2)).append('\n');
            }
            return sql.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
