package hotline.cluster;

import hotline.config.Config;
import hotline.config.ConfigException;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClusterSettingsTest {

    private static ClusterSettings of(JsonObject cluster, Map<String, String> env) {
        return ClusterSettings.from(new Config(new JsonObject().put("cluster", cluster), env));
    }

    @Test
    @DisplayName("without cluster.enabled the instance runs alone and the other cluster settings are not even read")
    void offByDefault() {
        ClusterSettings settings = of(new JsonObject().put("port", "not a port"), Map.of());

        assertThat(settings.enabled()).isFalse();
    }

    @Test
    @DisplayName("the member list takes host or host:port, the port defaulting to cluster.port; multicast stays off")
    void membersParsed() {
        ClusterSettings settings = of(new JsonObject().put("enabled", true).put("name", "water-hotline")
                .put("members", " 10.0.0.1, 10.0.0.2:5801 ,").put("port", 5711), Map.of());

        assertThat(settings.members()).containsExactly(new ClusterSettings.Member("10.0.0.1", 5711),
                new ClusterSettings.Member("10.0.0.2", 5801));
        assertThat(settings.multicast()).isFalse();
        assertThat(settings.host()).isEqualTo("127.0.0.1");
        assertThat(settings.busPort()).isZero();
        assertThat(settings.memberTimeoutSeconds()).isEqualTo(10);
    }

    @Test
    @DisplayName("the environment switches the cluster on and names it, like every setting")
    void fromEnvironment() {
        ClusterSettings settings = of(new JsonObject(), Map.of("HOTLINE_CLUSTER_ENABLED", "true",
                "HOTLINE_CLUSTER_NAME", "hotline-east", "HOTLINE_CLUSTER_MEMBERS", "127.0.0.1:5701,127.0.0.1:5702"));

        assertThat(settings.enabled()).isTrue();
        assertThat(settings.name()).isEqualTo("hotline-east");
        assertThat(settings.members()).hasSize(2);
    }

    @Test
    @DisplayName("an enabled cluster without a name, without members, or with a malformed member fails start-up naming the setting")
    void badSettingsNamed() {
        JsonObject on = new JsonObject().put("enabled", true);
        assertThatThrownBy(() -> of(on.copy().put("members", "10.0.0.1"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("cluster.name (HOTLINE_CLUSTER_NAME)");
        assertThatThrownBy(() -> of(on.copy().put("name", "two words").put("members", "10.0.0.1"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("cluster.name");
        assertThatThrownBy(() -> of(on.copy().put("name", "h"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("cluster.members (HOTLINE_CLUSTER_MEMBERS)");
        assertThatThrownBy(() -> of(on.copy().put("name", "h").put("members", "10.0.0.1:http"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("cluster.members").hasMessageContaining("10.0.0.1:http");
        assertThatThrownBy(() -> of(on.copy().put("name", "h").put("members", "10.0.0.1").put("memberTimeoutSeconds", 1),
                Map.of())).isInstanceOf(ConfigException.class).hasMessageContaining("cluster.memberTimeoutSeconds");
        assertThatThrownBy(() -> of(on.copy().put("name", "h").put("members", "10.0.0.1").put("host", "a,b"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("cluster.host");
    }

    @Test
    @DisplayName("multicast may replace the member list, but only when asked for")
    void multicastOnlyWhenAsked() {
        ClusterSettings settings = of(new JsonObject().put("enabled", true).put("name", "h").put("multicast", true),
                Map.of());

        assertThat(settings.multicast()).isTrue();
        assertThat(settings.members()).isEmpty();
    }
}
