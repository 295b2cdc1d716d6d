package hotline.console;

import hotline.auth.DemoUsers;
import io.vertx.sqlclient.Tuple;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Cookie;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The customer archive, the segments tab with the at-risk list, and the customer page's health and timeline blocks in
 * a real headless Chromium against the demo server (screenshots in both languages), with the CSV downloaded from the
 * page and text from the database shown as text.
 */
class ArchiveBrowserTest {

    private static final String PASSWORD = DemoUsers.DEFAULT_PASSWORD;
    private static final String SCRIPT = "<script>document.title='pwned'</script>回访不满意";

    private static DemoDesk desk;
    private static Browser supervisor;
    private static Downloads downloads;

    @BeforeAll
    static void start() throws Exception {
        desk = DemoDesk.start("ami-archive-secret");
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

    @Test
    @DisplayName("the archive filters by district and tier, keeps the filter in the address across pages, in Chinese and English")
    void archive() throws Exception {
        supervisor.open("/archive");
        supervisor.find("input[name=district]").sendKeys("XH");
        supervisor.find("#archive-form button[type=submit]").click();
        supervisor.waitFor(() -> supervisor.path().equals("/archive") && !supervisor.all("#archive-table tbody tr").isEmpty());
        assertThat((String) supervisor.script("return location.search")).contains("district=XH");
        assertThat(supervisor.text("#archive-total")).containsPattern("共 [0-9]+ 户");
        supervisor.screenshot("archive-zh");

        supervisor.open("/archive?tier=key");
        assertThat(supervisor.all("#archive-table tbody .badge.tier-key")).isNotEmpty();
        assertThat(supervisor.all("#archive-table tbody .badge.tier-small")).isEmpty();

        supervisor.open("/archive");
        if (!supervisor.all("#archive-next").isEmpty()) {
            supervisor.open("/archive?waterUse=residential");
            supervisor.find("#archive-next").click();
            supervisor.waitFor(() -> ((String) supervisor.script("return location.search")).contains("page=2"));
            assertThat((String) supervisor.script("return location.search")).contains("waterUse=residential");
        }

        supervisor.manage().addCookie(new Cookie("hotline_lang", "en", "/"));
        supervisor.open("/archive?district=XH");
        assertThat(supervisor.text("#archive-table thead")).contains("Name", "Last contact");
        supervisor.screenshot("archive-en");
        supervisor.manage().addCookie(new Cookie("hotline_lang", "zh", "/"));
    }

    @Test
    @DisplayName("a refused filter is shown next to its field with what was typed kept, not as a failure")
    void refusedFilter() {
        supervisor.open("/archive?createdFrom=2026-05-02&createdTo=2026-05-01&name=%E7%8E%8B");

        assertThat(supervisor.text("#error-createdTo")).contains("createdTo");
        assertThat(supervisor.find("input[name=createdTo]").getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(supervisor.find("input[name=name]").getDomProperty("value")).isEqualTo("王");

        supervisor.open("/supervisor/segments?segment=abc&tier=gold");
        assertThat(supervisor.text("#error-segment")).contains("segment");
    }

    @Test
    @DisplayName("the customer page shows the health score with its breakdown and every contact newest first, notices and return visits included, text escaped, older pages on demand")
    void customerPage() throws Exception {
        long customer = desk.query("""
                SELECT c.id FROM customers c JOIN tickets t ON t.customer_id = c.id
                GROUP BY c.id ORDER BY count(*) DESC, c.id LIMIT 1""", Tuple.tuple()).getLong(0);
        Instant now = Instant.now();
        for (int i = 0; i < 20; i++) {
            desk.query("""
                    INSERT INTO calls (uniqueid, caller_number, started_at, answered_at, ended_at, talk_seconds,
                                       disposition, customer_id, created_at)
                    VALUES ($1, '13900000000', $2, $2, $2, 60, 'answered', $3, $2)""",
                    Tuple.of("archive-test." + i, now.minusSeconds(86_400L * (30 + i)).atOffset(ZoneOffset.UTC), customer));
        }
        desk.query("INSERT INTO notices (kind, customer_id, dedupe_key, created_at) VALUES ('supply_restored', $1, $2, $3)",
                Tuple.of(customer, "archive-test:" + customer, now.minusSeconds(120).atOffset(ZoneOffset.UTC)));
        desk.query("""
                INSERT INTO followups (kind, customer_id, due_at, done_at, done_by, outcome, satisfaction, comment,
                                       created_at)
                VALUES ('complaint', $1, $2, $2, 'agent1', 'answered', 1, $3, $2)""",
                Tuple.of(customer, now.minusSeconds(60).atOffset(ZoneOffset.UTC), SCRIPT));

        supervisor.open("/customers/" + customer);

        assertThat(supervisor.text("#health-score")).matches("[0-9]{1,3}");
        assertThat(supervisor.all("#customer-health .health-parts tbody tr")).hasSize(6);
        assertThat(supervisor.text("#health-at-risk")).contains("风险客户");
        List<String> kinds = supervisor.all("#timeline > li.tl").stream()
                .map(li -> li.getDomAttribute("class")).toList();
        assertThat(kinds.subList(0, 2)).containsExactly("tl tl-followup", "tl tl-notice");
        assertThat(supervisor.text("#timeline")).contains(SCRIPT, "恢复供水");
        assertThat((String) supervisor.script("return document.title")).doesNotContain("pwned");
        supervisor.screenshot("customer-relationship-zh");
        int first = supervisor.all("#timeline > li.tl").size();
        supervisor.find("#timeline-older").click();
        supervisor.waitFor(() -> supervisor.all("#timeline > li.tl").size() > first);

        supervisor.manage().addCookie(new Cookie("hotline_lang", "en", "/"));
        supervisor.open("/customers/" + customer);
        assertThat(supervisor.text("#customer-health")).contains("Relationship health", "Years as a customer");
        supervisor.screenshot("customer-relationship-en");
        supervisor.manage().addCookie(new Cookie("hotline_lang", "zh", "/"));
    }

    @Test
    @DisplayName("a supervisor counts a filter's customers by segment, saves it by name, plans recovery calls from the at-risk list, key customers first")
    void segments() throws Exception {
        supervisor.open("/supervisor/segments?district=XH");
        assertThat(supervisor.all("#dim-tier tbody tr")).isNotEmpty();
        supervisor.find("#segment-name").sendKeys("西湖片区全部");
        supervisor.find("#segment-save button[type=submit]").click();
        supervisor.waitFor(() -> ((String) supervisor.script("return location.search")).contains("segment="));
        assertThat(supervisor.text("#saved-segments")).contains("西湖片区全部");
        assertThat(supervisor.find("input[name=district]").getDomProperty("value")).isEqualTo("XH");
        assertThat(supervisor.find("input[name=name]").getDomProperty("value")).isEmpty();
        assertThat(supervisor.text("#segment-total")).containsPattern("共 [1-9][0-9]* 户");

        List<String> tiers = supervisor.all("#risk-table tbody .badge[class*=tier-]").stream()
                .map(badge -> badge.getDomAttribute("class").replace("badge tier-", "")).toList();
        assertThat(tiers).isNotEmpty();
        assertThat(tiers).isSortedAccordingTo((a, b) -> Integer.compare(List.of("key", "ordinary", "small").indexOf(a),
                List.of("key", "ordinary", "small").indexOf(b)));
        supervisor.screenshot("segments-zh");

        supervisor.find("#segment-name").sendKeys("西湖片区全部");
        supervisor.find("#segment-save button[type=submit]").click();
        supervisor.waitFor(() -> !supervisor.all("#error-segmentName").isEmpty());
        assertThat(supervisor.text("#error-segmentName")).contains("西湖片区全部");

        supervisor.manage().addCookie(new Cookie("hotline_lang", "en", "/"));
        supervisor.open("/supervisor/segments?district=XH");
        assertThat(supervisor.text("#risk-title")).contains("Customers at risk");
        supervisor.screenshot("segments-en");
        supervisor.manage().addCookie(new Cookie("hotline_lang", "zh", "/"));
    }

    @Test
    @DisplayName("the customers CSV of a segment starts with the UTF-8 BOM, reads in Chinese, and a name like a formula comes out as text")
    void customersCsv() throws Exception {
        desk.query("UPDATE customers SET name = '=1+2' WHERE id = (SELECT min(id) FROM customers WHERE district = 'SC') RETURNING id",
                Tuple.tuple());
        supervisor.open("/supervisor/segments?district=SC");
        List<CSVRecord> records = downloads.download(supervisor, "#customers-csv", "hotline-customers");
        assertThat(records.getFirst().values()).contains("户号", "户名", "最近联系");
        assertThat(records).anySatisfy(row -> assertThat(row.get(1)).isEqualTo("'=1+2"));
        assertThat(records.subList(1, records.size())).allSatisfy(row -> assertThat(row.get(4)).isEqualTo("SC"));
    }

    @Test
    @DisplayName("an agent uses the archive but is refused the segments tab and its CSV (403)")
    void agentRefused() throws Exception {
        try (Browser agent = new Browser(desk.app().httpPort())) {
            agent.logIn("agent1", PASSWORD);
            agent.waitFor(() -> agent.path().equals("/desk"));
            agent.open("/archive?district=XH");
            assertThat(agent.all("#archive-table tbody tr")).isNotEmpty();
            agent.open("/supervisor/segments");
            assertThat(agent.text("h1")).contains("403");
            agent.open("/supervisor/segments/customers.csv");
            assertThat(agent.text("h1")).contains("403");
        }
    }
}
