package hotline.auth;

import hotline.App;
import hotline.testing.ApiClient;
import hotline.testing.ApiResponse;
import hotline.testing.HotlineServerExtension;
import hotline.testing.TestApp;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(HotlineServerExtension.class)
class SessionApiTest {

    private static App app;

    @BeforeAll
    static void start(App started) {
        app = started;
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
    @DisplayName("with auth.secureCookie the session cookie is marked Secure")
    void secureCookie() {
        try (App secure = TestApp.start(new JsonObject().put("auth", new JsonObject().put("secureCookie", true)),
                Clock.systemUTC())) {
            // when
            ApiResponse response = ApiClient.anonymous(secure).post("/api/session",
                    new JsonObject().put("username", "admin").put("password", TestApp.ADMIN_PASSWORD));

            // then
            assertThat(response.header("set-cookie")).containsIgnoringCase("; Secure");
            assertThat(login("admin", TestApp.ADMIN_PASSWORD).header("set-cookie")).doesNotContainIgnoringCase("secure");
        }
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

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "missing password  | {\"username\":\"admin\"}                                 | password",
            "missing username  | {\"password\":\"whatever-1\"}                           | username",
            "number as name    | {\"username\":42,\"password\":\"whatever-1\"}           | username",
            "over-long name    | {\"username\":\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\",\"password\":\"x\"} | username",
            "unknown field     | {\"username\":\"admin\",\"password\":\"x\",\"role\":\"admin\"} | role",
    })
    @DisplayName("a malformed log-in body is a 400 naming the field, and counts as no failure")
    void badLoginBody(String label, String body, String field) {
        // when
        ApiResponse response = ApiClient.anonymous(app).post("/api/session", body,
                Map.of("Content-Type", "application/json"));

        // then
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().getString("field")).isEqualTo(field);
    }

    @Test
    @DisplayName("a log-in body that is not JSON is a 400")
    void notJson() {
        assertThat(ApiClient.anonymous(app).post("/api/session", "username=admin",
                Map.of("Content-Type", "application/json")).status()).isEqualTo(400);
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
