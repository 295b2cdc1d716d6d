package hotline.ticket.workflow;

import hotline.common.InvalidInputException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VisitAnswersTest {

    private static VisitAnswers read(JsonObject given) {
        return VisitAnswers.of(FieldSpec.readAll(VisitAnswers.FIELDS, given, "fields"), "fields");
    }

    private static JsonObject scores(int speed, int attitude, int result) {
        return new JsonObject().put("speed", speed).put("attitude", attitude).put("result", result).put("comment", "ok");
    }

    private static void refused(JsonObject given, String field) {
        assertThatThrownBy(() -> read(given)).isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo(field);
    }

    @ParameterizedTest(name = "speed {0}, attitude {1}, result {2} → overall {3}")
    @CsvSource({"4,4,5,4", "4,5,5,5", "1,2,2,2", "3,3,4,3", "5,5,5,5", "1,1,1,1"})
    @DisplayName("without an asked overall, it is the mean of speed, attitude and result rounded half up, marked derived")
    void derivedOverall(int speed, int attitude, int result, int overall) {
        JsonObject given = scores(speed, attitude, result);
        if (overall <= VisitAnswers.DISSATISFIED_UP_TO) {
            given.put("reasons", new JsonArray().add("slow"));
        }
        VisitAnswers answers = read(given);

        assertThat(answers.overall()).isEqualTo(overall);
        assertThat(answers.overallDerived()).isTrue();
        assertThat(answers.toJson().getInteger("satisfaction")).isEqualTo(overall);
    }

    @Test
    @DisplayName("an asked overall wins over the indicators and is not marked derived; the old {satisfaction, comment} still reads")
    void askedOverall() {
        VisitAnswers answers = read(scores(5, 5, 5).put("satisfaction", 3));
        assertThat(answers.overall()).isEqualTo(3);
        assertThat(answers.overallDerived()).isFalse();

        VisitAnswers old = read(new JsonObject().put("satisfaction", 4).put("comment", "好"));
        assertThat(old.toJson()).isEqualTo(new JsonObject().put("outcome", "answered").put("satisfaction", 4)
                .put("overallDerived", false).put("comment", "好"));
    }

    @Test
    @DisplayName("an overall neither asked nor derivable (an indicator missing) is refused naming fields.satisfaction")
    void overallMissing() {
        refused(new JsonObject().put("speed", 4).put("attitude", 4).put("comment", "x"), "fields.satisfaction");
    }

    @Test
    @DisplayName("a dissatisfied customer (1–2) must give a reason; a neutral or satisfied one may not")
    void reasonsGoWithDissatisfaction() {
        refused(new JsonObject().put("satisfaction", 2).put("comment", "x"), "fields.reasons");
        refused(new JsonObject().put("satisfaction", 3).put("comment", "x").put("reasons", new JsonArray().add("slow")),
                "fields.reasons");
        assertThat(read(new JsonObject().put("satisfaction", 1).put("comment", "x")
                .put("reasons", new JsonArray().add("slow").add("rude"))).reasons()).containsExactly("slow", "rude");
    }

    @Test
    @DisplayName("wrong shapes are refused by name: a score of 6, a reason repeated or not a code, an unknown field, text without a reason, no comment")
    void badShapes() {
        refused(new JsonObject().put("satisfaction", 6).put("comment", "x"), "fields.satisfaction");
        refused(scores(4, 0, 4), "fields.attitude");
        refused(new JsonObject().put("satisfaction", 1).put("comment", "x")
                .put("reasons", new JsonArray().add("slow").add("slow")), "fields.reasons");
        refused(new JsonObject().put("satisfaction", 1).put("comment", "x").put("reasons", "slow"), "fields.reasons");
        refused(new JsonObject().put("satisfaction", 1).put("comment", "x")
                .put("reasons", new JsonArray().add("=cmd()")), "fields.reasons");
        refused(new JsonObject().put("satisfaction", 4).put("comment", "x").put("mood", "calm"), "fields.mood");
        refused(new JsonObject().put("satisfaction", 4).put("comment", "x").put("reasonText", "why"), "fields.reasonText");
        refused(new JsonObject().put("satisfaction", 4), "fields.comment");
        refused(new JsonObject().put("outcome", "busy"), "fields.outcome");
    }

    @Test
    @DisplayName("an unreachable customer answered nothing: only a comment may go with it, and no comment is needed")
    void unreachable() {
        VisitAnswers answers = read(new JsonObject().put("outcome", "unreachable"));
        assertThat(answers.outcome()).isEqualTo(VisitAnswers.Outcome.UNREACHABLE);
        assertThat(answers.overall()).isNull();
        assertThat(answers.toJson()).isEqualTo(new JsonObject().put("outcome", "unreachable"));

        refused(new JsonObject().put("outcome", "unreachable").put("satisfaction", 3), "fields.satisfaction");
        refused(new JsonObject().put("outcome", "unreachable").put("speed", 3), "fields.speed");
    }

    @Test
    @DisplayName("without a prefix (the follow-up outcome API) the bare field is named")
    void barePrefix() {
        assertThatThrownBy(() -> VisitAnswers.of(FieldSpec.readAll(VisitAnswers.FIELDS,
                new JsonObject().put("satisfaction", 2).put("comment", "x"), ""), ""))
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("reasons");
    }
}
