package hotline.console.internal;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's message bundles, read as the server reads them. */
class LangTest {

    private static final Path TEMPLATES = Path.of("../agent-console/src/main/resources/console/templates");
    /** A literal key: {@code m["desk.title"]}; keys built from a code ({@code m["state." + s]}) are not checked. */
    private static final Pattern LITERAL_KEY = Pattern.compile("m\\[\"([^\"]+)\"]");

    @Test
    @DisplayName("Chinese and English have the same keys, and no text is empty")
    void sameKeys() {
        assertThat(Lang.ZH.messages().keySet()).containsExactlyInAnyOrderElementsOf(Lang.EN.messages().keySet());
        for (Lang lang : Lang.values()) {
            assertThat(lang.messages()).as(lang.code()).allSatisfy((key, text) -> assertThat(text).as(key).isNotBlank());
        }
    }

    @Test
    @DisplayName("every key a template names literally has a text")
    void templatesNameKnownKeys() throws IOException {
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".ftlh")).toList()) {
                Matcher key = LITERAL_KEY.matcher(Files.readString(file));
                while (key.find()) {
                    if (!Lang.EN.messages().containsKey(key.group(1))) {
                        missing.add(TEMPLATES.relativize(file) + ": " + key.group(1));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }
}
