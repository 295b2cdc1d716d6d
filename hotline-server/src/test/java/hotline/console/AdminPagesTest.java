package hotline.console;

import hotline.App;
import hotline.auth.Role;
import hotline.console.internal.Csrf;
import hotline.testing.ApiClient;
import hotline.testing.ApiResponse;
import hotline.testing.HotlineServerExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The administration pages over HTTP, as htmx sends their forms: answers, refusals and the cross-site check. */
@ExtendWith(HotlineServerExtension.class)
class AdminPagesTest {

    private static App app;
    private static ApiClient admin;

    @BeforeAll
    static void start(App started) {
        app = started;
        admin = ApiClient.as(app, Role.ADMIN);
    }

    /** A form posted from a page of this server with the session's CSRF token, as htmx does. */
    private static ApiResponse post(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream().map(field -> field.getKey() + "="
                + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return admin.post(path, body, Map.of("Content-Type", "application/x-www-form-urlencoded",
                "Origin", "http://127.0.0.1:" + app.httpPort(), "HX-Request", "true",
                Csrf.HEADER, Csrf.token(admin.token())));
    }

    @Test
    @DisplayName("a new user from the form is created and answered with the form again, telling the list to reload")
    void creates() {
        ApiResponse created = post("/admin/users", Map.of("username", "desk7", "displayName", "坐席七", "role", "agent",
                "phoneInterface", "PJSIP/desk7", "password", ""));

        assertThat(created.status()).as(created.body()).isEqualTo(200);
        assertThat(created.header("HX-Trigger")).isEqualTo("users-changed");
        assertThat(created.body()).contains("desk7").contains("temporary-password");
        assertThat(admin.get("/admin/users/rows?q=desk7").body()).contains("坐席七").contains("PJSIP/desk7");
    }

    @Test
    @DisplayName("a refused form is 422 or 409 with the message next to its field; the typed text comes back, the password never")
    void refuses() {
        ApiResponse guessable = post("/admin/users", Map.of("username", "desk8", "displayName", "坐席八", "role", "agent",
                "phoneInterface", "", "password", "password1"));
        ApiResponse taken = post("/admin/users", Map.of("username", admin.user().getString("username"),
                "displayName", "", "role", "agent", "phoneInterface", "", "password", ""));
        ApiResponse badRole = post("/admin/users", Map.of("username", "desk9", "role", "boss", "password", ""));

        assertThat(guessable.status()).isEqualTo(422);
        assertThat(guessable.body()).contains("id=\"password-error\"").contains("value=\"desk8\"")
                .doesNotContain("password1");
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.body()).contains("id=\"username-error\"");
        assertThat(badRole.status()).isEqualTo(422);
        assertThat(badRole.body()).contains("id=\"role-error\"");
        assertThat(admin.get("/admin/users/rows?q=desk8").body()).doesNotContain("desk8");
    }

    @Test
    @DisplayName("an unknown user is 404, a bad filter 422, and a form without the CSRF token 403")
    void refusals() {
        ApiResponse unknown = admin.get("/admin/users/999999");
        ApiResponse badFilter = admin.get("/admin/users?role=boss");
        ApiResponse noToken = admin.post("/admin/users", "username=x&role=agent",
                Map.of("Content-Type", "application/x-www-form-urlencoded", "Origin", "http://127.0.0.1:" + app.httpPort()));

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(badFilter.status()).isEqualTo(422);
        assertThat(noToken.status()).isEqualTo(403);
        assertThat(post("/admin/users/999999/active", Map.of("active", "false")).status()).isEqualTo(404);
    }

    @Test
    @DisplayName("the last active admin cannot be deactivated from the page: 409 next to the access form")
    void lastAdmin() {
        long self = admin.user().getLong("id");
        ApiResponse first = ApiClient.login(app, "admin", hotline.testing.TestApp.ADMIN_PASSWORD).get("/api/session");
        long firstAdmin = first.json().getLong("id");
        assertThat(post("/admin/users/" + firstAdmin + "/active", Map.of("active", "false")).status()).isEqualTo(200);

        ApiResponse refused = post("/admin/users/" + self + "/active", Map.of("active", "false"));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("id=\"active-error\"");
        assertThat(post("/admin/users/" + firstAdmin + "/active", Map.of("active", "true")).status()).isEqualTo(200);
    }

    @Test
    @DisplayName("a rebuild started from the page answers its progress at once; a second start meanwhile is 409 on the page")
    void reindexFromThePage() {
        ApiResponse started;
        ApiResponse again;
        try (var hold = hotline.testing.ReindexHold.on(app)) {
            started = post("/admin/reindex", Map.of());
            again = post("/admin/reindex", Map.of());
        }

        assertThat(started.status()).isEqualTo(200);
        assertThat(started.body()).contains("data-state=\"starting\"").contains("hx-trigger=\"every 1s\"");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("id=\"reindex-refused\"");
    }
}
