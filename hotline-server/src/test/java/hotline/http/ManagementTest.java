package hotline.http;

import hotline.App;
import hotline.auth.Role;
import hotline.testing.ApiClient;
import hotline.testing.ApiResponse;
import hotline.testing.HotlineServerExtension;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ManagementTest {

    @RegisterExtension
    static final HotlineServerExtension server = new HotlineServerExtension()
            .withSettings(new JsonObject().put("management", new JsonObject().put("port", 0)));
    private static App app;

    @BeforeAll
    static void start(App started) {
        app = started;
    }

    @Test
    @DisplayName("anonymous /health answers only the overall status, never its parts")
    void anonymousHealthIsASummary() {
        ApiResponse response = ApiClient.anonymous(app).get("/health");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json()).isEqualTo(new JsonObject().put("status", "UP"));
    }

    @Test
    @DisplayName("with the management token /health reports each part")
    void tokenSeesTheParts() {
        JsonObject health = ApiClient.management(app).get("/health").json();

        assertThat(health.getString("status")).isEqualTo("UP");
        assertThat(health.getJsonObject("checks").getJsonObject("database").getString("status")).isEqualTo("UP");
    }

    @Test
    @DisplayName("/metrics needs the management token: anonymous, a wrong token and even an admin session get 401")
    void metricsNeedTheToken() {
        ApiResponse anonymous = ApiClient.anonymous(app).get("/metrics");
        ApiResponse wrong = ApiClient.anonymous(app).get("/metrics", Map.of("Authorization", "Bearer not-it"));
        ApiResponse admin = ApiClient.as(app, Role.ADMIN).get("/metrics");
        ApiResponse monitor = ApiClient.management(app).get("/metrics");

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.json().getString("field")).isEqualTo("Authorization");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(admin.status()).isEqualTo(401);
        assertThat(monitor.status()).isEqualTo(200);
        assertThat(monitor.body()).contains("vertx_http_server_requests_total").contains("vertx_pool");
    }

    @Test
    @DisplayName("the management port on loopback serves the health parts and metrics without a token")
    void managementPort() throws Exception {
        int port = app.managementPort().orElseThrow();
        HttpClient http = HttpClient.newHttpClient();

        HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/health")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(new JsonObject(health.body()).getJsonObject("checks").containsKey("database")).isTrue();
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("vertx_pool");
    }
}
