package hotline.billing.internal;

import hotline.config.Config;
import hotline.config.ConfigException;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BillingSettingsTest {

    private static BillingSettings read(JsonObject billing, Map<String, String> env) {
        return BillingSettings.read(new Config(new JsonObject().put("billing", billing), env));
    }

    @Test
    @DisplayName("without settings billing reads the ledger, caches a minute and flags twice the own average")
    void defaults() {
        BillingSettings settings = read(new JsonObject(), Map.of());

        assertThat(settings.source()).isEqualTo("ledger");
        assertThat(settings.cis()).isEmpty();
        assertThat(settings.cacheSeconds()).isEqualTo(60);
        assertThat(settings.leakFactorPercent()).isEqualTo(200);
    }

    @Test
    @DisplayName("the CIS comes from the file and the environment, and its secret never shows in a printout")
    void cis() {
        BillingSettings settings = read(new JsonObject().put("source", "cis")
                        .put("cis", new JsonObject().put("baseUrl", "https://cis.example/api/").put("authHeader", "X-Api-Key")),
                Map.of("HOTLINE_BILLING_CIS_AUTH_VALUE", "s3cret"));

        BillingSettings.Cis cis = settings.cis().orElseThrow();
        assertThat(cis.baseUrl()).hasToString("https://cis.example/api");
        assertThat(cis.authValue()).isEqualTo("s3cret");
        assertThat(cis.statementPath()).isEqualTo("/accounts/{account}/statement");
        assertThat(cis.toString()).doesNotContain("s3cret");
    }

    @Test
    @DisplayName("a bad setting stops start-up naming the setting and its environment variable")
    void badSettings() {
        assertThatThrownBy(() -> read(new JsonObject().put("source", "sap"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("billing.source (HOTLINE_BILLING_SOURCE)");
        assertThatThrownBy(() -> read(new JsonObject().put("source", "cis"), Map.of()))
                .hasMessageContaining("billing.cis.baseUrl").hasMessageContaining("is required");
        assertThatThrownBy(() -> read(new JsonObject().put("source", "cis").put("cis",
                new JsonObject().put("baseUrl", "ftp://cis.example")), Map.of()))
                .hasMessageContaining("billing.cis.baseUrl");
        assertThatThrownBy(() -> read(new JsonObject().put("source", "cis").put("cis",
                new JsonObject().put("baseUrl", "https://cis.example").put("readTimeoutMs", "soon")), Map.of()))
                .hasMessageContaining("billing.cis.readTimeoutMs");
        assertThatThrownBy(() -> read(new JsonObject().put("source", "cis").put("cis",
                new JsonObject().put("baseUrl", "https://cis.example").put("authHeader", "Authorization")), Map.of()))
                .hasMessageContaining("billing.cis.authValue");
        assertThatThrownBy(() -> read(new JsonObject().put("source", "cis").put("cis",
                new JsonObject().put("baseUrl", "https://cis.example").put("statementPath", "/accounts")), Map.of()))
                .hasMessageContaining("billing.cis.statementPath");
    }
}
