package hotline.telephony.ivr.internal;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IvrFlowParserTest {

    private static final String PROMPTS = """
            "prompts": { "menu": { "sound": "hotline/menu", "zh": "请按键", "en": "Press a key" } }""";

    private static final IvrSounds SOUNDS = IvrSounds.parse("test list", "# the sounds of these tests\nhotline/menu\n");

    private static String flow(String nodes) {
        return "{ \"start\": \"main\", \"agent\": \"agent\", " + PROMPTS + ", \"nodes\": { " + nodes
                + ", \"agent\": { \"action\": \"to_queue\" } } }";
    }

    @Test
    @DisplayName("the shipped flows load from the class path with every prompt in Chinese and English")
    void shippedFlowsLoad() {
        var flows = IvrFlows.load(List.of("ivr", "survey"), null, IvrSounds.load(null));

        assertThat(flows.get("ivr").start()).isEqualTo("identify");
        assertThat(flows.get("survey").start()).isEqualTo("ask");
        assertThat(flows.values().stream().flatMap(flow -> flow.prompts().values().stream())).allSatisfy(prompt -> {
            assertThat(prompt.zh()).isNotBlank();
            assertThat(prompt.en()).isNotBlank();
        });
    }

    @Test
    @DisplayName("the shipped sound list has every sound the shipped flows name, and the digits to read numbers out")
    void shippedSoundList() {
        IvrSounds shipped = IvrSounds.load(null);

        assertThat(shipped.names()).containsAll(IvrSounds.DIGITS).containsAll(IvrSounds.NUMBERS).containsAll(IvrSounds.DATES)
                .contains("hotline/choose-language", "hotline/agents-busy", "hotline/queue-periodic");
        assertThat(IvrFlows.load(List.of("ivr", "survey"), null, shipped).values().stream()
                .flatMap(flow -> flow.prompts().values().stream()).map(IvrFlow.Prompt::sound)).allMatch(shipped::has);
    }

    @Test
    @DisplayName("a prompt whose sound is not in the sound list fails at start-up naming the prompt, the sound and the list")
    void soundNotInList() {
        String text = "{ \"start\": \"main\", \"agent\": \"main\", \"prompts\": { \"hello\": { \"sound\": "
                + "\"hotline/hello\", \"zh\": \"你好\", \"en\": \"Hello\" } }, \"nodes\": { \"main\": { \"hangup\": \"hello\" } } }";

        assertThatThrownBy(() -> IvrFlowParser.parse("test", text, SOUNDS)).isInstanceOf(IvrFlowException.class)
                .hasMessageContaining("prompt hello").hasMessageContaining("'hotline/hello'").hasMessageContaining("test list");
    }

    @Test
    @DisplayName("reading digits out without the digit sounds in the list fails at start-up")
    void digitsNeedTheirSounds() {
        String text = flow("\"main\": { \"say\": \"menu\", \"digitsOf\": \"ticketDigits\", \"next\": \"agent\" }");

        assertThatThrownBy(() -> IvrFlowParser.parse("test", text, SOUNDS)).hasMessageContaining("node 'main'")
                .hasMessageContaining("digits/0 to digits/9");
    }

    @Test
    @DisplayName("numbers and dates to read out need the say commands' sounds, and a date a format in zh and en")
    void numbersAndDates() {
        IvrSounds all = IvrSounds.parse("full list", String.join("\n", IvrSounds.DATES) + "\nhotline/menu\n");
        String number = flow("\"main\": { \"say\": [\"menu\", { \"number\": \"balanceDue\", \"point\": \"menu\" }], \"next\": \"agent\" }");
        String date = flow("\"main\": { \"say\": [{ \"date\": \"paidOn\", \"format\": { \"zh\": \"YBd\" } }], \"next\": \"agent\" }");
        String badFormat = flow("\"main\": { \"say\": [{ \"date\": \"paidOn\", \"format\": { \"zh\": \"YBd\", \"en\": \"%Y-%m\" } }], \"next\": \"agent\" }");
        String strange = flow("\"main\": { \"say\": [{ \"money\": \"balanceDue\" }], \"next\": \"agent\" }");

        assertThat(IvrFlowParser.parse("test", number, all).nodes().get("main")).isEqualTo(new IvrFlow.Say(List.of(
                new IvrFlow.Play("menu"), new IvrFlow.NumberOf("balanceDue", "menu", null)), new IvrFlow.Edge("agent", false, java.util.Map.of())));
        assertThatThrownBy(() -> IvrFlowParser.parse("test", number, SOUNDS)).hasMessageContaining("say.number")
                .hasMessageContaining("test list");
        assertThatThrownBy(() -> IvrFlowParser.parse("test", date, all)).hasMessageContaining("node 'main'")
                .hasMessageContaining("en");
        assertThatThrownBy(() -> IvrFlowParser.parse("test", badFormat, all)).hasMessageContaining("say.date.format.en");
        assertThatThrownBy(() -> IvrFlowParser.parse("test", strange, all)).hasMessageContaining("digits, number, date");
    }

    @Test
    @DisplayName("an option that leads to a missing node fails naming the node and the option")
    void danglingEdge() {
        String text = flow("\"main\": { \"menu\": \"menu\", \"options\": { \"1\": \"nowhere\" } }");

        assertThatThrownBy(() -> IvrFlowParser.parse("test", text, SOUNDS)).isInstanceOf(IvrFlowException.class)
                .hasMessageContaining("node 'main'").hasMessageContaining("options.1").hasMessageContaining("'nowhere'");
    }

    @Test
    @DisplayName("an action outcome left unhandled fails naming the outcome")
    void missingOutcome() {
        String text = flow("\"main\": { \"action\": \"lookup_caller\", \"with\": { \"by\": \"caller_id\" }, \"next\": { \"found\": \"agent\" } }");

        assertThatThrownBy(() -> IvrFlowParser.parse("test", text, SOUNDS)).hasMessageContaining("next.not_found");
    }

    @Test
    @DisplayName("unknown actions, prompts, keys and out-of-range tries are refused")
    void otherMistakes() {
        assertThatThrownBy(() -> IvrFlowParser.parse("test", flow("\"main\": { \"action\": \"make_coffee\" }"), SOUNDS))
                .hasMessageContaining("make_coffee");
        assertThatThrownBy(() -> IvrFlowParser.parse("test", flow("\"main\": { \"menu\": \"nope\", \"options\": { \"1\": \"agent\" } }"), SOUNDS))
                .hasMessageContaining("prompt 'nope'");
        assertThatThrownBy(() -> IvrFlowParser.parse("test", flow("\"main\": { \"menu\": \"menu\", \"options\": { \"x\": \"agent\" } }"), SOUNDS))
                .hasMessageContaining("'x' is not a key");
        assertThatThrownBy(() -> IvrFlowParser.parse("test", flow("\"main\": { \"menu\": \"menu\", \"tries\": 9, \"options\": { \"1\": \"agent\" } }"), SOUNDS))
                .hasMessageContaining("tries");
        assertThatThrownBy(() -> IvrFlowParser.parse("test", "{ not json", SOUNDS)).hasMessageContaining("not valid JSON");
    }

    @Test
    @DisplayName("a configured directory overrides the packaged flow")
    void directoryOverrides() throws Exception {
        Path dir = Files.createTempDirectory("flows");
        Files.writeString(dir.resolve("ivr.json"), flow("\"main\": { \"menu\": \"menu\", \"options\": { \"0\": \"agent\" } }"));

        IvrFlow flow = IvrFlows.load(List.of("ivr"), dir, SOUNDS).get("ivr");

        assertThat(flow.start()).isEqualTo("main");
        assertThatThrownBy(() -> IvrFlows.load(List.of("survey"), dir, SOUNDS)).hasMessageContaining("survey.json does not exist");
    }
}
