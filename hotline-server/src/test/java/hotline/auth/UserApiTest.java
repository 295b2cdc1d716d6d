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
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(HotlineServerExtension.class)
class UserApiTest {

    private static final AtomicInteger NAMES = new AtomicInteger();
    private static App app;
    private static ApiClient admin;

    @BeforeAll
    static void start(App started) {
        app = started;
        admin = ApiClient.login(app, "admin", TestApp.ADMIN_PASSWORD);
    }

    private static String freshName() {
        return "user" + NAMES.incrementAndGet();
    }

    private static JsonObject newUser(String username) {
        return new JsonObject().put("username", username).put("displayName", "张三 <b>'x'</b> 🚰")
                .put("role", "agent").put("password", "river-valve-tangerine-9");
    }

    private static long createUser(String username) {
        ApiResponse created = admin.post("/api/users", newUser(username));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().getLong("id");
    }

    @Test
    @DisplayName("an admin creates a user who can then log in; the answer has no password and round-trips the name")
    void createAndLogIn() {
        // given
        String username = freshName();

        // when
        ApiResponse created = admin.post("/api/users", newUser(username).put("phoneInterface", "PJSIP/" + username));

        // then
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("location")).isEqualTo("/api/users/" + created.json().getLong("id"));
        assertThat(created.json().getString("displayName")).isEqualTo("张三 <b>'x'</b> 🚰");
        assertThat(created.json().getString("phoneInterface")).isEqualTo("PJSIP/" + username);
        assertThat(created.body()).doesNotContainIgnoringCase("password");
        assertThat(ApiClient.login(app, username, "river-valve-tangerine-9").get("/api/session").json().getString("username"))
                .isEqualTo(username);
    }

    @Test
    @DisplayName("GET /api/users lists every user and GET /api/users/{id} shows one")
    void listAndGet() {
        // given
        String username = freshName();
        long id = createUser(username);

        // when
        ApiResponse list = admin.get("/api/users");
        ApiResponse one = admin.get("/api/users/" + id);

        // then
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.jsonArray().stream().map(user -> ((JsonObject) user).getString("username")))
                .contains("admin", username);
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().getString("username")).isEqualTo(username);
    }

    @Test
    @DisplayName("an unknown user id is 404 and a non-numeric one is 400 naming id")
    void unknownId() {
        assertThat(admin.get("/api/users/999999").status()).isEqualTo(404);
        assertThat(admin.patch("/api/users/999999", Map.of("active", false)).status()).isEqualTo(404);
        ApiResponse bad = admin.get("/api/users/abc");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().getString("field")).isEqualTo("id");
    }

    @Test
    @DisplayName("agents and supervisors get 403 on every users operation, anonymous callers 401")
    void onlyAdmins() {
        for (Role role : new Role[]{Role.AGENT, Role.SUPERVISOR}) {
            ApiClient client = ApiClient.as(app, role);
            long own = client.user().getLong("id");

            assertThat(client.get("/api/users").status()).as(role.code()).isEqualTo(403);
            assertThat(client.get("/api/users/" + own).status()).isEqualTo(403);
            assertThat(client.post("/api/users", newUser(freshName())).status()).isEqualTo(403);
            ApiResponse promote = client.patch("/api/users/" + own, Map.of("role", "admin"));
            assertThat(promote.status()).isEqualTo(403);
            assertThat(promote.json().getString("error")).isNotBlank();
        }
        assertThat(ApiClient.anonymous(app).get("/api/users").status()).isEqualTo(401);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "missing username    | {\"role\":\"agent\",\"password\":\"river-valve-tangerine-9\"}                         | username",
            "missing role        | {\"username\":\"nobody1\",\"password\":\"river-valve-tangerine-9\"}                   | role",
            "missing password    | {\"username\":\"nobody1\",\"role\":\"agent\"}                              | password",
            "unknown role        | {\"username\":\"nobody1\",\"role\":\"boss\",\"password\":\"river-valve-tangerine-9\"} | role",
            "short password      | {\"username\":\"nobody1\",\"role\":\"agent\",\"password\":\"1234567\"}     | password",
            "username as number  | {\"username\":12345,\"role\":\"agent\",\"password\":\"river-valve-tangerine-9\"}      | username",
            "upper-case username | {\"username\":\"Nobody\",\"role\":\"agent\",\"password\":\"river-valve-tangerine-9\"} | username",
            "too short username  | {\"username\":\"ab\",\"role\":\"agent\",\"password\":\"river-valve-tangerine-9\"}     | username",
            "unknown field       | {\"username\":\"nobody1\",\"role\":\"agent\",\"password\":\"river-valve-tangerine-9\",\"admin\":true} | admin",
            "bad phone interface | {\"username\":\"nobody1\",\"role\":\"agent\",\"password\":\"river-valve-tangerine-9\",\"phoneInterface\":\"1001\"} | phoneInterface",
    })
    @DisplayName("a bad new user is a 400 naming the field, and nothing is created")
    void badNewUser(String label, String body, String field) {
        // when
        ApiResponse response = admin.post("/api/users", body, Map.of("Content-Type", "application/json"));

        // then
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().getString("field")).as(response.body()).isEqualTo(field);
        assertThat(admin.get("/api/users").body()).doesNotContain("nobody1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345678", "password", "        ", "qwertyuiop"})
    @DisplayName("a guessable password is a 422 naming password on create and on reset")
    void guessablePassword(String password) {
        // when
        ApiResponse create = admin.post("/api/users", newUser("nobody1").put("password", password));
        ApiResponse reset = admin.patch("/api/users/" + createUser(freshName()),
                new JsonObject().put("password", password).encode(), Map.of("Content-Type", "application/json"));

        // then
        assertThat(create.status()).as(create.body()).isEqualTo(422);
        assertThat(create.json().getString("field")).isEqualTo("password");
        assertThat(reset.status()).as(reset.body()).isEqualTo(422);
        assertThat(reset.json().getString("field")).isEqualTo("password");
    }

    @Test
    @DisplayName("a password built from the user's own name is a 422 naming password on create and on reset")
    void passwordFromOwnName() {
        String username = freshName();
        long id = createUser(username);

        ApiResponse create = admin.post("/api/users", newUser("nobody1").put("password", "nobody1-again"));
        ApiResponse reset = admin.patch("/api/users/" + id, new JsonObject().put("password", username + "-again")
                .encode(), Map.of("Content-Type", "application/json"));

        assertThat(create.status()).as(create.body()).isEqualTo(422);
        assertThat(create.json().getString("field")).isEqualTo("password");
        assertThat(reset.status()).as(reset.body()).isEqualTo(422);
    }

    @Test
    @DisplayName("malformed JSON and a JSON array are 400")
    void malformedBody() {
        assertThat(admin.post("/api/users", "{\"username\":", Map.of("Content-Type", "application/json")).status())
                .isEqualTo(400);
        assertThat(admin.post("/api/users", "[]", Map.of("Content-Type", "application/json")).status())
                .isEqualTo(400);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "empty change       | {}                                 | body",
            "active as text     | {\"active\":\"no\"}                | active",
            "unknown role       | {\"role\":\"root\"}                | role",
            "short password     | {\"password\":\"short\"}           | password",
            "empty display name | {\"displayName\":\"\"}             | displayName",
            "unknown field      | {\"username\":\"renamed\"}         | username",
    })
    @DisplayName("a bad change is a 400 naming the field")
    void badChange(String label, String body, String field) {
        // given
        long id = createUser(freshName());

        // when
        ApiResponse response = admin.patch("/api/users/" + id, body, Map.of("Content-Type", "application/json"));

        // then
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().getString("field")).as(response.body()).isEqualTo(field);
    }

    @Test
    @DisplayName("a taken user name or phone is 409 naming the field")
    void conflicts() {
        // given
        String username = freshName();
        long id = createUser(username);
        assertThat(admin.patch("/api/users/" + id, Map.of("phoneInterface", "PJSIP/7" + id)).status()).isEqualTo(200);

        // when
        ApiResponse sameName = admin.post("/api/users", newUser(username));
        ApiResponse samePhone = admin.post("/api/users", newUser(freshName()).put("phoneInterface", "PJSIP/7" + id));

        // then
        assertThat(sameName.status()).isEqualTo(409);
        assertThat(sameName.json().getString("field")).isEqualTo("username");
        assertThat(samePhone.status()).isEqualTo(409);
        assertThat(samePhone.json().getString("field")).isEqualTo("phoneInterface");
    }

    @Test
    @DisplayName("a deactivated user's session stops at once and the user can no longer log in")
    void deactivation() {
        // given
        ApiClient agent = ApiClient.as(app, Role.AGENT);
        assertThat(agent.get("/api/session").status()).isEqualTo(200);

        // when
        ApiResponse change = admin.patch("/api/users/" + agent.user().getLong("id"), Map.of("active", false));

        // then
        assertThat(change.status()).isEqualTo(200);
        assertThat(change.json().getBoolean("active")).isFalse();
        assertThat(agent.get("/api/session").status()).isEqualTo(401);
        assertThat(ApiClient.anonymous(app).post("/api/session", Map.of(
                "username", agent.user().getString("username"), "password", ApiClient.PASSWORD)).status())
                .isEqualTo(401);
    }

    @Test
    @DisplayName("a password reset ends the old sessions and the new password works")
    void passwordReset() {
        // given
        ApiClient agent = ApiClient.as(app, Role.AGENT);
        String username = agent.user().getString("username");

        // when
        ApiResponse change = admin.patch("/api/users/" + agent.user().getLong("id"),
                Map.of("password", "granite-teapot-lumen-58"));

        // then
        assertThat(change.status()).isEqualTo(200);
        assertThat(agent.get("/api/session").status()).isEqualTo(401);
        assertThat(ApiClient.login(app, username, "granite-teapot-lumen-58").get("/api/session").status()).isEqualTo(200);
    }

    @Test
    @DisplayName("a new role applies to the user's next request, and the phone can be set and removed")
    void roleAndPhoneChange() {
        // given
        ApiClient agent = ApiClient.as(app, Role.AGENT);
        long id = agent.user().getLong("id");
        assertThat(agent.get("/api/users").status()).isEqualTo(403);

        // when
        ApiResponse promoted = admin.patch("/api/users/" + id,
                Map.of("role", "admin", "displayName", "  Lead 组长 ", "phoneInterface", "SIP/lead-" + id));

        // then
        assertThat(promoted.json().getString("role")).isEqualTo("admin");
        assertThat(promoted.json().getString("displayName")).isEqualTo("Lead 组长");
        assertThat(agent.get("/api/users").status()).isEqualTo(200);
        assertThat(app.auth().users().findByPhoneInterface("SIP/lead-" + id).await()).hasValueSatisfying(user -> assertThat(user.id()).isEqualTo(id));
        ApiResponse unset = admin.patch("/api/users/" + id, "{\"phoneInterface\":null}",
                Map.of("Content-Type", "application/json"));
        assertThat(unset.status()).isEqualTo(200);
        assertThat(unset.json().getValue("phoneInterface")).isNull();
    }

    @Test
    @DisplayName("the last active admin can be neither demoted nor deactivated (409)")
    void lastAdminStays() {
        // given: a fresh server whose only admin is "admin"
        try (App own = TestApp.start()) {
            ApiClient onlyAdmin = ApiClient.login(own, "admin", TestApp.ADMIN_PASSWORD);
            long id = onlyAdmin.user().getLong("id");

            // when
            ApiResponse demote = onlyAdmin.patch("/api/users/" + id, Map.of("role", "agent"));
            ApiResponse deactivate = onlyAdmin.patch("/api/users/" + id, Map.of("active", false));

            // then
            assertThat(demote.status()).isEqualTo(409);
            assertThat(demote.json().getString("field")).isEqualTo("role");
            assertThat(deactivate.status()).isEqualTo(409);
            assertThat(onlyAdmin.get("/api/users/" + id).json().getString("role")).isEqualTo("admin");
        }
    }
}
