package hotline.console;

import hotline.App;
import hotline.auth.DemoUsers;
import hotline.demo.DemoBilling;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The billing block of the caller card in a real headless Chromium, on the demo data: the household whose last bill
 * jumped calls; the card shows its balance, the overdue flag, the chart and the possible leak; L opens a repair for
 * the customer's side of the meter, B a complaint carrying the disputed bill. Saves card-billing-zh/-en.png.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BillingCardBrowserTest {

    private static DemoDesk desk;
    private static App app;
    private static Browser agent;
    private static Row caller;
    private static String uid;

    @BeforeAll
    static void start() throws Exception {
        desk = DemoDesk.start("ami-billing-secret");
        app = desk.app();
        caller = desk.query("SELECT c.id, c.name, p.phone FROM customers c JOIN customer_phones p ON p.customer_id = c.id "
                + "WHERE c.account_number = $1 AND p.position = 0", Tuple.of(DemoBilling.LEAK_ACCOUNT));
        agent = new Browser(app.httpPort());
        agent.logIn("agent1", DemoUsers.DEFAULT_PASSWORD);
        agent.waitFor(() -> agent.path().equals("/desk"));
        agent.waitFor(() -> "up".equals(agent.find("#conn").getDomAttribute("data-state")));
        uid = desk.calls().answered(caller.getString("phone"), caller.getLong("id"), "PJSIP/agent1");
        agent.waitFor(() -> agent.text("#card .caller-name").equals(caller.getString("name")));
    }

    @AfterAll
    static void stop() throws Exception {
        if (agent != null) {
            agent.close();
        }
        if (desk != null) {
            desk.close();
        }
    }

    @Test
    @Order(1)
    @DisplayName("the card of a caller whose last bill jumped shows the balance, overdue, a twelve-month chart and the possible leak")
    void billingOnTheCard() throws Exception {
        agent.waitFor(() -> !agent.all("#billing-leak").isEmpty());

        assertThat(agent.text("#card .billing-balance")).contains("应缴 ¥");
        assertThat(agent.text("#billing-overdue")).startsWith("⚠ 欠费 ¥");
        assertThat(agent.text("#billing-leak")).contains("疑似表后漏水", "倍");
        assertThat(agent.all("#card svg.chart rect")).hasSize(12);
        assertThat(agent.all("#card svg.chart rect.jump")).hasSize(1);
        assertThat(agent.text("#card .billing")).contains("账单", "缴费", "抄表", "下次抄表");
        showBilling();
        agent.screenshot("card-billing-zh");

        agent.manage().addCookie(new Cookie("hotline_lang", "en", "/"));
        agent.open("/desk");
        agent.waitFor(() -> !agent.all("#billing-leak").isEmpty());
        assertThat(agent.text("#billing-leak")).contains("Possible leak after the meter");
        assertThat(agent.text("#billing-overdue")).startsWith("⚠ Overdue ¥");
        showBilling();
        agent.screenshot("card-billing-en");
        agent.manage().addCookie(new Cookie("hotline_lang", "zh", "/"));
        agent.open("/desk");
        agent.waitFor(() -> !agent.all("#billing-leak").isEmpty());
    }

    /** Scrolls the card so that its billing block is whole on the screen, for the screenshot. */
    private static void showBilling() {
        agent.script("document.querySelector('#card .billing').scrollIntoView()");
    }

    @Test
    @Order(2)
    @DisplayName("L opens a repair report prefilled for a leak on the customer's side of the meter, and it is saved so")
    void leakRepair() throws Exception {
        agent.find("body").sendKeys("l");
        agent.waitFor(() -> !agent.all("#new-ticket").isEmpty());

        assertThat(agent.find("#new-ticket input[name=type][value=repair]").isSelected()).isTrue();
        assertThat(agent.find("#new-subject").getDomProperty("value")).contains("疑似表后漏水");
        assertThat(agent.find("#new-description").getDomProperty("value")).contains("倍");
        assertThat(agent.text("#new-meter-side")).contains("表后（用户）");
        agent.find("#new-ticket button[type=submit]").click();

        agent.waitFor(() -> !agent.all("#workarea .ticket-work").isEmpty());
        Row made = desk.query("SELECT category, details FROM tickets WHERE customer_id = $1 AND type = 'repair' "
                + "ORDER BY id DESC LIMIT 1", Tuple.of(caller.getLong("id")));
        assertThat(made.getString("category")).isEqualTo("service_pipe_leak");
        assertThat(((JsonObject) made.getValue("details")).getString("side")).isEqualTo("private");
    }

    @Test
    @Order(3)
    @DisplayName("B opens a complaint about the latest bill (水费太高) that carries the bill's month and amount in its details")
    void billComplaint() throws Exception {
        String latest = agent.find("#card .billing-table td").getText();
        assertThat(agent.text("#card .bill-actions")).contains(latest);
        agent.find("body").sendKeys("b");
        agent.waitFor(() -> !agent.all("#new-disputed-bill").isEmpty());

        assertThat(agent.find("#new-ticket input[name=type][value=complaint]").isSelected()).isTrue();
        assertThat(agent.find("#new-subject").getDomProperty("value")).startsWith("水费太高：" + latest);
        agent.find("#new-ticket button[type=submit]").click();

        agent.waitFor(() -> !agent.all("#workarea .ticket-work").isEmpty());
        Row made = desk.query("SELECT category, details FROM tickets WHERE customer_id = $1 AND type = 'complaint' "
                + "ORDER BY id DESC LIMIT 1", Tuple.of(caller.getLong("id")));
        JsonObject disputed = ((JsonObject) made.getValue("details")).getJsonObject("disputedBill");
        assertThat(made.getString("category")).isEqualTo("billing");
        assertThat(disputed.getString("period")).isEqualTo(latest);
        assertThat(disputed.getDouble("amount")).isPositive();
        desk.calls().hangUp(uid, caller.getString("phone"), "PJSIP/agent1");
    }
}
