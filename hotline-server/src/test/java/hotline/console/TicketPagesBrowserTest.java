package hotline.console;

import hotline.App;
import hotline.auth.DemoUsers;
import hotline.testing.ApiClient;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ticket pages in a real headless Chromium against the whole server with the demo data and the AMI test peer: a
 * complaint from the call through its four steps to closed (a reload in the middle, a 409 from a second browser, the
 * live notice of another user's change), a double click making one ticket, the repair form joining an open incident.
 * Saves screenshots of the wizard, the repair form and the ticket page (Chinese and English) to docs/screenshots.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TicketPagesBrowserTest {

    private static final String SECRET = "ami-ticket-pages-secret";
    private static final String PASSWORD = DemoUsers.DEFAULT_PASSWORD;
    private static final String SUBJECT = "水费账单金额异常，要求核查";
    private static final String STATEMENT = "这个月水费突然翻了三倍，我家就两口人，肯定是表有问题！";
    private static final String HAPPENED = "11月账单 386 元，往月都在 120 元左右，抄表员没有上门";

    private static DemoDesk desk;
    private static App app;
    private static Calls calls;
    private static Browser agent1;
    private static Browser agent2;
    private static long complaint;

    @BeforeAll
    static void start() throws Exception {
        desk = DemoDesk.start(SECRET);
        app = desk.app();
        calls = desk.calls();
        agent1 = new Browser(app.httpPort());
        agent2 = new Browser(app.httpPort());
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable closeable : new AutoCloseable[]{agent1, agent2, desk}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception ignored) {
                // closing what is left of a failed start
            }
        }
    }

    private static Row query(String sql, Tuple args) {
        return desk.query(sql, args);
    }

    private static void signIn(Browser browser, String user) throws InterruptedException {
        browser.logIn(user, PASSWORD);
        browser.waitFor(() -> browser.path().equals("/desk"));
        browser.waitFor(() -> "up".equals(browser.find("#conn").getDomAttribute("data-state")));
    }

    /** Sets a value the way typing would (for inputs such as datetime-local that sendKeys handles per locale). */
    private static void setValue(Browser browser, WebElement input, String value) {
        browser.script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
                input, value);
    }

    /** Picks an option of a select as a keyboard would, firing its change event. */
    private static void choose(Browser browser, WebElement select, String value) {
        browser.script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
                select, value);
    }

    private static String form(long id, String action) {
        return "#act-" + id + "-" + action;
    }

    @Test
    @Order(1)
    @DisplayName("N during a call opens a ticket form prefilled from the call in the work area; a double click on save makes one ticket, linked in the wrap-up")
    void newTicketFromTheCall() throws Exception {
        signIn(agent1, "agent1");
        Row customer = query("SELECT c.id, c.name, c.district, p.phone FROM customers c JOIN customer_phones p "
                + "ON p.customer_id = c.id WHERE c.tier = 'ordinary' ORDER BY c.id LIMIT 1", Tuple.tuple());
        String phone = customer.getString("phone");
        String uid = calls.answered(phone, customer.getLong("id"), "PJSIP/agent1");
        agent1.waitFor(() -> agent1.text("#card .caller-name").equals(customer.getString("name")));

        agent1.find("body").sendKeys("n");
        agent1.waitFor(() -> !agent1.all("#new-ticket").isEmpty());
        assertThat(agent1.find("#new-caller").getDomProperty("value")).isEqualTo(phone);
        assertThat(agent1.text("#new-ticket")).contains(customer.getString("name"));
        agent1.find("#new-ticket input[name=type][value=complaint]").click();
        agent1.find("#new-subject").clear();
        agent1.find("#new-subject").sendKeys(SUBJECT);
        agent1.screenshot("new-ticket-zh");
        new Actions(agent1.driver).doubleClick(agent1.find("#new-ticket button[type=submit]")).perform();

        agent1.waitFor(() -> !agent1.all("#workarea .ticket-work").isEmpty());
        Row made = query("SELECT count(*) AS n, max(id) AS id, max(number) AS number FROM tickets WHERE subject = $1",
                Tuple.of(SUBJECT));
        assertThat(made.getLong("n")).isEqualTo(1);
        complaint = made.getLong("id");
        assertThat(agent1.text("#workarea .steps")).contains("倾听宣泄");

        calls.hangUp(uid, phone, "PJSIP/agent1");
        agent1.waitFor(() -> agent1.find("#wrapup").isDisplayed());
        assertThat(agent1.text("#wrapup")).contains(made.getString("number"));
        assertThat(agent1.find("#wrapup input[name=code][value=ticket_created]").isSelected()).isTrue();
    }

    @Test
    @Order(2)
    @DisplayName("the wizard: vent with the caller type's guidance, a reload in the middle of record keeps the typed text, a missing field is named")
    void wizardVentAndRecord() throws Exception {
        long id = complaint;
        agent1.find(form(id, "vent") + "-statement").sendKeys(STATEMENT);
        agent1.find(form(id, "vent") + " input[name=mood][value=emotional]").click();
        assertThat(agent1.find(form(id, "vent") + " .mood-guide[data-mood=emotional]").isDisplayed()).isTrue();
        assertThat(agent1.find(form(id, "vent") + " .mood-guide[data-mood=stubborn]").isDisplayed()).isFalse();
        agent1.find(form(id, "vent") + "-feelingsAcknowledged").click();
        agent1.waitFor(() -> !agent1.all("#similar-live-" + id + " li, #similar-live-" + id + " .muted").isEmpty());
        agent1.screenshot("wizard-zh");
        agent1.find(form(id, "vent") + "-statement").sendKeys(org.openqa.selenium.Keys.CONTROL, org.openqa.selenium.Keys.ENTER);
        agent1.waitFor(() -> !agent1.all(form(id, "record")).isEmpty());

        agent1.open("/tickets/" + id);
        agent1.find(form(id, "record") + "-complainant").sendKeys("李女士");
        agent1.find(form(id, "record") + "-whatHappened").sendKeys(HAPPENED);
        agent1.open("/tickets/" + id);
        agent1.waitFor(() -> HAPPENED.equals(agent1.find(form(id, "record") + "-whatHappened").getDomProperty("value")));
        assertThat(agent1.find(form(id, "record") + "-complainant").getDomProperty("value")).isEqualTo("李女士");

        agent1.find(form(id, "record") + " input[name=aboutKind][value=service]").click();
        setValue(agent1, agent1.find(form(id, "record") + "-happenedAt"), "2026-11-28T09:30");
        agent1.find(form(id, "record") + "-wantedOutcome").sendKeys("上门复核水表，退还多收的水费");
        agent1.find(form(id, "record") + " input[name=founded][value=partly]").click();
        agent1.find(form(id, "record") + "-foundedReason").sendKeys("抄表估读，需复核");
        agent1.find(form(id, "record") + " button[type=submit]").click();
        agent1.waitFor(() -> agent1.find(form(id, "record") + " [data-error-for=about]").isDisplayed());
        assertThat(agent1.text(form(id, "record") + " [data-error-for=about]")).contains("投诉对象");
        assertThat(agent1.find(form(id, "record") + "-whatHappened").getDomProperty("value")).isEqualTo(HAPPENED);

        agent1.find(form(id, "record") + "-about").sendKeys("抄表服务");
        agent1.find(form(id, "record") + " button[type=submit]").click();
        agent1.waitFor(() -> !agent1.all(form(id, "resolve")).isEmpty());
        assertThat(agent1.text(".ticket-work .steps")).contains("倾听宣泄", "记录要点", "解决问题");
    }

    @Test
    @Order(3)
    @DisplayName("another user's change shows live on the ticket page; saving on the stale version is a 409 that shows what changed and keeps the text")
    void staleVersionFromASecondBrowser() throws Exception {
        long id = complaint;
        signIn(agent2, "agent2");
        agent2.open("/tickets/" + id);
        agent2.waitFor(() -> "up".equals(agent2.find("#conn").getDomAttribute("data-state")));
        String solution = "安排抄表员48小时内上门复核，按实际读数重新出账";
        agent2.find(form(id, "resolve") + "-solution").sendKeys(solution);
        agent2.find(form(id, "resolve") + "-accepted").click();

        ApiClient.login(app, "agent1", PASSWORD).post("/api/tickets/" + id + "/transitions", new JsonObject()
                .put("action", "escalate").put("fields", new JsonObject().put("reason", "客户要求班组长回电")));
        agent2.waitFor(() -> agent2.text("#ticket-live-" + id).contains("agent1"));
        agent2.screenshot("ticket-zh");

        agent2.find(form(id, "resolve") + " button[type=submit]").click();
        agent2.waitFor(() -> !agent2.all("#ticket-work-" + id + " .changes").isEmpty());
        assertThat(agent2.text("#ticket-work-" + id + " .changes")).contains("agent1", "升级");
        assertThat(agent2.find(form(id, "resolve") + "-solution").getDomProperty("value")).isEqualTo(solution);
        assertThat(agent2.find(form(id, "resolve") + "-accepted").isSelected()).isTrue();

        agent2.find(form(id, "resolve") + " button[type=submit]").click();
        agent2.waitFor(() -> !agent2.all(form(id, "follow_up")).isEmpty());
        agent2.find(form(id, "follow_up") + "-satisfaction").sendKeys("4");
        agent2.find(form(id, "follow_up") + "-comment").sendKeys("已复核，客户满意");
        agent2.find(form(id, "follow_up") + " button[type=submit]").click();
        agent2.waitFor(() -> agent2.text("#ticket-work-" + id + " .badge.status").equals("已关闭"));
        assertThat(query("SELECT status FROM tickets WHERE id = $1", Tuple.of(id)).getString("status")).isEqualTo("closed");
    }

    @Test
    @Order(4)
    @DisplayName("the repair form shows the open incident the report would join before saving, and the saved report is part of it")
    void repairJoinsOpenIncident() throws Exception {
        ApiClient api = ApiClient.login(app, "agent1", PASSWORD);
        JsonObject first = new JsonObject().put("type", "repair").put("subject", "解放路爆管，水涌到路面")
                .put("category", "burst_main").put("district", "东区").put("location", "解放路 12 号");
        api.post("/api/tickets", first);
        long incident = query("SELECT id FROM incidents WHERE district = '东区' AND category = 'burst_main' AND status = 'open'",
                Tuple.tuple()).getLong("id");
        long id = api.post("/api/tickets", new JsonObject().put("type", "repair").put("subject", "解放路口有水往外冒")
                .put("district", "东区").put("location", "解放路 15 号")).json().getLong("id");

        agent1.open("/tickets/" + id);
        choose(agent1, agent1.find(form(id, "assess") + "-category"), "burst_main");
        agent1.waitFor(() -> agent1.text("#would-join-" + id).contains("事件 #" + incident));
        agent1.find(form(id, "assess") + "-waterInStreet").click();
        agent1.find(form(id, "assess") + "-households").sendKeys("30");
        agent1.find(form(id, "assess") + " input[name=side][value=utility]").click();
        agent1.screenshot("repair-zh");
        agent1.find(form(id, "assess") + " button[type=submit]").click();

        agent1.waitFor(() -> agent1.text("#ticket-work-" + id + " .joins").contains("所属 事件 #" + incident));
        assertThat(query("SELECT incident_id FROM incident_reports WHERE ticket_id = $1", Tuple.of(id))
                .getLong("incident_id")).isEqualTo(incident);
        assertThat(agent1.find(form(id, "dispatch")).getDomAttribute("data-incident")).isEqualTo(Long.toString(incident));
    }

    @Test
    @Order(5)
    @DisplayName("in English the wizard, the repair form and the ticket page show labels, not codes")
    void english() throws Exception {
        ApiClient api = ApiClient.login(app, "agent1", PASSWORD);
        long id = api.post("/api/tickets", new JsonObject().put("type", "complaint")
                .put("subject", "Crew left the road dug up for a week").put("district", "西区")).json().getLong("id");
        agent1.open("/tickets/" + id);
        agent1.find("form[action='/console/lang'] button").click();
        agent1.waitFor(() -> agent1.text(".ticket-work .steps").contains("Vent"));
        agent1.find(form(id, "vent") + "-statement").sendKeys("Nobody has come back to fill the trench outside my shop.");
        agent1.find(form(id, "vent") + " input[name=mood][value=stubborn]").click();
        agent1.screenshot("wizard-en");
        assertThat(agent1.text(".ticket-facts")).contains("Complaint", "Normal", "With the agent").doesNotContain("complaint ");

        long repair = api.post("/api/tickets", new JsonObject().put("type", "repair").put("subject", "Water coming up through the pavement")
                .put("district", "东区").put("location", "Jiefang Rd 20")).json().getLong("id");
        agent1.open("/tickets/" + repair);
        agent1.screenshot("repair-en");
        agent1.open("/tickets/" + complaint);
        assertThat(agent1.text(".ticket-facts")).contains("Closed", "Team lead");
        agent1.screenshot("ticket-en");
    }
}
