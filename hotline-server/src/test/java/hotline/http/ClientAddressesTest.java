package hotline.http;

import hotline.config.Config;
import hotline.config.ConfigException;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientAddressesTest {

    private static ClientAddresses trusting(String proxies) {
        return new ClientAddresses(new Config(new JsonObject(), Map.of("HOTLINE_HTTP_TRUSTED_PROXIES", proxies)));
    }

    @Test
    @DisplayName("with no trusted proxy the client is the connection's peer, whatever X-Forwarded-For says")
    void noTrustedProxy() {
        ClientAddresses clients = new ClientAddresses(new Config(new JsonObject(), Map.of()));

        assertThat(clients.of("192.0.2.10", "203.0.113.7")).isEqualTo("192.0.2.10");
        assertThat(clients.of("192.0.2.10", null)).isEqualTo("192.0.2.10");
    }

    @Test
    @DisplayName("behind trusted proxies the client is the right-most X-Forwarded-For entry that is not one of them")
    void rightMostUntrustedEntry() {
        ClientAddresses clients = trusting("10.0.0.1, 10.0.0.2");

        assertThat(clients.of("10.0.0.1", "203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(clients.of("10.0.0.1", "203.0.113.7, 10.0.0.2")).isEqualTo("203.0.113.7");
        assertThat(clients.of("10.0.0.1", "6.6.6.6, 203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(clients.of("10.0.0.1", null)).isEqualTo("10.0.0.1");
        assertThat(clients.of("192.0.2.10", "203.0.113.7")).as("an untrusted peer").isEqualTo("192.0.2.10");
    }

    @Test
    @DisplayName("addresses compare in one spelling: ::1 and 0:0:0:0:0:0:0:1 are the same proxy")
    void ipv6Spellings() {
        assertThat(trusting("::1").of("0:0:0:0:0:0:0:1", "2001:db8::7")).isEqualTo("2001:db8:0:0:0:0:0:7");
    }

    @Test
    @DisplayName("a trusted proxy that is not an IP address fails start-up, naming the setting and its variable")
    void badSetting() {
        assertThatThrownBy(() -> trusting("10.0.0.1, proxy.example"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("http.trustedProxies")
                .hasMessageContaining("HOTLINE_HTTP_TRUSTED_PROXIES")
                .hasMessageContaining("'proxy.example'");
    }
}
