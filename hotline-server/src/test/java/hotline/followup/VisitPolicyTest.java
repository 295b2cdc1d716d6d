package hotline.followup;

import hotline.common.InvalidInputException;
import hotline.config.ConfigException;
import hotline.ticket.Priority;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VisitPolicyTest {

    /** The repository's conf/visits.json (the tests run in hotline-server/). */
    private static JsonObject shipped() throws Exception {
        return new JsonObject(Files.readString(Path.of("..", "conf", VisitPolicy.FILE)));
    }

    private static void refused(JsonObject file, String entry) {
        assertThatThrownBy(() -> VisitPolicy.parse(file)).isInstanceOf(ConfigException.class).hasMessageContaining(entry);
    }

    @Test
    @DisplayName("the shipped programme: 3 attempts, 2 hours apart; six reasons of which only 'other' is written down; a script per kind in both languages")
    void shippedProgramme() throws Exception {
        VisitPolicy policy = VisitPolicy.parse(shipped());

        assertThat(policy.unreachableAfterAttempts()).isEqualTo(3);
        assertThat(policy.retryAfter()).isEqualTo(Duration.ofHours(2));
        assertThat(policy.reasonCodes()).containsExactly("slow", "rude", "not_fixed", "repeat_fault", "billing_error", "other");
        assertThat(policy.reasons()).filteredOn(Reason::text).extracting(Reason::code).containsExactly("other");
        assertThat(policy.reason("not_fixed").orElseThrow().label("en")).isEqualTo("Problem not fixed");
        assertThat(policy.scripts()).containsOnlyKeys(FollowUp.Kind.values());
        assertThat(VisitPolicy.locate(Optional.empty())).isEqualTo(policy); // the copy shipped in the jar
    }

    @Test
    @DisplayName("a script's placeholders are filled from the call, in the viewer's language; an unknown value reads as a dash")
    void scriptFilled() throws Exception {
        CallScript complaint = VisitPolicy.parse(shipped()).scripts().get(FollowUp.Kind.COMPLAINT);

        assertThat(complaint.lines("zh", Map.of("customer", "王建国", "ticket", "HL-20261130-0001", "subject", "水费$1偏高")).getFirst())
                .startsWith("您好，请问是王建国吗？").contains("“水费$1偏高”（工单HL-20261130-0001）");
        assertThat(complaint.lines("en", Map.of()).getFirst()).startsWith("Hello, is that —?");
    }

    @Test
    @DisplayName("repairs get a call when any of priority, category, tier or critical facility is listed, and only then")
    void repairRule() throws Exception {
        RepairRule rule = VisitPolicy.parse(shipped()).repairs();

        assertThat(rule.applies(Priority.CRITICAL, null, null, false)).isTrue();
        assertThat(rule.applies(Priority.HIGH, "meter_leak", "small", false)).isTrue();
        assertThat(rule.applies(Priority.LOW, "burst_main", "ordinary", false)).isTrue();
        assertThat(rule.applies(Priority.NORMAL, null, "key", false)).isTrue();
        assertThat(rule.applies(Priority.LOW, null, "small", true)).isTrue();
        assertThat(rule.applies(Priority.NORMAL, "meter_leak", "ordinary", false)).isFalse();
        assertThat(rule.applies(Priority.LOW, null, null, false)).isFalse();
    }

    @Test
    @DisplayName("a bad programme is refused at start-up naming the entry: unknown priority, repeated reason, a placeholder a proactive call cannot fill, no attempts")
    void refusedAtStartUp() throws Exception {
        JsonObject file = shipped();
        refused(file.copy().put("repairs", new JsonObject().put("priorities", new JsonArray().add("urgent"))),
                "repairs.priorities");
        JsonObject twice = file.copy();
        twice.getJsonArray("reasons").add(new JsonObject().put("code", "slow").put("zh", "慢"));
        refused(twice, "reasons[6].code");
        JsonObject proactive = file.copy();
        proactive.getJsonObject("scripts").put("proactive", new JsonObject().put("zh", new JsonArray().add("工单{ticket}")));
        refused(proactive, "scripts.proactive.zh[0]");
        JsonObject typo = file.copy();
        typo.getJsonObject("scripts").getJsonObject("repair").put("en", new JsonArray().add("Hello {custmer}"));
        refused(typo, "scripts.repair.en[0]");
        refused(file.copy().put("unreachableAfterAttempts", 0), "unreachableAfterAttempts");
        refused(file.copy().put("reasons", new JsonArray()), "reasons");
    }

    @Test
    @DisplayName("reasons are checked against the list: an unknown code names reasons; 'other' needs its text, and text needs 'other'")
    void reasonsChecked() throws Exception {
        VisitPolicy policy = VisitPolicy.parse(shipped());
        JsonObject unknown = new JsonObject().put("reasons", new JsonArray().add("slow").add("weather"));
        assertThatThrownBy(() -> policy.checkReasons(unknown, "fields")).isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("fields.reasons");
        JsonObject otherBare = new JsonObject().put("reasons", new JsonArray().add("other"));
        assertThatThrownBy(() -> policy.checkReasons(otherBare, ""))
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("reasonText");
        JsonObject textAlone = new JsonObject().put("reasons", new JsonArray().add("slow")).put("reasonText", "why");
        assertThatThrownBy(() -> policy.checkReasons(textAlone, ""))
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("reasonText");

        policy.checkReasons(new JsonObject().put("reasons", new JsonArray().add("other").add("slow"))
                .put("reasonText", "抢修车挡了路"), "");
    }
}
