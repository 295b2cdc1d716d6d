package hotline.console;

import hotline.App;
import hotline.auth.Role;
import hotline.testing.ApiClient;
import hotline.testing.ApiResponse;
import hotline.testing.HotlineServerExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may open each page of the supervisor console (issue 13): an agent is refused every one (403), a supervisor the
 * admins' pages, and only an admin opens them all. A page missing from the server fails here by name, so an area that
 * has not been merged yet is caught. Checked by status over HTTP, and as the agent sees it in Chromium.
 */
class SupervisorPagesRoleTest {

    /** Every page of issue 13 and the least role that may open it: the one list to keep complete. */
    static final Map<String, Role> PAGES = pages();

    @RegisterExtension
    static final HotlineServerExtension server = new HotlineServerExtension();
    private static ApiClient agent;
    private static ApiClient supervisor;
    private static ApiClient admin;
    private static Browser agentBrowser;

    private static Map<String, Role> pages() {
        Map<String, Role> pages = new LinkedHashMap<>();
        pages.put("/supervisor", Role.SUPERVISOR);
        pages.put("/supervisor/tv", Role.SUPERVISOR);
        pages.put("/supervisor/agents", Role.SUPERVISOR);
        pages.put("/supervisor/sla", Role.SUPERVISOR);
        pages.put("/supervisor/incidents", Role.SUPERVISOR);
        pages.put("/supervisor/outages", Role.SUPERVISOR);
        pages.put("/supervisor/reports", Role.SUPERVISOR);
        pages.put("/admin/import", Role.SUPERVISOR);
        pages.put("/admin/tiers", Role.SUPERVISOR);
        pages.put("/admin/reindex", Role.ADMIN);
        pages.put("/admin/users", Role.ADMIN);
        return pages;
    }

    static Stream<String> paths() {
        return PAGES.keySet().stream();
    }

    @BeforeAll
    static void start(App app) throws Exception {
        agent = ApiClient.as(app, Role.AGENT);
        supervisor = ApiClient.as(app, Role.SUPERVISOR);
        admin = ApiClient.as(app, Role.ADMIN);
        agentBrowser = new Browser(app.httpPort());
        agentBrowser.logIn(agent.user().getString("username"), ApiClient.PASSWORD);
        agentBrowser.waitFor(() -> agentBrowser.path().equals("/desk"));
    }

    @AfterAll
    static void stop() {
        if (agentBrowser != null) {
            agentBrowser.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("paths")
    @DisplayName("the page exists; an agent gets 403, a supervisor 403 on the admins' pages, an admin the page")
    void refusedBelowItsRole(String path) {
        ApiResponse asAdmin = admin.get(path);
        assertThat(asAdmin.status()).as("no page at %s: the area that draws it is not merged yet", path).isNotEqualTo(404);
        assertThat(asAdmin.status()).as("%s as an admin", path).isEqualTo(200);
        assertThat(supervisor.get(path).status()).as("%s as a supervisor", path)
                .isEqualTo(PAGES.get(path) == Role.ADMIN ? 403 : 200);
        assertThat(agent.get(path).status()).as("%s as an agent", path).isEqualTo(403);
        assertThat(ApiClient.anonymous(server.app()).get(path).header("location")).as("%s without a session", path)
                .startsWith("/login");

        agentBrowser.open(path);
        assertThat(agentBrowser.text(".error-page h1")).as("%s in the agent's browser", path).startsWith("403");
    }
}
