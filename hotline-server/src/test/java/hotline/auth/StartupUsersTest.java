package hotline.auth;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import hotline.App;
import hotline.auth.internal.FirstAdmin;
import hotline.config.Config;
import hotline.config.ConfigException;
import hotline.testing.ApiClient;
import hotline.testing.ApiResponse;
import hotline.testing.TestApp;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StartupUsersTest {

    private static ListAppender<ILoggingEvent> capture(Class<?> type) {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        ((Logger) LoggerFactory.getLogger(type)).addAppender(appender);
        return appender;
    }

    private static List<String> messages(ListAppender<ILoggingEvent> appender) {
        return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    private static ApiResponse login(App app, String username, String password) {
        return ApiClient.anonymous(app).post("/api/session", Map.of("username", username, "password", password));
    }

    @Test
    @DisplayName("without admin.password no admin is created and a warning says how to create one")
    void noAdminPassword() {
        ListAppender<ILoggingEvent> log = capture(FirstAdmin.class);
        try (App app = TestApp.start(new JsonObject().put("admin", new JsonObject().put("password", "")),
                Clock.systemUTC())) {
            assertThat(login(app, "admin", TestApp.ADMIN_PASSWORD).status()).isEqualTo(401);
            assertThat(messages(log)).anySatisfy(message -> assertThat(message)
                    .contains("HOTLINE_ADMIN_PASSWORD").contains("No admin user exists"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"short", "12345678", "password", "admin123x", "demo"})
    @DisplayName("an admin.password that is short, guessable or built from the name stops the start with a message naming the setting")
    void weakAdminPassword(String password) {
        assertThatThrownBy(() -> TestApp.start(new JsonObject().put("admin", new JsonObject().put("password", password)),
                Clock.systemUTC()).close())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("HOTLINE_ADMIN_PASSWORD")
                .hasMessageNotContaining(password + ",");
    }

    @Test
    @DisplayName("the first admin is created once with admin.password, which is never logged")
    void firstAdmin() {
        ListAppender<ILoggingEvent> log = capture(FirstAdmin.class);
        try (App app = TestApp.start()) {
            assertThat(login(app, "admin", TestApp.ADMIN_PASSWORD).status()).isEqualTo(200);
            assertThat(messages(log)).anySatisfy(message -> assertThat(message).contains("Created user 'admin'"));
            assertThat(messages(log)).noneSatisfy(message -> assertThat(message).contains(TestApp.ADMIN_PASSWORD));
        }
    }

    @Test
    @DisplayName("demo users get the demo password and the agents their sample phones, a second run changes nothing, and the log names the setting, not the password")
    void demoUsers() {
        ListAppender<ILoggingEvent> log = capture(DemoUsers.class);
        Config config = new Config(new JsonObject().put("demo", new JsonObject().put("password", "custom-demo-pw")),
                Map.of());
        try (App app = TestApp.start()) {
            UserService users = app.auth().users();

            DemoUsers.create(config, users).await();
            DemoUsers.create(config, users).await();

            for (String username : List.of("supervisor1", "agent1", "agent2")) {
                assertThat(login(app, username, "custom-demo-pw").status()).as(username).isEqualTo(200);
            }
            // admin existed already (from admin.password) and keeps its password
            assertThat(login(app, "admin", TestApp.ADMIN_PASSWORD).status()).isEqualTo(200);
            JsonObject agent1 = login(app, "agent1", "custom-demo-pw").json().getJsonObject("user");
            assertThat(agent1.getString("role")).isEqualTo("agent");
            // the phone of ivr-scripts/pjsip_agents.conf.sample, so the demo's screen pops reach agent1
            assertThat(agent1.getString("phoneInterface")).isEqualTo("PJSIP/agent1");
            assertThat(messages(log)).anySatisfy(message -> assertThat(message)
                    .contains("demo users admin, supervisor1, agent1, agent2").contains("HOTLINE_DEMO_PASSWORD"));
            assertThat(messages(log)).noneSatisfy(message -> assertThat(message).contains("custom-demo-pw"));
        }
    }

    @Test
    @DisplayName("without demo.password the demo users' password is 'demo'")
    void demoDefaultPassword() {
        try (App app = TestApp.start()) {
            DemoUsers.create(new Config(new JsonObject(), Map.of()), app.auth().users()).await();

            assertThat(login(app, "supervisor1", "demo").json().getJsonObject("user").getString("role"))
                    .isEqualTo("supervisor");
        }
    }
}
