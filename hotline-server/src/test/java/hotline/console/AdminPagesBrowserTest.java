package hotline.console;

import hotline.auth.DemoUsers;
import hotline.testing.ApiClient;
import hotline.testing.ApiResponse;
import hotline.testing.Await;
import hotline.testing.ReindexHold;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.Cookie;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The administration pages in a real headless Chromium against the demo server: users (create, log in, deactivate,
 * reset a password), the customer import with its error table, the manual tiers and the search index rebuild with its
 * progress. Saves screenshots of these pages in both languages.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminPagesBrowserTest {

    private static final String PASSWORD = DemoUsers.DEFAULT_PASSWORD;

    private static DemoDesk desk;
    private static Browser admin;
    private static Browser newcomer;
    private static String temporaryPassword;

    @BeforeAll
    static void start() throws Exception {
        desk = DemoDesk.start("ami-admin-secret");
        admin = new Browser(desk.app().httpPort());
        admin.logIn("admin", PASSWORD);
        admin.waitFor(() -> admin.path().equals("/desk"));
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[]{admin, newcomer, desk}) {
            if (closeable != null) {
                closeable.close();
            }
        }
    }

    private static void english(Browser browser, boolean on) {
        browser.manage().addCookie(new Cookie("hotline_lang", on ? "en" : "zh", "/"));
    }

    private static Row user(String username) {
        return desk.query("SELECT id, role, phone_interface, active FROM users WHERE username = $1", Tuple.of(username));
    }

    @Test
    @Order(1)
    @DisplayName("an admin creates a user with a made-up password, shown once; the user is listed and can log in with it")
    void createUser() throws Exception {
        admin.open("/admin/users");
        assertThat(admin.text("#user-rows")).contains("agent1", "supervisor1");
        admin.screenshot("admin-users-zh");

        admin.find("#nu-username").sendKeys("agent9");
        admin.find("#nu-display").sendKeys("坐席九 <b>");
        admin.find("#nu-phone").sendKeys("PJSIP/agent9");
        admin.find("#new-user-form button[type=submit]").click();
        admin.waitFor(() -> !admin.text("#temporary-password").isEmpty());

        temporaryPassword = admin.text("#temporary-password");
        assertThat(admin.text("#user-created")).contains("agent9");
        assertThat(temporaryPassword).matches("([a-z2-9]{4}-){3}[a-z2-9]{4}");
        admin.waitFor(() -> admin.text("#user-rows").contains("坐席九 <b>"));
        admin.screenshot("admin-users-created-zh");
        Row stored = user("agent9");
        assertThat(stored.getString("role")).isEqualTo("agent");
        assertThat(stored.getString("phone_interface")).isEqualTo("PJSIP/agent9");

        newcomer = new Browser(desk.app().httpPort());
        newcomer.logIn("agent9", temporaryPassword);
        newcomer.waitFor(() -> newcomer.path().equals("/desk"));
    }

    @Test
    @Order(2)
    @DisplayName("a guessable password and a taken user name are refused next to their fields; the typed text stays and nothing is created")
    void refusedNewUser() throws Exception {
        admin.open("/admin/users");
        admin.find("#nu-username").sendKeys("agent10");
        admin.find("#nu-display").sendKeys("坐席十");
        admin.find("#nu-password").sendKeys("12345678");
        admin.find("#new-user-form button[type=submit]").click();
        admin.waitFor(() -> !admin.text("#password-error").isEmpty());

        assertThat(admin.text("#password-error")).contains("太容易被猜到");
        assertThat(admin.find("#nu-username").getDomProperty("value")).isEqualTo("agent10");
        assertThat(admin.find("#nu-display").getDomProperty("value")).isEqualTo("坐席十");
        assertThat(admin.find("#nu-password").getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(user("agent10")).isNull();

        admin.find("#nu-username").clear();
        admin.find("#nu-username").sendKeys("agent1");
        admin.find("#new-user-form button[type=submit]").click();
        admin.waitFor(() -> !admin.text("#username-error").isEmpty());
        assertThat(admin.text("#username-error")).contains("已被占用");
        admin.screenshot("admin-users-error-zh");
    }

    @Test
    @Order(3)
    @DisplayName("the list filters by a word, a role and the state")
    void filters() throws Exception {
        admin.open("/admin/users");
        admin.find("#user-q").sendKeys("agent9");
        admin.waitFor(() -> admin.all("#user-rows tbody tr").size() == 1);
        assertThat(admin.text("#user-rows")).contains("agent9").doesNotContain("supervisor1");

        admin.open("/admin/users?role=supervisor");
        assertThat(admin.all("#user-rows tbody tr")).extracting(row -> row.getText()).allMatch(text -> text.contains("班长"));
        admin.open("/admin/users?active=false");
        assertThat(admin.text("#user-rows")).contains("没有符合条件的用户");
    }

    @Test
    @Order(4)
    @DisplayName("deactivating a user ends their session: their open desk goes to the log-in page and they can no longer log in")
    void deactivateEndsSession() throws Exception {
        newcomer.open("/desk");
        newcomer.waitFor(() -> "up".equals(newcomer.find("#conn").getDomAttribute("data-state")));
        long id = user("agent9").getLong("id");

        admin.open("/admin/users/" + id);
        assertThat(admin.text("#edited-user")).contains("agent9");
        admin.find("#user-deactivate").click();
        admin.driver.switchTo().alert().accept();
        admin.waitFor(() -> admin.text("#user-access").contains("已停用"));

        newcomer.waitFor(() -> newcomer.path().equals("/login"));
        assertThat(user("agent9").getBoolean("active")).isFalse();
        ApiResponse refused = ApiClient.anonymous(desk.app()).post("/api/session",
                new JsonObject().put("username", "agent9").put("password", temporaryPassword));
        assertThat(refused.status()).isEqualTo(401);
        assertThat(admin.text("#edited-state")).contains("已停用");
        admin.waitFor(() -> admin.find("#user-" + id).getDomAttribute("class").contains("inactive"));
        admin.screenshot("admin-users-edit-zh");
    }

    @Test
    @Order(5)
    @DisplayName("a reactivated user gets a new made-up password, shown once, and logs in with it; the old one no longer works")
    void reactivateAndReset() throws Exception {
        long id = user("agent9").getLong("id");
        admin.open("/admin/users/" + id);
        admin.find("#user-reactivate").click();
        admin.waitFor(() -> admin.text("#user-access").contains("已重新启用"));
        admin.find("#user-reset").click();
        admin.waitFor(() -> !admin.text("#temporary-password").isEmpty());

        String fresh = admin.text("#temporary-password");
        assertThat(fresh).isNotEqualTo(temporaryPassword);
        assertThat(ApiClient.anonymous(desk.app()).post("/api/session", new JsonObject().put("username", "agent9")
                .put("password", temporaryPassword)).status()).isEqualTo(401);
        newcomer.logIn("agent9", fresh);
        newcomer.waitFor(() -> newcomer.path().equals("/desk"));

        english(admin, true);
        admin.open("/admin/users/" + id);
        admin.screenshot("admin-users-en");
        english(admin, false);
    }

    @Test
    @Order(6)
    @DisplayName("an import with bad rows imports nothing and shows the bad rows in pages, the first ones of many and their count")
    void importShowsErrors() throws Exception {
        String good = "39100001";
        StringBuilder csv = new StringBuilder("\uFEFFaccountNumber,name,phones,waterUse,kind\n")
                .append(good).append(",钱七,13700000001,residential,individual\n");
        for (int i = 0; i < 150; i++) {
            csv.append(i % 2 == 0 ? "12ab" + i + ",坏户号,13800138000,residential,individual\n"
                    : "391" + String.format("%05d", i) + ",用水类别错,13800138000,swimming,individual\n");
        }
        Path file = Files.writeString(Files.createTempFile("customers", ".csv"), csv, StandardCharsets.UTF_8);

        admin.open("/admin/import");
        admin.find("#import-file").sendKeys(file.toString());
        admin.find("#import-submit").click();
        admin.waitFor(() -> admin.find("#import-result").isDisplayed());

        assertThat(admin.text("#import-rows")).isEqualTo("151");
        assertThat(admin.text("#import-imported")).isEqualTo("0");
        assertThat(admin.text("#import-bad")).isEqualTo("150");
        assertThat(admin.text("#import-verdict")).contains("什么都没有导入");
        List<String> first = admin.all("#import-error-rows tr").stream().map(row -> row.getText()).toList();
        assertThat(first).hasSize(10);
        assertThat(first.get(0)).startsWith("3 accountNumber");
        assertThat(first.get(1)).startsWith("4 waterUse");
        assertThat(admin.text("#import-page")).contains("1–10").contains("100").contains("150");
        admin.screenshot("admin-import-zh");

        admin.find("#import-next").click();
        assertThat(admin.text("#import-error-rows tr")).startsWith("13 ");
        assertThat(admin.text("#import-page")).contains("11–20");
        assertThat(desk.query("SELECT id FROM customers WHERE account_number = $1", Tuple.of(good))).isNull();

        english(admin, true);
        admin.open("/admin/import");
        admin.find("#import-file").sendKeys(file.toString());
        admin.find("input[name=mode][value=partial]").click();
        admin.find("#import-submit").click();
        admin.waitFor(() -> admin.find("#import-result").isDisplayed());
        assertThat(admin.text("#import-imported")).isEqualTo("1");
        assertThat(admin.text("#import-verdict")).contains("good rows were imported");
        admin.screenshot("admin-import-en");
        english(admin, false);
        assertThat(desk.query("SELECT id FROM customers WHERE account_number = $1", Tuple.of(good))).isNotNull();
    }

    @Test
    @Order(7)
    @DisplayName("a file that is not CSV is refused next to the file field, in plain words")
    void importRefusesFile() throws Exception {
        Path file = Files.writeString(Files.createTempFile("customers", ".csv"), "name;phone\n张三;123\n");
        admin.open("/admin/import");
        admin.find("#import-file").sendKeys(file.toString());
        admin.find("#import-submit").click();
        admin.waitFor(() -> admin.find("#import-file-error").isDisplayed());
        assertThat(admin.text("#import-file-error")).contains("输入有误").contains("column");
        assertThat(admin.find("#import-result").isDisplayed()).isFalse();
    }

    @Test
    @Order(8)
    @DisplayName("the search index page shows a rebuild live to its end; a second start meanwhile is refused on the page")
    void reindexProgress() throws Exception {
        admin.open("/admin/reindex");
        assertThat(admin.text(".reindex")).contains("条工单");
        CompletableFuture<ApiResponse> running;
        try (ReindexHold hold = ReindexHold.on(desk.app())) {
            ApiClient api = ApiClient.login(desk.app(), "admin", PASSWORD);
            running = CompletableFuture.supplyAsync(() -> api.post("/api/admin/reindex", new JsonObject()));
            Await.until(() -> desk.app().search().reindexing().progress().running(), Duration.ofSeconds(10));

            admin.find("#reindex-start").click();
            admin.waitFor(() -> !admin.text("#reindex-refused").isEmpty());
            assertThat(admin.text("#reindex-refused")).contains("已有重建正在进行");
            assertThat(admin.text("#reindex-state")).contains("正在开始");
            assertThat(admin.find("#reindex-start").isEnabled()).isFalse();
            admin.script("""
                    window.seen = [];
                    new MutationObserver(() => { const c = document.getElementById('reindex-count');
                      if (c) window.seen.push(c.textContent); }).observe(document.querySelector('.reindex'),
                      {childList: true, subtree: true, characterData: true});""");
        }
        assertThat(running.get().status()).isEqualTo(200);
        long tickets = running.get().json().getLong("tickets");
        admin.waitFor(() -> admin.text("#reindex-state").contains("已完成"));

        String total = String.format("%,d", tickets);
        assertThat(admin.text("#reindex-count")).isEqualTo(total + " / " + total + " (100 %)");
        assertThat(admin.find("#reindex-bar").getDomAttribute("value")).isEqualTo("100");
        assertThat(admin.find("#reindex-start").isEnabled()).isTrue();
        @SuppressWarnings("unchecked")
        List<String> seen = (List<String>) admin.script("return window.seen;");
        List<Integer> percents = seen.stream().map(text -> Integer.parseInt(text.replaceAll(".*\\((\\d+) %\\)$", "$1"))).toList();
        assertThat(percents).isSorted().last().isEqualTo(100);
        admin.screenshot("admin-reindex-zh");

        english(admin, true);
        admin.open("/admin/reindex");
        admin.find("#reindex-start").click();
        admin.waitFor(() -> admin.text("#reindex-state").contains("Done"));
        admin.screenshot("admin-reindex-en");
        english(admin, false);
    }

    @Test
    @Order(9)
    @DisplayName("the manual tiers list who set each tier, when and why; one is handed back to the rules with a reason")
    void tierOverrides() throws Exception {
        Row customer = desk.query("SELECT id, name FROM customers WHERE tier_reason IS NULL AND water_use = 'residential' "
                + "ORDER BY id LIMIT 1", Tuple.tuple());
        long id = customer.getLong("id");
        ApiClient supervisorApi = ApiClient.login(desk.app(), "supervisor1", PASSWORD);
        assertThat(supervisorApi.post("/api/customers/" + id + "/tier",
                new JsonObject().put("tier", "key").put("reason", "人大代表联系点")).status()).isEqualTo(200);

        admin.open("/admin/tiers");
        String row = "#tier-" + id;
        assertThat(admin.text(row)).contains(customer.getString("name"), "关键客户", "人大代表联系点", "supervisor1");
        assertThat(admin.text("#user-rows")).isEmpty();
        admin.screenshot("admin-tiers-zh");

        admin.find(row + " summary").click();
        admin.find("#clear-reason-" + id).sendKeys("联系点撤销");
        admin.find(row + " form button[type=submit]").click();
        admin.waitFor(() -> admin.text(row).contains("已恢复按等级规则确定"));
        Row stored = desk.query("SELECT tier, tier_reason FROM customers WHERE id = $1", Tuple.of(id));
        assertThat(stored.getString("tier_reason")).isNull();
        assertThat(stored.getString("tier")).isNotEqualTo("key");
        english(admin, true);
        admin.open("/admin/tiers");
        admin.screenshot("admin-tiers-en");
        english(admin, false);
    }
}
