package hotline.http;

import hotline.App;
import hotline.auth.Role;
import hotline.testing.ApiClient;
import hotline.testing.ApiResponse;
import hotline.testing.HotlineServerExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(HotlineServerExtension.class)
class ServerBasicsTest {

    private static App app;
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start(App started) {
        app = started;
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.httpPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @DisplayName("the API contract is served at /api/openapi.yaml")
    void contractIsServed() throws Exception {
        HttpResponse<String> response = get("/api/openapi.yaml");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("openapi: 3.1.0");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }

    @Test
    @DisplayName("an unknown API path is a JSON 404 for a logged-in user, not an HTML page")
    void unknownPathIsJson404() {
        ApiResponse response = ApiClient.as(app, Role.AGENT).get("/api/no-such-thing");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("content-type")).startsWith("application/json");
        assertThat(response.json().getString("error")).isNotBlank();
    }

    @Test
    @DisplayName("every API answer forbids sniffing, framing and running anything, refused ones too")
    void securityHeaders() {
        for (ApiResponse response : new ApiResponse[]{ApiClient.as(app, Role.AGENT).get("/api/session"),
                ApiClient.anonymous(app).get("/api/tickets"), ApiClient.anonymous(app).get("/health")}) {
            assertThat(response.header("x-content-type-options")).isEqualTo("nosniff");
            assertThat(response.header("x-frame-options")).isEqualTo("DENY");
            assertThat(response.header("referrer-policy")).isEqualTo("no-referrer");
            assertThat(response.header("content-security-policy")).contains("default-src 'none'")
                    .contains("frame-ancestors 'none'");
        }
    }
}
