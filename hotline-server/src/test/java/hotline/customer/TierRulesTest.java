package hotline.customer;

import hotline.config.Config;
import hotline.config.ConfigException;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TierRulesTest {

    /** The repository's own rule file (tests run in the hotline-server module). */
    private static final TierRules SHIPPED = TierRules.load(new Config(
            new JsonObject().put("customers", new JsonObject().put("tierRules", "../conf/tiers.json")), Map.of()));

    @ParameterizedTest(name = "{0} {1} at {2} m³ -> {3}")
    @CsvSource(nullValues = "-", value = {
            "PUBLIC,ORGANISATION,300,KEY",
            "PUBLIC,ORGANISATION,299.99,ORDINARY",
            "INDUSTRIAL,ORGANISATION,1000,KEY",
            "INDUSTRIAL,ORGANISATION,999,ORDINARY",
            "COMMERCIAL,ORGANISATION,2500,KEY",
            "RESIDENTIAL,INDIVIDUAL,12,ORDINARY",
            "RESIDENTIAL,INDIVIDUAL,2.5,SMALL",
            "RESIDENTIAL,INDIVIDUAL,-,ORDINARY",
            "PUBLIC,ORGANISATION,-,ORDINARY",
            "COMMERCIAL,INDIVIDUAL,0,SMALL"})
    @DisplayName("the shipped conf/tiers.json gives institutions and large consumers key, tiny consumers small")
    void shippedRules(WaterUse waterUse, CustomerKind kind, BigDecimal consumption, Tier expected) {
        assertThat(SHIPPED.tierFor(waterUse, kind, consumption)).isEqualTo(expected);
    }

    @Test
    @DisplayName("the first matching rule wins and no match gives the default")
    void firstMatchWins() {
        TierRules rules = TierRules.parse(new JsonObject("""
                {"default": "small", "rules": [
                  {"name": "organisations", "kind": ["organisation"], "tier": "key"},
                  {"name": "everyone from 10", "minConsumption": 10, "tier": "ordinary"}]}"""), "test");

        assertThat(rules.tierFor(WaterUse.RESIDENTIAL, CustomerKind.ORGANISATION, BigDecimal.ONE)).isEqualTo(Tier.KEY);
        assertThat(rules.tierFor(WaterUse.RESIDENTIAL, CustomerKind.INDIVIDUAL, BigDecimal.TEN)).isEqualTo(Tier.ORDINARY);
        assertThat(rules.tierFor(WaterUse.RESIDENTIAL, CustomerKind.INDIVIDUAL, BigDecimal.ONE)).isEqualTo(Tier.SMALL);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "{\"default\": \"gold\", \"rules\": []}|test: default: expected one of [key, ordinary, small], got gold",
            "{\"default\": \"key\"}|test: rules: expected a list of rules",
            "{\"default\": \"key\", \"rules\": [], \"extra\": 1}|test: unknown entry 'extra'",
            "{\"default\": \"key\", \"rules\": [{\"name\": \"a\", \"tier\": \"vip\"}]}|test: rules[0].tier: expected one of",
            "{\"default\": \"key\", \"rules\": [{\"tier\": \"key\"}]}|test: rules[0].name: a name",
            "{\"default\": \"key\", \"rules\": [{\"name\": \"a\", \"tier\": \"key\", \"waterUse\": [\"farm\"]}]}|test: rules[0].waterUse[0]",
            "{\"default\": \"key\", \"rules\": [{\"name\": \"a\", \"tier\": \"key\", \"kind\": []}]}|test: rules[0].kind: expected a non-empty list",
            "{\"default\": \"key\", \"rules\": [{\"name\": \"a\", \"tier\": \"key\", \"minConsumption\": -1}]}|test: rules[0].minConsumption",
            "{\"default\": \"key\", \"rules\": [{\"name\": \"a\", \"tier\": \"key\", \"minConsumption\": 5, \"maxConsumption\": 5}]}|test: rules[0]: minConsumption must be below",
            "{\"default\": \"key\", \"rules\": [{\"name\": \"a\", \"tier\": \"key\", \"min\": 5}]}|test: rules[0].min: unknown entry"})
    @DisplayName("a bad rule file fails with a message naming the bad entry")
    void badFileNamesEntry(String json, String message) {
        assertThatThrownBy(() -> TierRules.parse(new JsonObject(json), "test"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    @DisplayName("a configured rule file that does not exist fails start-up")
    void missingConfiguredFile() {
        Config config = new Config(new JsonObject().put("customers", new JsonObject().put("tierRules", "no/such.json")), Map.of());

        assertThatThrownBy(() -> TierRules.load(config)).isInstanceOf(ConfigException.class).hasMessageContaining("no/such.json");
    }
}
