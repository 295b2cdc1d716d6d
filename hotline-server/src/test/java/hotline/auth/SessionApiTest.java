package hotline.auth;

import hotline.App;
import hotline.testing.ApiClient;
import hotline.testing.ApiResponse;
import hotline.testing.TestApp;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SessionApiTest {

    private static App app;

    @BeforeAll
    static void start() {
        app = TestApp.start();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static ApiResponse login(String username, String password) {
        return ApiClient.anonymous(app).post("/api/session",
                new JsonObject().put("username", username).put("password", password));
    }

    @Test
    @DisplayName("the first admin from admin.password logs in and gets a token, its user and an HttpOnly strict cookie")
    void adminLogsIn() {
        // when
        ApiResponse response = login("admin", TestApp.ADMIN_PASSWORD);

        // then
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().getString("token")).matches("[A-Za-z0-9_-]{43}");
        assertThat(response.json().getJsonObject("user").getString("role")).isEqualTo("admin");
        assertThat(response.body()).doesNotContain("password");
        String cookie = response.header("set-cookie");
        assertThat(cookie).startsWith("hotline_session=" + response.json().getString("token"))
                .containsIgnoringCase("HttpOnly").contains("SameSite=Strict").contains("Path=/");
    }

    @Test
    @DisplayName("a wrong password and an unknown user both get the same 401 and no cookie")
    void wrongPasswordIs401() {
        // when
        ApiResponse wrong = login("admin", "not-the-password");
        ApiResponse unknown = login("nobody", "not-the-password");

        // then
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrong.json().getString("error")).isEqualTo(unknown.json().getString("error"));
        assertThat(wrong.header("set-cookie")).isNull();
    }

    @Test
    @DisplayName("an API route without a token is 401 JSON")
    void noTokenIs401() {
        // when
        ApiResponse response = ApiClient.anonymous(app).get("/api/session");

        // then
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("content-type")).startsWith("application/json");
        assertThat(response.json().getString("error")).isNotBlank();
    }

    @Test
    @DisplayName("an unknown API path without a token is 401 too, so paths are not probed anonymously")
    void unknownPathWithoutTokenIs401() {
        // when
        ApiResponse response = ApiClient.anonymous(app).get("/api/no-such-thing");

        // then
        assertThat(response.status()).isEqualTo(401);
    }

    @Test
    @DisplayName("a malformed, unknown or injected bearer token is 401")
    void badTokenIs401() {
        for (String token : new String[]{"garbage", "A".repeat(43), "'; DROP TABLE sessions; --", ""}) {
            // when
            ApiResponse response = ApiClient.anonymous(app).get("/api/session", Map.of("Authorization", "Bearer " + token));

            // then
            assertThat(response.status()).as(token).isEqualTo(401);
            assertThat(response.json().getString("error")).isNotBlank();
        }
    }

    @Test
    @DisplayName("the session cookie alone authenticates a request")
    void cookieWorks() {
        // given
        String token = login("admin", TestApp.ADMIN_PASSWORD).json().getString("token");

        // when
        ApiResponse response = ApiClient.anonymous(app).get("/api/session", Map.of("Cookie", "hotline_session=" + token));

        // then
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().getString("username")).isEqualTo("admin");
    }

    @Test
    @DisplayName("a bearer token authenticates a request and GET /api/session names its user and role")
    void bearerWorks() {
        // given
        ApiClient agent = ApiClient.as(app, Role.AGENT);

        // when
        ApiResponse response = agent.get("/api/session");

        // then
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().getString("username")).isEqualTo(agent.user().getString("username"));
        assertThat(response.json().getString("role")).isEqualTo("agent");
    }

    @Test
    @DisplayName("after logout the token is refused at once, even though it was cached, and the cookie is cleared")
    void logoutInvalidates() {
        // given
        ApiClient agent = ApiClient.as(app, Role.AGENT);
        assertThat(agent.get("/api/session").status()).isEqualTo(200);

        // when
        ApiResponse logout = agent.delete("/api/session");

        // then
        assertThat(logout.status()).isEqualTo(204);
        assertThat(logout.header("set-cookie")).contains("hotline_session=").contains("Max-Age=0");
        assertThat(agent.get("/api/session").status()).isEqualTo(401);
    }
}
