package hotline.search;

import hotline.search.internal.CaseTexts;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CaseTextsTest {

    @Test
    @DisplayName("Workflow texts are collected from details and events; the last resolution and satisfaction win")
    void collectsTextsResolutionAndSatisfaction() {
        JsonObject details = new JsonObject()
                .put("vent", new JsonObject().put("statement", "物业一直推诿，三天没人来修").put("calm", true))
                .put("record", new JsonObject().put("keyPoints", new JsonArray().add("漏水").add("x")));
        List<JsonObject> events = List.of(
                new JsonObject().put("resolve", new JsonObject().put("solution", "先关总阀")),
                new JsonObject().put("resolution", "更换接头，已修复"),
                new JsonObject().put("satisfaction", 9),
                new JsonObject().put("followUp", new JsonObject().put("satisfaction", 4).put("comment", "师傅很快")));

        CaseTexts.Found found = CaseTexts.of(details, events);

        assertThat(found.texts()).containsExactly("物业一直推诿，三天没人来修", "漏水", "先关总阀", "更换接头，已修复", "师傅很快");
        assertThat(found.resolution()).isEqualTo("更换接头，已修复");
        assertThat(found.satisfaction()).isEqualTo(4);
    }

    @Test
    @DisplayName("An inquiry's answer and a request's closing note are how those tickets were resolved")
    void answerAndNoteResolve() {
        assertThat(CaseTexts.of(new JsonObject(), List.of(new JsonObject()
                .put("answer", new JsonObject().put("answer", "户号印在账单左上角")))).resolution())
                .isEqualTo("户号印在账单左上角");
        assertThat(CaseTexts.of(new JsonObject(), List.of(new JsonObject()
                .put("close", new JsonObject().put("note", "已派人上门协助关闭总阀")))).resolution())
                .isEqualTo("已派人上门协助关闭总阀");
    }

    @Test
    @DisplayName("A ticket without workflow data has no texts, resolution or satisfaction")
    void empty() {
        CaseTexts.Found found = CaseTexts.of(new JsonObject(), List.of());
        assertThat(found.texts()).isEmpty();
        assertThat(found.resolution()).isNull();
        assertThat(found.satisfaction()).isNull();
    }
}
