package hotline.search;

import hotline.App;
import hotline.auth.Role;
import hotline.testing.ApiClient;
import hotline.testing.ApiResponse;
import hotline.testing.TestApp;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchCustomerChangeTest {

    @Test
    @DisplayName("Given a customer's ticket in the index, when the customer's name, phones and address change, then the ticket is found by the new ones within 1 second")
    void customerChangesReachTheIndex() throws InterruptedException {
        try (App app = TestApp.start()) {
            ApiClient agent = ApiClient.as(app, Role.AGENT);
            ApiResponse customer = agent.post("/api/customers", new JsonObject().put("accountNumber", "880001")
                    .put("name", "赵六").put("address", "东风路 1 号").put("phones", new JsonArray().add("13900001111"))
                    .put("waterUse", "residential").put("kind", "individual"));
            assertThat(customer.status()).as(customer.body()).isEqualTo(201);
            long customerId = customer.json().getLong("id");
            ApiResponse ticket = agent.post("/api/tickets", new JsonObject().put("type", "repair")
                    .put("customerId", customerId).put("subject", "水表漏水").put("description", "水表接口漏水"));
            assertThat(ticket.status()).as(ticket.body()).isEqualTo(201);
            long ticketId = ticket.json().getLong("id");
            SearchApiTest.millisUntilFound(agent, "赵六", ticketId);

            ApiResponse patched = agent.patch("/api/customers/" + customerId, new JsonObject().put("version", 1)
                    .put("name", "钱七").put("address", "光明大道 99 号").put("phones", new JsonArray().add("13722223333")));
            assertThat(patched.status()).as(patched.body()).isEqualTo(200);

            assertThat(SearchApiTest.millisUntilFound(agent, "钱七", ticketId)).isLessThan(1_000);
            assertThat(SearchApiTest.millisUntilFound(agent, "光明大道", ticketId)).isLessThan(1_000);
            assertThat(SearchApiTest.millisUntilFound(agent, "13722223333", ticketId)).isLessThan(1_000);
            assertThat(SearchCommitOrderTest.found(agent, "赵六", ticketId)).isFalse();
            assertThat(SearchCommitOrderTest.found(agent, "13900001111", ticketId)).isFalse();
        }
    }
}
