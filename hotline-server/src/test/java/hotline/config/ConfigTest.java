package hotline.config;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigTest {

    private final JsonObject file = new JsonObject()
            .put("http", new JsonObject().put("port", 8080))
            .put("db", new JsonObject().put("poolSize", 16));

    @Test
    @DisplayName("an environment variable named after the dotted key overrides the file")
    void environmentOverridesFile() {
        Config config = new Config(file, Map.of("HOTLINE_HTTP_PORT", "9090", "HOTLINE_DB_POOL_SIZE", "4"));

        assertThat(config.port("http.port", 1)).isEqualTo(9090);
        assertThat(config.integer("db.poolSize", 1, 1, 100)).isEqualTo(4);
    }

    @Test
    @DisplayName("a missing setting takes the default given at the point of use")
    void defaultAtPointOfUse() {
        Config config = new Config(new JsonObject(), Map.of());

        assertThat(config.port("http.port", 8080)).isEqualTo(8080);
        assertThat(config.string("db.url")).isEmpty();
    }

    @Test
    @DisplayName("a malformed value fails with a message naming the setting and its variable")
    void malformedValueNamesTheSetting() {
        Config config = new Config(file, Map.of("HOTLINE_HTTP_PORT", "eighty"));

        assertThatThrownBy(() -> config.port("http.port", 8080))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("http.port")
                .hasMessageContaining("HOTLINE_HTTP_PORT");
        assertThatThrownBy(() -> new Config(file, Map.of("HOTLINE_HTTP_PORT", "70000")).port("http.port", 1))
                .hasMessageContaining("between 0 and 65535");
    }
}
