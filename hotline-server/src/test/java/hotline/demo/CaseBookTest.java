package hotline.demo;

import hotline.ticket.TicketType;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Month;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CaseBookTest {

    private static final CaseBook BOOK = CaseBook.load();
    private static final Pattern CJK = Pattern.compile("[\\u4e00-\\u9fff]");
    /** Words of a fixed pipe: a water-quality case never ends with one. */
    private static final Pattern PIPE_REPAIR = Pattern.compile("爆|管段|接口|抢修|repaired|burst|replaced|section");
    /** What each repair category's resolutions must speak of. */
    private static final Map<String, Pattern> FITTING = Map.of(
            "burst_main", Pattern.compile("管|main|pipe", Pattern.CASE_INSENSITIVE),
            "service_pipe_leak", Pattern.compile("管|接头|阀|pipe|joint|valve", Pattern.CASE_INSENSITIVE),
            "meter_leak", Pattern.compile("表|meter", Pattern.CASE_INSENSITIVE),
            "hydrant", Pattern.compile("消防栓|hydrant", Pattern.CASE_INSENSITIVE),
            "no_water", Pattern.compile("供水|无水|supply|water", Pattern.CASE_INSENSITIVE),
            "low_pressure", Pattern.compile("压|pressure", Pattern.CASE_INSENSITIVE),
            "water_quality", Pattern.compile("检测|检|冲洗|余氯|水质|合格|达标|tested|flush|chlorine|quality|compliant"
                    + "|standard|air", Pattern.CASE_INSENSITIVE));

    /** Every story of every case, several times over in each language (the seed makes it the same every run). */
    private static List<DemoCase> everyStory(TicketType type) {
        DemoText random = new DemoText(7);
        List<DemoCase> stories = new ArrayList<>();
        for (CaseBook.Scenario scenario : BOOK.scenarios(type)) {
            for (int i = 0; i < 40; i++) {
                stories.add(DemoCase.write(scenario, i % 2 == 1, random));
            }
        }
        return stories;
    }

    @Test
    @DisplayName("every case of every type words each text its workflow needs, Chinese in Chinese, English in English")
    void everyCaseWritesEveryText() {
        for (TicketType type : TicketType.values()) {
            assertThat(BOOK.scenarios(type)).as(type.code()).isNotEmpty();
            for (DemoCase story : everyStory(type)) {
                for (String name : CaseBook.TEXTS.get(type)) {
                    String text = story.text(name);
                    assertThat(text).as(story.scenario().name() + "." + name).isNotBlank().doesNotContain("{", "}");
                    if (story.english()) {
                        assertThat(CJK.matcher(text).find()).as(text).isFalse();
                    } else if (!name.equals("duplicate")) {
                        assertThat(CJK.matcher(text).find()).as(text).isTrue();
                    }
                }
            }
        }
    }

    @Test
    @DisplayName("a repair case ends with a resolution of its own category; no water-quality case ends with a pipe fixed")
    void resolutionsFitTheProblem() {
        for (DemoCase story : everyStory(TicketType.REPAIR)) {
            String resolution = story.text("resolution");
            assertThat(resolution).as(story.category()).containsPattern(FITTING.get(story.category()));
            if (story.category().equals("water_quality")) {
                assertThat(resolution).doesNotContainPattern(PIPE_REPAIR);
                assertThat(story.text("work")).doesNotContainPattern(PIPE_REPAIR);
            }
        }
        assertThat(FITTING).containsOnlyKeys(BOOK.scenarios(TicketType.REPAIR).stream()
                .map(CaseBook.Scenario::category).distinct().toList());
    }

    @Test
    @DisplayName("a chlorine smell is answered with a residual-chlorine test, not a repair")
    void chlorineSmellIsTested() {
        List<DemoCase> chlorine = everyStory(TicketType.REPAIR).stream()
                .filter(story -> story.scenario().name().equals("chlorine")).toList();

        assertThat(chlorine).isNotEmpty().allSatisfy(story -> {
            assertThat(story.text("subject") + story.text("statement")).containsPattern("氯|消毒|漂白|chlorine|bleach");
            assertThat(story.text("resolution")).containsPattern("余氯|[Cc]hlorine");
        });
    }

    @Test
    @DisplayName("stories of one case are worded differently, and the same seed words them the same")
    void variedAndDeterministic() {
        CaseBook.Scenario frozen = BOOK.scenarios(TicketType.REPAIR).stream()
                .filter(s -> s.name().equals("frozen")).findFirst().orElseThrow();
        Set<String> statements = new HashSet<>();
        DemoText random = new DemoText(1);
        for (int i = 0; i < 100; i++) {
            statements.add(DemoCase.write(frozen, false, random).text("statement"));
        }
        assertThat(statements).hasSizeGreaterThan(60);

        DemoText first = new DemoText(42);
        DemoText second = new DemoText(42);
        for (int i = 0; i < 50; i++) {
            TicketType type = TicketType.values()[i % TicketType.values().length];
            Month month = Month.of(1 + i % 12);
            assertThat(DemoCase.write(BOOK.pick(type, month, first), i % 3 == 0, first).texts())
                    .isEqualTo(DemoCase.write(BOOK.pick(type, month, second), i % 3 == 0, second).texts());
        }
    }

    @Test
    @DisplayName("pipes freeze in the cold months only, and every month has cases of every type")
    void seasons() {
        DemoText random = new DemoText(5);
        Set<String> july = new HashSet<>();
        Set<String> january = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            july.add(BOOK.pick(TicketType.REPAIR, Month.JULY, random).name());
            january.add(BOOK.pick(TicketType.REPAIR, Month.JANUARY, random).name());
        }
        assertThat(july).doesNotContain("frozen", "frozen_meter", "frost").contains("earthy");
        assertThat(january).contains("frozen", "frozen_meter", "frost").doesNotContain("earthy");
        for (Month month : Month.values()) {
            for (TicketType type : TicketType.values()) {
                assertThat(BOOK.pick(type, month, random).happensIn(month)).isTrue();
            }
        }
    }

    @Test
    @DisplayName("a slot filled once per story: the place named in the subject is the place in the statement")
    void slotFilledOnce() {
        CaseBook.Scenario frozen = BOOK.scenarios(TicketType.REPAIR).stream()
                .filter(s -> s.name().equals("frozen")).findFirst().orElseThrow();
        DemoText random = new DemoText(3);
        for (int i = 0; i < 40; i++) {
            DemoCase story = DemoCase.write(frozen, false, random);
            String subject = story.text("subject");
            if (subject.endsWith("水管冻裂") && !subject.equals("水管冻裂")) {
                String place = subject.substring(0, subject.length() - "水管冻裂".length());
                assertThat(story.text("statement")).contains(place);
            }
        }
    }

    private static JsonObject shippedBook() {
        try (InputStream in = CaseBook.class.getResourceAsStream(CaseBook.RESOURCE)) {
            return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    @DisplayName("a book with a gap is refused at start-up, naming the case and the missing text")
    void gapsAreRefused() {
        JsonObject book = shippedBook();
        book.getJsonObject("types").getJsonObject("inquiry").getJsonArray("kinds").getJsonObject(0)
                .getJsonArray("cases").getJsonObject(0).getJsonObject("en").remove("answer");

        assertThatThrownBy(() -> CaseBook.parse(book)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tariff").hasMessageContaining("en").hasMessageContaining("{answer}");

        JsonObject typo = shippedBook();
        typo.getJsonObject("types").getJsonObject("help").put("kind", new JsonObject());
        assertThatThrownBy(() -> CaseBook.parse(typo)).hasMessageContaining("unknown key kind");

        JsonObject unknownSlot = shippedBook();
        unknownSlot.getJsonObject("common").getJsonObject("zh").put("greeting", new JsonArray()
                .add("{nobody}"));
        assertThatThrownBy(() -> CaseBook.parse(unknownSlot)).hasMessageContaining("{nobody}");
    }
}
