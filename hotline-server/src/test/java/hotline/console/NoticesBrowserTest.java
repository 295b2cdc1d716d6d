package hotline.console;

import hotline.App;
import hotline.auth.Role;
import hotline.notify.Far;
import hotline.testing.ApiClient;
import hotline.testing.ApiResponse;
import hotline.testing.Await;
import hotline.testing.TestApp;
import hotline.testing.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Cookie;

import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The notices blocks in a real headless Chromium against the whole server, its worker sending to a local SMTP server
 * and SMS endpoint: the customer page shows what was sent and what failed (with the gateway's reason) and edits the
 * contact preferences, the ticket page shows what its customer was told. Saves screenshots (zh, en).
 */
class NoticesBrowserTest {

    private static Vertx farSide;
    private static Far far;
    private static App app;
    private static Browser browser;
    private static long customer;
    private static long ticket;

    @BeforeAll
    static void start() throws Exception {
        farSide = Vertx.vertx();
        far = new Far(farSide);
        JsonObject settings = far.settings();
        settings.getJsonObject("notify").put("pollMs", 100)
                .put("quietHours", new JsonObject().put("from", "00:00").put("to", "00:00"));
        app = TestApp.start(settings, Clock.systemUTC(), TestDatabase.fresh());
        ApiClient agent = ApiClient.as(app, Role.AGENT);
        ApiResponse created = agent.post("/api/customers", new JsonObject().put("accountNumber", "8800123456")
                .put("name", "王建国").put("phones", new JsonArray().add("13900002222").add("0571-87654321"))
                .put("waterUse", "residential").put("kind", "individual").put("district", "东区"));
        customer = created.json().getLong("id");
        agent.put("/api/customers/" + customer + "/contact-preferences", new JsonObject()
                .put("email", "wang.jianguo@water.example").put("language", "zh").put("smsOptOut", false)
                .put("emailOptOut", false));
        far.refusing.add("13900002222");
        ticket = agent.post("/api/tickets", new JsonObject().put("type", "help").put("subject", "独居老人家中水压低，请帮忙查看")
                .put("customerId", customer).put("district", "东区")).json().getLong("id");
        Await.until(() -> far.mails().size() == 1, Duration.ofSeconds(20));
        browser = new Browser(app.httpPort());
        browser.logIn(agent.user().getString("username"), ApiClient.PASSWORD);
        browser.waitFor(() -> browser.path().equals("/desk"));
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable closeable : new AutoCloseable[]{browser, () -> app.close(), far, () -> farSide.close().await()}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception ignored) {
                // closing what is left of a failed start
            }
        }
    }

    private static void openCustomer(boolean english) throws InterruptedException {
        browser.manage().addCookie(new Cookie("hotline_lang", english ? "en" : "zh", "/"));
        browser.open("/customers/" + customer);
        browser.waitFor(() -> !browser.all("#customer-notices .delivery").isEmpty());
    }

    @Test
    @DisplayName("the customer page shows the e-mail sent and the SMS the gateway refused, with its reason, in both languages")
    void customerPageShowsDeliveries() throws Exception {
        openCustomer(false);
        assertThat(browser.text("#customer-notices .notices")).contains("工单受理").contains("邮件: 已发送")
                .contains("短信: 失败").contains("SMS gateway 422");
        browser.screenshot("customer-notices-zh");

        openCustomer(true);
        assertThat(browser.text("#customer-notices .notices")).contains("Ticket received").contains("E-mail: sent");
        browser.screenshot("customer-notices-en");
    }

    @Test
    @DisplayName("an agent changes the contact preferences on the page: a bad address is refused next to the field, a good one saved")
    void editsPreferences() throws Exception {
        openCustomer(false);
        browser.find("#notice-email").clear();
        browser.find("#notice-email").sendKeys("wang at water");
        browser.find(".contact-form button[type=submit]").click();
        browser.waitFor(() -> !browser.all("#notice-email-error").isEmpty());
        assertThat(browser.text("#notice-email-error")).contains("邮箱格式不正确");
        assertThat(browser.find("#notice-email").getDomProperty("value")).isEqualTo("wang at water");

        browser.find("#notice-email").clear();
        browser.find("#notice-email").sendKeys("wang@water.example");
        browser.find("input[name=smsOptOut]").click();
        browser.find(".contact-form button[type=submit]").click();
        browser.waitFor(() -> !browser.all(".contact-form .saved").isEmpty());

        JsonObject stored = app.pool().preparedQuery("SELECT email, sms_opt_out FROM notify_contacts WHERE customer_id = $1")
                .execute(io.vertx.sqlclient.Tuple.of(customer)).await().iterator().next().toJson();
        assertThat(stored.getString("email")).isEqualTo("wang@water.example");
        assertThat(stored.getBoolean("sms_opt_out")).isTrue();
    }

    @Test
    @DisplayName("the ticket page lists what its customer was told about it, beside its timeline")
    void ticketPageShowsItsNotices() throws Exception {
        browser.manage().addCookie(new Cookie("hotline_lang", "zh", "/"));
        browser.open("/tickets/" + ticket);
        browser.waitFor(() -> !browser.all("#ticket-notices .delivery").isEmpty());
        assertThat(browser.text("#ticket-notices")).contains("已发给客户的通知").contains("工单受理").contains("邮件: 已发送");
        browser.screenshot("ticket-notices-zh");
    }
}
