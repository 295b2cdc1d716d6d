package hotline.notify;

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
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

class ContactPreferencesApiTest {

    @RegisterExtension
    static final HotlineServerExtension server = new HotlineServerExtension();
    private static ApiClient agent;
    private static long customerId;

    @BeforeAll
    static void start(App app) {
        agent = ApiClient.as(app, Role.AGENT);
        ApiResponse created = agent.post("/api/customers", new JsonObject().put("accountNumber", "880000001")
                .put("name", "李四").put("phones", new JsonArray().add("13900001111")).put("waterUse", "residential")
                .put("kind", "individual"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        customerId = created.json().getLong("id");
    }

    private String path() {
        return "/api/customers/" + customerId + "/contact-preferences";
    }

    @Test
    @DisplayName("a customer who never chose is told in Chinese by SMS only; an agent stores an address, English and an SMS opt-out")
    void readAndChange() {
        ApiResponse before = agent.get(path());
        assertThat(before.status()).isEqualTo(200);
        assertThat(before.json().getString("language")).isEqualTo("zh");
        assertThat(before.json().getValue("email")).isNull();

        ApiResponse saved = agent.put(path(), new JsonObject().put("email", " li.si@water.example ").put("language", "en")
                .put("smsOptOut", true).put("emailOptOut", false));

        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(agent.get(path()).json()).isEqualTo(new JsonObject().put("customerId", customerId)
                .put("email", "li.si@water.example").put("language", "en").put("smsOptOut", true).put("emailOptOut", false));
    }

    @Test
    @DisplayName("an address that is no mailbox is refused with 422 naming the field, an unknown language by the contract with 400; nothing changes")
    void refusesBadInput() {
        ApiResponse email = agent.put(path(), new JsonObject().put("email", "Li <li@water.example>").put("language", "zh")
                .put("smsOptOut", false).put("emailOptOut", false));
        ApiResponse language = agent.put(path(), new JsonObject().put("email", null).put("language", "fr")
                .put("smsOptOut", false).put("emailOptOut", false));

        assertThat(email.status()).isEqualTo(422);
        assertThat(email.json().getString("field")).isEqualTo("email");
        assertThat(language.status()).isEqualTo(400);
        assertThat(language.body()).contains("language");
        assertThat(agent.get(path()).json().getString("email")).isNotEqualTo("Li <li@water.example>");
    }

    @Test
    @DisplayName("an unknown customer is a 404, and its notices list answers what was told, with each channel's status")
    void unknownCustomerAndNotices() {
        assertThat(agent.get("/api/customers/999999/contact-preferences").status()).isEqualTo(404);
        ApiResponse ticket = agent.post("/api/tickets", new JsonObject().put("type", "inquiry").put("subject", "水费咨询")
                .put("customerId", customerId));
        assertThat(ticket.status()).as(ticket.body()).isEqualTo(201);

        ApiResponse notices = agent.get("/api/customers/" + customerId + "/notices");

        assertThat(notices.status()).as(notices.body()).isEqualTo(200);
        JsonObject first = notices.json().getJsonArray("items").getJsonObject(0);
        assertThat(first.getString("kind")).isEqualTo("ticket_received");
        assertThat(first.getString("ticketNumber")).isEqualTo(ticket.json().getString("number"));
    }
}
