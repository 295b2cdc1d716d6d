package hotline.console;

import hotline.auth.DemoUsers;
import io.vertx.sqlclient.Tuple;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Cookie;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reports page in a real headless Chromium against the demo server: a report with its chart and table in both
 * languages (screenshots), its CSV downloaded from the page (byte-order mark, Chinese header, a name that is a formula
 * comes out as text), and the page refused to an agent.
 */
class ReportsBrowserTest {

    private static final String PASSWORD = DemoUsers.DEFAULT_PASSWORD;
    private static final String FORMULA = "=HYPERLINK(\"http://evil.example/\",\"点我\")";

    private static DemoDesk desk;
    private static Browser supervisor;
    private static Downloads downloads;
    private static String today;

    @BeforeAll
    static void start() throws Exception {
        desk = DemoDesk.start("ami-reports-secret");
        desk.app().reports().rollup().run(true).await();
        today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        supervisor = new Browser(desk.app().httpPort());
        downloads = Downloads.of(supervisor);
        supervisor.logIn("supervisor1", PASSWORD);
        supervisor.waitFor(() -> supervisor.path().equals("/desk"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (supervisor != null) {
            supervisor.close();
        }
        if (desk != null) {
            desk.close();
        }
    }

    private static String weeks() {
        LocalDate monday = LocalDate.parse(today).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return "/supervisor/reports?report=tickets&interval=week&by=type&from=" + monday.minusWeeks(11) + "&to="
                + today;
    }

    @Test
    @DisplayName("ticket volumes by type and week show as a chart and a table, in Chinese and in English")
    void chartAndTable() throws Exception {
        supervisor.open(weeks());
        supervisor.waitFor(() -> !supervisor.all(".report-table tbody tr").isEmpty());
        assertThat(supervisor.text(".report-table thead")).contains("期间", "类型", "工单数");
        assertThat(supervisor.text(".report-table tbody")).contains("报修", "投诉");
        supervisor.waitFor(() -> (Boolean) supervisor.script(
                "return window.Chart && !!window.Chart.getChart(document.getElementById('report-chart'))"));
        supervisor.screenshot("reports-zh");

        supervisor.manage().addCookie(new Cookie("hotline_lang", "en", "/"));
        supervisor.open(weeks());
        assertThat(supervisor.text(".report-table thead")).contains("Period", "Type", "Tickets");
        assertThat(supervisor.text(".report-table tbody")).contains("Repair");
        supervisor.waitFor(() -> (Boolean) supervisor.script(
                "return !!window.Chart.getChart(document.getElementById('report-chart'))"));
        supervisor.screenshot("reports-en");
        supervisor.manage().addCookie(new Cookie("hotline_lang", "zh", "/"));
    }

    @Test
    @DisplayName("a period ending before it starts is shown next to the end date, not as a failure")
    void refusedPeriod() {
        supervisor.open("/supervisor/reports?report=calls&from=2026-11-10&to=2026-11-01");

        assertThat(supervisor.text("#error-to")).contains("结束日期不能早于开始日期");
        assertThat(supervisor.find("input[name=to]").getDomAttribute("aria-invalid")).isEqualTo("true");
    }

    @Test
    @DisplayName("the CSV downloaded from the page starts with the UTF-8 BOM, reads in Chinese, and an agent named like a formula comes out as text")
    void csvDownload() throws Exception {
        desk.query("UPDATE users SET display_name = $1 WHERE username = 'agent1' RETURNING id", Tuple.of(FORMULA));
        String from = LocalDate.parse(today).minusDays(119).toString();
        supervisor.open("/supervisor/reports?report=tickets&interval=month&by=agent&from=" + from + "&to=" + today);
        List<CSVRecord> records = downloads.download(supervisor, "#report-csv", "hotline-");

        assertThat(records.getFirst().values()).containsExactly("期间", "坐席", "工单数");
        assertThat(records).anySatisfy(row -> assertThat(row.get(1)).isEqualTo("'" + FORMULA));
        assertThat(records).noneSatisfy(row -> assertThat(row.get(1)).startsWith("="));
    }

    @Test
    @DisplayName("an agent is refused the reports page and its CSV (403)")
    void agentRefused() throws Exception {
        try (Browser agent = new Browser(desk.app().httpPort())) {
            agent.logIn("agent1", PASSWORD);
            agent.waitFor(() -> agent.path().equals("/desk"));
            agent.open("/supervisor/reports");
            assertThat(agent.text("h1")).contains("403");
            agent.open("/supervisor/reports.csv?report=tickets&from=" + today + "&to=" + today);
            assertThat(agent.text("h1")).contains("403");
        }
    }
}
