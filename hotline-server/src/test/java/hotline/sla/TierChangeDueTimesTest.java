package hotline.sla;

import hotline.App;
import hotline.auth.Role;
import hotline.testing.ApiClient;
import hotline.testing.ApiResponse;
import hotline.testing.HotlineServerExtension;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(HotlineServerExtension.class)
class TierChangeDueTimesTest {

    private static App app;

    @BeforeAll
    static void start(App started) {
        app = started;
    }

    @Test
    @DisplayName("a supervisor raising a customer to key tightens the due times of that customer's open complaint")
    void tierOverrideRecomputesDueTimes() throws Exception {
        ApiClient supervisor = ApiClient.as(app, Role.SUPERVISOR);
        long customerId = supervisor.post("/api/customers", new JsonObject()
                .put("accountNumber", "5500112233").put("name", "周建华").put("phones", new JsonArray().add("13912345678"))
                .put("waterUse", "residential").put("kind", "individual")).json().getLong("id");
        long ticketId = supervisor.post("/api/tickets", new JsonObject().put("type", "complaint")
                .put("subject", "营业厅工作人员态度差").put("customerId", customerId)).json().getLong("id");
        Instant before = resolutionDue(supervisor, ticketId);

        ApiResponse override = supervisor.post("/api/customers/" + customerId + "/tier",
                new JsonObject().put("tier", "key").put("reason", "人大代表，重点关注"));

        assertThat(override.status()).isEqualTo(200);
        assertThat(resolutionDue(supervisor, ticketId)).isBefore(before);
    }

    private static Instant resolutionDue(ApiClient client, long ticketId) throws Exception {
        JsonObject ticket = client.get("/api/tickets/" + ticketId).json();
        return Instant.parse(ticket.getJsonObject("sla").getString("resolutionDue"));
    }
}
