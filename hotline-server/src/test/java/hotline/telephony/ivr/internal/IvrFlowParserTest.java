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

    private static String flow(String nodes) {
        return "{ \"start\": \"main\", \"agent\": \"agent\", " + PROMPTS + ", \"nodes\": { " + nodes
                + ", \"agent\": { \"action\": \"to_queue\" } } }";
    }

    @Test
    @DisplayName("the shipped flows load from the class path with every prompt in Chinese and English")
    void shippedFlowsLoad() {
        var flows = IvrFlows.load(List.of("ivr", "survey"), null);

        assertThat(flows.get("ivr").start()).isEqualTo("identify");
        assertThat(flows.get("survey").start()).isEqualTo("ask");
        assertThat(flows.values().stream().flatMap(flow -> flow.prompts().values().stream())).allSatisfy(prompt -> {
            assertThat(prompt.zh()).isNotBlank();
            assertThat(prompt.en()).isNotBlank();
        });
    }

    @Test
    @DisplayName("an option that leads to a missing node fails naming the node and the option")
    void danglingEdge() {
        String text = flow("\"main\": { \"menu\": \"menu\", \"options\": { \"1\": \"nowhere\" } }");

        assertThatThrownBy(() -> IvrFlowParser.parse("test", text)).isInstanceOf(IvrFlowException.class)
                .hasMessageContaining("node 'main'").hasMessageContaining("options.1").hasMessageContaining("'nowhere'");
    }

    @Test
    @DisplayName("an action outcome left unhandled fails naming the outcome")
    void missingOutcome() {
        String text = flow("\"main\": { \"action\": \"lookup_caller\", \"with\": { \"by\": \"caller_id\" }, \"next\": { \"found\": \"agent\" } }");

        assertThatThrownBy(() -> IvrFlowParser.parse("test", text)).hasMessageContaining("next.not_found");
    }

    @Test
    @DisplayName("unknown actions, prompts, keys and out-of-range tries are refused")
    void otherMistakes() {
        assertThatThrownBy(() -> IvrFlowParser.parse("test", flow("\"main\": { \"action\": \"make_coffee\" }")))
                .hasMessageContaining("make_coffee");
        assertThatThrownBy(() -> IvrFlowParser.parse("test", flow("\"main\": { \"menu\": \"nope\", \"options\": { \"1\": \"agent\" } }")))
                .hasMessageContaining("prompt 'nope'");
        assertThatThrownBy(() -> IvrFlowParser.parse("test", flow("\"main\": { \"menu\": \"menu\", \"options\": { \"x\": \"agent\" } }")))
                .hasMessageContaining("'x' is not a key");
        assertThatThrownBy(() -> IvrFlowParser.parse("test", flow("\"main\": { \"menu\": \"menu\", \"tries\": 9, \"options\": { \"1\": \"agent\" } }")))
                .hasMessageContaining("tries");
        assertThatThrownBy(() -> IvrFlowParser.parse("test", "{ not json")).hasMessageContaining("not valid JSON");
    }

    @Test
    @DisplayName("a configured directory overrides the packaged flow")
    void directoryOverrides() throws Exception {
        Path dir = Files.createTempDirectory("flows");
        Files.writeString(dir.resolve("ivr.json"), flow("\"main\": { \"menu\": \"menu\", \"options\": { \"0\": \"agent\" } }"));

        IvrFlow flow = IvrFlows.load(List.of("ivr"), dir).get("ivr");

        assertThat(flow.start()).isEqualTo("main");
        assertThatThrownBy(() -> IvrFlows.load(List.of("survey"), dir)).hasMessageContaining("survey.json does not exist");
    }
}
