package hotline.notify;

import hotline.config.ConfigException;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NoticeTemplatesTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path dir;

    private void copyShippedWith(String key, String template) throws IOException {
        for (String language : new String[]{"zh", "en"}) {
            String file = "notices_" + language + ".properties";
            String text;
            try (var shipped = NoticeTemplatesTest.class.getClassLoader().getResourceAsStream("defaults/" + file)) {
                text = new String(shipped.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (language.equals("en") && key != null) {
                text = text.replaceAll("(?m)^" + key.replace(".", "\\.") + "=.*$", template == null ? ""
                        : java.util.regex.Matcher.quoteReplacement(key + "=" + template));
            }
            Files.writeString(dir.resolve(file), text, StandardCharsets.UTF_8);
        }
    }

    @Test
    @DisplayName("the shipped templates pass the start-up check and write times in the utility's zone")
    void shippedTemplates() {
        NoticeTemplates templates = NoticeTemplates.load(Optional.empty(), SHANGHAI);

        RenderedMessage mail = templates.render(NoticeKind.TICKET_RECEIVED, Language.EN, NoticeChannel.EMAIL,
                new JsonObject().put("number", "HL-20261130-000007").put("expectedAt", "2026-11-30T10:00:00Z"));

        assertThat(mail.subject()).isEqualTo("[Water hotline] Ticket HL-20261130-000007 received");
        assertThat(mail.body()).contains("resolve it by 2026-11-30 18:00");
    }

    @Test
    @DisplayName("a template naming a variable its kind does not provide stops the start, naming file, key and the variables it may use")
    void unknownVariableFailsAtStart() throws IOException {
        copyShippedWith("repair_done.sms", "Dear ${customerName}, ticket ${number} is repaired.");

        assertThatThrownBy(() -> NoticeTemplates.load(Optional.of(dir.toString()), SHANGHAI))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("notices_en.properties: repair_done.sms")
                .hasMessageContaining("it provides number")
                .hasMessageContaining("customerName");
    }

    @Test
    @DisplayName("a kind without one of its three templates stops the start")
    void missingTemplateFailsAtStart() throws IOException {
        copyShippedWith("supply_restored.subject", null);

        assertThatThrownBy(() -> NoticeTemplates.load(Optional.of(dir.toString()), SHANGHAI))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("notices_en.properties: supply_restored.subject: missing");
    }

    @Test
    @DisplayName("a notice lacking a declared variable fails that one message for good, at send time, with the name")
    void missingVariableFailsTheMessage() {
        NoticeTemplates templates = NoticeTemplates.load(Optional.empty(), SHANGHAI);

        assertThatThrownBy(() -> templates.render(NoticeKind.OUTAGE_EXTENDED, Language.ZH, NoticeChannel.SMS,
                new JsonObject().put("area", "东区")))
                .isInstanceOfSatisfying(SendFailure.class, failure -> assertThat(failure.permanent()).isTrue())
                .hasMessageContaining("'endsAt'");
    }
}
