package hotline.customer;

import hotline.common.InvalidInputException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CustomerDraftTest {

    static JsonObject valid() {
        return new JsonObject().put("accountNumber", "10020030").put("name", "张三").put("phones",
                new JsonArray().add("+86 138-0013-8000").add("0571 8765 4321").add("13800138000"))
                .put("waterUse", "residential").put("kind", "individual");
    }

    @Test
    @DisplayName("a valid draft keeps its text and normalises and de-duplicates its phones")
    void validDraft() {
        CustomerDraft draft = CustomerDraft.fromJson(valid().put("notes", "<b>'; DROP TABLE customers;--</b> 🚰"));

        assertThat(draft.phones()).containsExactly("13800138000", "057187654321");
        assertThat(draft.notes()).isEqualTo("<b>'; DROP TABLE customers;--</b> 🚰");
        assertThat(draft.tier()).isNull();
        assertThat(draft.address()).isEmpty();
    }

    @ParameterizedTest(name = "{0} = {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "accountNumber|12345|accountNumber",
            "accountNumber|1234567890123|accountNumber",
            "accountNumber|12a456|accountNumber",
            "name|'   '|name",
            "waterUse|farm|waterUse",
            "kind|robot|kind",
            "tier|gold|tier",
            "tier|key|tierReason",
            "criticalFacility|true|criticalReason",
            "criticalReason|hospital|criticalReason",
            "monthlyConsumption|-1|monthlyConsumption",
            "monthlyConsumption|1.234|monthlyConsumption"})
    @DisplayName("each broken rule is reported on its field")
    void brokenRules(String field, String value, String reported) {
        JsonObject json = valid();
        switch (field) {
            case "criticalFacility" -> json.put(field, Boolean.valueOf(value));
            case "monthlyConsumption" -> json.put(field, new BigDecimal(value));
            default -> json.put(field, value);
        }

        assertThatThrownBy(() -> CustomerDraft.fromJson(json)).isInstanceOf(InvalidInputException.class)
                .hasFieldOrPropertyWithValue("field", reported);
    }

    @Test
    @DisplayName("over-long text, wrong types and phone lists of the wrong size are rejected on their field")
    void lengthsAndTypes() {
        assertField(valid().put("name", "名".repeat(101)), "name");
        assertField(valid().put("notes", "x".repeat(2001)), "notes");
        assertField(valid().put("address", "路".repeat(301)), "address");
        assertField(valid().put("name", 42), "name");
        assertField(valid().put("phones", new JsonArray()), "phones");
        assertField(valid().put("phones", new JsonArray(List.of("1", "2", "3", "4", "5", "6"))), "phones");
        assertField(valid().put("phones", new JsonArray().add("call me")), "phones");
        assertField(valid().put("phones", "13800138000"), "phones");
        assertField(valid().putNull("phones"), "phones");
        // 100 emoji are 100 characters, not 200 UTF-16 units.
        assertThat(CustomerDraft.fromJson(valid().put("name", "🚰".repeat(100))).name()).hasSize(200);
    }

    @Test
    @DisplayName("a patch re-derives a rule-given tier when consumption changes, and keeps a manual one")
    void patchTier() {
        TierRules rules = new TierRules(Tier.ORDINARY, List.of(new TierRule("big", java.util.Set.of(),
                java.util.Set.of(), BigDecimal.valueOf(100), null, Tier.KEY)));
        Customer ruled = customer(Tier.ORDINARY, null);
        CustomerPatch patch = CustomerPatch.fromJson(new JsonObject().put("version", 1).put("monthlyConsumption", 500));

        Customer after = patch.applyTo(ruled, rules, Instant.EPOCH);
        assertThat(after.tier()).isEqualTo(Tier.KEY);
        assertThat(after.version()).isEqualTo(2);
        assertThat(ruled.changesTo(after).fieldNames()).containsExactlyInAnyOrder("tier", "monthlyConsumption");

        Customer manual = customer(Tier.SMALL, "agreed with the district office");
        assertThat(patch.applyTo(manual, rules, Instant.EPOCH).tier()).isEqualTo(Tier.SMALL);
    }

    @Test
    @DisplayName("a patch may not touch the account number or the tier, and needs the version it read")
    void patchLimits() {
        assertThatThrownBy(() -> CustomerPatch.fromJson(new JsonObject().put("version", 1).put("accountNumber", "123456")))
                .hasFieldOrPropertyWithValue("field", "accountNumber");
        assertThatThrownBy(() -> CustomerPatch.fromJson(new JsonObject().put("version", 1).put("tier", "key")))
                .hasFieldOrPropertyWithValue("field", "tier");
        assertThatThrownBy(() -> CustomerPatch.fromJson(new JsonObject().put("name", "x")))
                .hasFieldOrPropertyWithValue("field", "version");
        assertThatThrownBy(() -> CustomerPatch.fromJson(new JsonObject().put("version", 1).put("name", "")))
                .hasFieldOrPropertyWithValue("field", "name");
    }

    private static void assertField(JsonObject json, String field) {
        assertThatThrownBy(() -> CustomerDraft.fromJson(json)).isInstanceOf(InvalidInputException.class)
                .hasFieldOrPropertyWithValue("field", field);
    }

    private static Customer customer(Tier tier, String tierReason) {
        return new Customer(1, "10020030", "张三", List.of("13800138000"), "", "", WaterUse.RESIDENTIAL,
                CustomerKind.INDIVIDUAL, tier, tierReason, false, null, BigDecimal.TEN, "", 1, Instant.EPOCH, Instant.EPOCH);
    }
}
