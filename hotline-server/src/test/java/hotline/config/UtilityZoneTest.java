package hotline.config;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UtilityZoneTest {

    @Test
    @DisplayName("the utility's zone is hotline.timezone, Asia/Shanghai when unset")
    void fromTheSettingOrShanghai() {
        Config set = new Config(new JsonObject().put("hotline", new JsonObject().put("timezone", "Asia/Urumqi")),
                Map.of());

        assertThat(UtilityZone.of(set)).isEqualTo(ZoneId.of("Asia/Urumqi"));
        assertThat(UtilityZone.of(new Config(new JsonObject(), Map.of()))).isEqualTo(ZoneId.of("Asia/Shanghai"));
    }

    @Test
    @DisplayName("a zone Java does not know fails start-up naming the setting and its variable")
    void unknownZoneNamesTheSetting() {
        Config config = new Config(new JsonObject(), Map.of("HOTLINE_HOTLINE_TIMEZONE", "Mars/Olympus"));

        assertThatThrownBy(() -> UtilityZone.of(config)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("hotline.timezone").hasMessageContaining("HOTLINE_HOTLINE_TIMEZONE")
                .hasMessageContaining("Mars/Olympus");
    }
}
