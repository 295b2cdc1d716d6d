package hotline.console;

import hotline.auth.DemoUsers;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The return-visit programme in a real headless Chromium against the demo server: the agent's follow-up page with
 * the call script and the indicators answered from the keyboard, a refused answer shown at its field, a failed
 * attempt; the supervisor's visit and satisfaction-trend reports with their CSV. Screenshots in both languages.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VisitsBrowserTest {

    private static final String PASSWORD = DemoUsers.DEFAULT_PASSWORD;

    private static DemoDesk desk;
    private static Browser agent;
    private static Browser supervisor;
    private static Downloads downloads;
    private static String today;

    @BeforeAll
    static void start() throws Exception {
        desk = DemoDesk.start("ami-visits-secret");
        // the demo makes its older return calls; the complaints' calls still open become agent1's and overdue, so
        // each test below has one of its own on agent1's list whatever the hour
        long open = desk.query("WITH moved AS (UPDATE followups SET assignee = 'agent1', due_at = now() - interval '1 hour' "
                + "WHERE kind = 'complaint' AND done_at IS NULL RETURNING id) SELECT count(*) AS n FROM moved",
                Tuple.tuple()).getLong("n");
        assertThat(open).as("open complaint return calls in the demo").isGreaterThanOrEqualTo(3);
        today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        agent = new Browser(desk.app().httpPort());
        agent.logIn("agent1", PASSWORD);
        agent.waitFor(() -> agent.path().equals("/desk"));
        supervisor = new Browser(desk.app().httpPort());
        downloads = Downloads.of(supervisor);
        supervisor.logIn("supervisor1", PASSWORD);
        supervisor.waitFor(() -> supervisor.path().equals("/desk"));
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[]{agent, supervisor, desk}) {
            if (closeable != null) {
                closeable.close();
            }
        }
    }

    /** The earliest overdue complaint follow-up of agent1 (the page lists every overdue one), with its ticket number. */
    private static Row openComplaintCall(int skip) {
        return desk.query("SELECT f.id, t.number FROM followups f JOIN tickets t ON t.id = f.ticket_id "
                + "WHERE f.kind = 'complaint' AND f.done_at IS NULL AND f.assignee = 'agent1' AND f.due_at < now() "
                + "ORDER BY f.due_at, f.id OFFSET $1 LIMIT 1", Tuple.of(skip));
    }

    /** Opens the follow-up's script and form, scrolled to the top of the window. */
    private static String openCall(long id) throws InterruptedException {
        String item = "#followup-" + id;
        agent.open("/followups");
        agent.find(item + " summary").click();
        agent.script("document.querySelector(arguments[0]).scrollIntoView()", item);
        agent.waitFor(() -> agent.find(item + " .script").isDisplayed());
        return item;
    }

    @Test
    @Order(1)
    @DisplayName("the agent reads the complaint's script, scores overall, speed, attitude and result with digit keys, gives the reasons the dissatisfied customer names and saves with Ctrl+Enter")
    void answerFromTheKeyboard() throws Exception {
        Row call = openComplaintCall(0);
        long id = call.getLong("id");
        String item = openCall(id);

        assertThat(agent.text(item + " .script")).contains("回访话术", call.getString("number"), "满意吗");
        assertThat(agent.find(item + " [data-reasons]").isDisplayed()).isFalse();
        agent.find(item + " input[name=satisfaction][value='3']").click();
        agent.find(item + " input[name=satisfaction][value='3']").sendKeys("2");
        agent.driver.switchTo().activeElement().sendKeys("1");
        agent.driver.switchTo().activeElement().sendKeys("3");
        agent.driver.switchTo().activeElement().sendKeys("2");
        assertThat(agent.find(item + " [data-reasons]").isDisplayed()).isTrue();
        assertThat(agent.find(item + " input.reason-text").isDisplayed()).isFalse();
        agent.find(item + " input[name=reasons][value=not_fixed]").click();
        agent.find(item + " input[name=reasons][value=other]").click();
        agent.find(item + " input.reason-text").sendKeys("估抄还没改");
        agent.find(item + " textarea[name=comment]").sendKeys("说好来抄表没来");
        agent.screenshot("followup-visit-zh");
        agent.find(item + " textarea[name=comment]").sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
        agent.waitFor(() -> agent.all(item).isEmpty() || !agent.text("#announce").isBlank(), Duration.ofSeconds(30));
        assertThat(agent.all(item)).as(agent.text("#announce")).isEmpty();

        Row saved = desk.query("SELECT f.*, t.status FROM followups f JOIN tickets t ON t.id = f.ticket_id WHERE f.id = $1",
                Tuple.of(id));
        assertThat(List.of(saved.getInteger("satisfaction"), saved.getInteger("score_speed"),
                saved.getInteger("score_attitude"), saved.getInteger("score_result"))).containsExactly(2, 1, 3, 2);
        assertThat(Arrays.asList(saved.getArrayOfStrings("reasons"))).containsExactly("not_fixed", "other");
        assertThat(saved.getString("reason_text")).isEqualTo("估抄还没改");
        assertThat(saved.getString("status")).isEqualTo("resolve");
    }

    @Test
    @Order(2)
    @DisplayName("a dissatisfied answer without a reason is refused and shown next to the reasons; the typed comment stays")
    void refusedAtItsField() throws Exception {
        long id = openComplaintCall(0).getLong("id");
        String item = openCall(id);
        agent.find(item + " input[name=satisfaction][value='1']").click();
        agent.find(item + " textarea[name=comment]").sendKeys("不满意");
        agent.find(item + " form.outcome button[type=submit]").click();

        agent.waitFor(() -> agent.find(item + " [data-error-for=reasons]").isDisplayed());
        assertThat(agent.text(item + " [data-error-for=reasons]")).isNotBlank();
        assertThat(agent.find(item + " textarea[name=comment]").getDomProperty("value")).isEqualTo("不满意");
        assertThat(desk.query("SELECT done_at FROM followups WHERE id = $1", Tuple.of(id)).getValue("done_at")).isNull();
    }

    @Test
    @Order(3)
    @DisplayName("an unanswered call is one attempt of three: the call stays, and says so; in English the script is English")
    void failedAttempt() throws Exception {
        long id = openComplaintCall(0).getLong("id");
        String item = openCall(id);
        agent.find(item + " form.unreachable button").click();
        agent.waitFor(() -> desk.query("SELECT attempts FROM followups WHERE id = $1", Tuple.of(id))
                .getInteger("attempts") == 1);

        agent.manage().addCookie(new Cookie("hotline_lang", "en", "/"));
        long next = openComplaintCall(0).getLong("id");
        String shown = openCall(next);
        assertThat(agent.text(shown + " .script")).contains("Hello, is that", "how satisfied");
        agent.find(shown + " input[name=speed][value='4']").click();
        agent.find(shown + " input[name=speed][value='4']").sendKeys("4");
        agent.driver.switchTo().activeElement().sendKeys("5");
        agent.screenshot("followup-visit-en");
        agent.manage().addCookie(new Cookie("hotline_lang", "zh", "/"));
        agent.open("/followups");
        if (!agent.all("#followup-" + id).isEmpty()) { // still due today: it says how many attempts failed
            assertThat(agent.text("#followup-" + id + " summary")).contains("已 1 次未接通");
        }
    }

    @Test
    @Order(4)
    @DisplayName("the complaint's ticket page offers the same answers: the reasons as check boxes, sent as codes")
    void ticketPageFollowUp() throws Exception {
        long ticket = desk.query("SELECT ticket_id FROM followups WHERE kind = 'complaint' AND done_at IS NULL "
                + "ORDER BY due_at DESC, id DESC LIMIT 1", Tuple.tuple()).getLong("ticket_id");
        String form = "#act-" + ticket + "-follow_up";
        agent.open("/tickets/" + ticket);
        agent.waitFor(() -> agent.find(form).isDisplayed());
        agent.find(form + "-satisfaction").sendKeys("1");
        agent.find(form + " input[name=reasons][value=slow]").click();
        agent.find(form + " input[name=reasons][value=rude]").click();
        agent.find(form + "-comment").sendKeys("等了一周");
        agent.script("document.querySelector(arguments[0]).scrollIntoView()", form);
        agent.screenshot("ticket-followup-zh");
        agent.find(form + " button[type=submit]").click();
        agent.waitFor(() -> "resolve".equals(desk.query("SELECT status FROM tickets WHERE id = $1", Tuple.of(ticket))
                .getString("status")), Duration.ofSeconds(30));

        Row saved = desk.query("SELECT satisfaction, reasons FROM followups WHERE ticket_id = $1 AND done_at IS NOT NULL",
                Tuple.of(ticket));
        assertThat(saved.getInteger("satisfaction")).isEqualTo(1);
        assertThat(Arrays.asList(saved.getArrayOfStrings("reasons"))).containsExactly("slow", "rude");
    }

    /** Opens a report, checks its table's header names {@code columns}, waits for its chart and takes a screenshot. */
    private static void showReport(String query, String screenshot, String... columns) throws InterruptedException {
        supervisor.open("/supervisor/reports?" + query);
        supervisor.waitFor(() -> !supervisor.all(".report-table tbody tr").isEmpty());
        assertThat(supervisor.text(".report-table thead")).contains(columns);
        supervisor.waitFor(() -> (Boolean) supervisor.script(
                "return window.Chart && !!window.Chart.getChart(document.getElementById('report-chart'))"));
        supervisor.screenshot(screenshot);
    }

    @Test
    @Order(5)
    @DisplayName("the supervisor reads the return visits by week with a column per reason, and the satisfaction trend by indicator, in both languages")
    void reports() throws Exception {
        String period = "&from=" + LocalDate.parse(today).minusWeeks(15) + "&to=" + today;
        showReport("report=visits&interval=week" + period, "reports-visits-zh", "已回访", "联系不上", "满意率",
                "不满意原因：问题没有解决", "不满意原因：其他（请注明）");
        showReport("report=satisfaction_trend&interval=week" + period, "reports-trend-zh", "总体满意度", "处理速度",
                "服务态度", "处理结果");
        assertThat((Long) supervisor.script("return window.Chart.getChart(document.getElementById('report-chart'))"
                + ".data.datasets.length")).isEqualTo(4L);

        supervisor.manage().addCookie(new Cookie("hotline_lang", "en", "/"));
        showReport("report=visits&interval=month&by=type" + period, "reports-visits-en", "Visits done", "Unreachable",
                "Dissatisfied: Problem not fixed");
        showReport("report=satisfaction_trend&interval=month" + period, "reports-trend-en", "Overall", "Speed",
                "Attitude", "Result");
        supervisor.manage().addCookie(new Cookie("hotline_lang", "zh", "/"));
    }

    @Test
    @Order(6)
    @DisplayName("the visit report's CSV starts with the UTF-8 BOM, has a Chinese column per reason, and the figures of the page")
    void csv() throws Exception {
        String from = LocalDate.parse(today).minusDays(119).toString();
        supervisor.open("/supervisor/reports?report=visits&interval=month&from=" + from + "&to=" + today);
        String pageFirstRow = supervisor.text(".report-table tbody tr");
        List<CSVRecord> records = downloads.download(supervisor, "#report-csv", "hotline-");

        assertThat(records.getFirst().values()).startsWith("期间", "已回访", "接通量", "联系不上", "满意", "不满意", "满意率",
                "不满意原因：处理太慢");
        assertThat(String.join(" ", records.get(1).values())).isEqualTo(pageFirstRow);
    }
}
