package hotline.telephony.ami;

import hotline.App;
import hotline.telephony.peer.AmiPeer;
import hotline.telephony.peer.ManagerConf;
import hotline.testing.ApiClient;
import hotline.testing.Await;
import hotline.testing.TestApp;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The AMI link against an Asterisk whose manager user lacks a class Hotline needs. */
class AmiPermissionsTest {

    @Test
    @DisplayName("without write=reporting the resync is refused: the link stays down and health names the refused action")
    void resyncRefused() throws Exception {
        ManagerConf withoutReporting = ManagerConf.parse(ManagerConf.shippedText()
                .replace("write = agent,originate,reporting", "write = agent,originate"));
        try (AmiPeer peer = new AmiPeer(withoutReporting, "hotline", "s").start();
             App app = TestApp.start(new JsonObject().put("ami", new JsonObject().put("host", "127.0.0.1")
                     .put("port", peer.port()).put("user", "hotline").put("secret", "s")), Clock.systemUTC())) {

            Await.until(() -> ApiClient.management(app).get("/health").body().contains("Permission denied"),
                    Duration.ofSeconds(10));

            JsonObject ami = ApiClient.management(app).get("/health").json().getJsonObject("checks").getJsonObject("ami");
            assertThat(ami.getString("status")).isEqualTo("DOWN");
            assertThat(ami.getString("detail")).contains("CoreShowChannels").contains("Permission denied");
            assertThat(app.telephony().amiUp()).isFalse();
        }
    }
}
