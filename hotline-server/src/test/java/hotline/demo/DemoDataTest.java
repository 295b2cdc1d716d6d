package hotline.demo;

import hotline.App;
import hotline.billing.BillingAnswer;
import hotline.config.Config;
import hotline.testing.HotlineServerExtension;
import hotline.search.SearchHit;
import hotline.search.SearchIndex;
import hotline.testing.ApiClient;
import hotline.testing.Await;
import hotline.testing.TestApp;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static io.vertx.core.Future.await;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(HotlineServerExtension.class)
class DemoDataTest {

    /** The demo's "now": a winter's day, so its past has frozen pipes whenever the test runs. */
    private static final Clock WINTER = Clock.fixed(Instant.parse("2027-01-20T02:00:00Z"), ZoneOffset.UTC);

    private static App app;

    @BeforeAll
    static void loadDemo(App started) {
        app = started;
        await(DemoData.loadOnce(new Config(new JsonObject(), Map.of()), app.vertx(), app.pool(),
                ZoneId.of("Asia/Shanghai"), app.customers(), app.billing(), WINTER));
    }

    private static Set<String> distinct(String sql) {
        Set<String> values = new HashSet<>();
        for (Row row : await(app.pool().query(sql).execute())) {
            values.add(row.getString(0));
        }
        return values;
    }

    private static long count(String sql) {
        return await(app.pool().query(sql).execute()).iterator().next().getLong(0);
    }

    private static List<String> texts(String sql) {
        List<String> values = new ArrayList<>();
        for (Row row : await(app.pool().query(sql).execute())) {
            values.add(row.getString(0));
        }
        return values;
    }

    /** The search index with every ticket change of the demo applied. */
    private static SearchIndex caughtUpIndex() throws InterruptedException {
        SearchIndex index = app.search().service().index();
        Await.until(() -> {
            JsonObject search = ApiClient.management(app).get("/health").json().getJsonObject("checks")
                    .getJsonObject("search");
            return search.getLong("pendingChanges", 1L) == 0 && !search.getBoolean("rebuilding", true);
        }, Duration.ofMinutes(2));
        index.refresh();
        return index;
    }

    @Test
    @DisplayName("the demo holds 300 customers and 3,000 tickets of every type, through the real services")
    void customersAndTicketsOfEveryType() {
        assertThat(count("SELECT count(*) FROM customers")).isEqualTo(DemoData.CUSTOMERS);
        assertThat(count("SELECT count(*) FROM tickets")).isEqualTo(DemoData.TICKETS);
        assertThat(distinct("SELECT DISTINCT type FROM tickets"))
                .containsExactlyInAnyOrder("repair", "complaint", "inquiry", "suggestion", "help");
        assertThat(count("SELECT count(*) FROM ticket_events")).isGreaterThan(2L * DemoData.TICKETS);
    }

    @Test
    @DisplayName("demo tickets stand in every kind of status: open steps, closed and cancelled")
    void ticketsOfEveryStatus() {
        assertThat(distinct("SELECT DISTINCT status FROM tickets"))
                .contains("open", "vent", "record", "resolve", "closed", "cancelled");
        assertThat(count("SELECT count(*) FROM incidents")).isPositive();
    }

    @Test
    @DisplayName("demo customers cover every district and several critical facilities, with Chinese and English names")
    void customersAreVaried() {
        assertThat(distinct("SELECT DISTINCT district FROM customers")).hasSize(DemoText.DISTRICTS.size());
        assertThat(count("SELECT count(*) FROM customers WHERE critical_facility")).isGreaterThanOrEqualTo(5);
        assertThat(count("SELECT count(*) FROM customers WHERE name ~ '^[A-Za-z]'")).isPositive();
        assertThat(count("SELECT count(*) FROM customers WHERE name ~ '[一-龥]'")).isPositive();
    }

    @Test
    @DisplayName("every demo customer has a year of bills and readings; a few readings estimated, a few balances overdue, one leak")
    void billingLedger() {
        assertThat(count("SELECT count(DISTINCT account_number) FROM billing_bills")).isEqualTo(DemoData.CUSTOMERS);
        assertThat(count("SELECT min(n) FROM (SELECT count(*) AS n FROM billing_bills GROUP BY account_number) b")).isEqualTo(12);
        assertThat(count("SELECT count(DISTINCT account_number) FROM billing_readings WHERE estimated"))
                .isBetween(10L, 60L);
        assertThat(count("SELECT count(*) FROM billing_accounts WHERE balance > 0")).isBetween(10L, DemoData.CUSTOMERS / 2L);

        BillingAnswer.Known leak = (BillingAnswer.Known) await(app.billing().forAccount(DemoBilling.LEAK_ACCOUNT));
        assertThat(app.billing().jump(leak.statement())).hasValueSatisfying(jump ->
                assertThat(jump.ratio()).isGreaterThan(new java.math.BigDecimal("3")));
        assertThat(leak.statement().overdue(LocalDate.of(2027, 1, 20))).isPositive();
        long jumps = 0;
        for (Row row : await(app.pool().query("SELECT account_number FROM billing_accounts").execute())) {
            BillingAnswer.Known known = (BillingAnswer.Known) await(app.billing().forAccount(row.getString(0)));
            jumps += app.billing().jump(known.statement()).isPresent() ? 1 : 0;
        }
        assertThat(jumps).isEqualTo(1);
    }

    @Test
    @DisplayName("loading again into a database that has data adds nothing")
    void loadsOnlyOnce() {
        await(DemoData.loadOnce(new Config(new JsonObject(), Map.of()), app.vertx(), app.pool(),
                ZoneId.of("Asia/Shanghai"), app.customers(), app.billing(), app.clock()));

        assertThat(count("SELECT count(*) FROM tickets")).isEqualTo(DemoData.TICKETS);
    }

    @Test
    @DisplayName("no water-quality report ends with a pipe repaired: each is flushed, tested or explained")
    void waterQualityResolutionsFit() {
        List<String> resolutions = texts("SELECT details->'incident'->>'resolution' FROM tickets"
                + " WHERE category = 'water_quality' AND details ? 'incident'");

        assertThat(resolutions).hasSizeGreaterThan(20).allSatisfy(resolution -> assertThat(resolution)
                .doesNotContainPattern("爆|管段|接口|抢修|repaired|burst|replaced|supply restored")
                .containsPattern("检测|冲洗|余氯|水质|合格|达标|tested|[Ff]lush|[Cc]hlorine|quality|compliant|air"));
        assertThat(texts("SELECT details->'incident'->>'resolution' FROM tickets"
                + " WHERE category = 'no_water' AND details ? 'incident'"))
                .isNotEmpty().allSatisfy(resolution -> assertThat(resolution).containsPattern("供水|无水|[Ss]upply|water"));
    }

    @Test
    @DisplayName("callers' words vary: statements rarely repeat, and complaints, answers and notes follow their kind")
    void textsVary() {
        assertThat(count("SELECT count(DISTINCT description) FROM tickets"))
                .isGreaterThan(DemoData.TICKETS * 6L / 10);
        assertThat(count("SELECT max(n) FROM (SELECT count(*) AS n FROM tickets GROUP BY subject) s"))
                .isLessThan(DemoData.TICKETS / 40);
        assertThat(distinct("SELECT DISTINCT category FROM tickets WHERE type = 'complaint'"))
                .contains("billing", "meter_reading", "shutoff_notice");
        assertThat(texts("SELECT e.data->'resolve'->>'solution' FROM ticket_events e"
                + " JOIN tickets t ON t.id = e.ticket_id WHERE t.category = 'billing' AND e.action = 'resolve'"))
                .isNotEmpty().allSatisfy(solution -> assertThat(solution)
                        .containsPattern("水|费|违约金|[Bb]ill|fee|tariff|[Mm]eter"));
    }

    @Test
    @DisplayName("the top 5 similar cases of a frozen pipe show different resolutions, the frozen-pipe repair first")
    void similarCasesOfAFrozenPipeDiffer() throws InterruptedException {
        SearchIndex index = caughtUpIndex();

        List<SearchHit> similar = index.similarToText("阳台上的水管冻裂了，一直在漏水，地上全是水", 5, true);

        assertThat(similar).hasSize(5);
        assertThat(similar).extracting(SearchHit::resolution).filteredOn(Objects::nonNull)
                .hasSizeGreaterThanOrEqualTo(4).doesNotHaveDuplicates();
        assertThat(similar.getFirst().resolution()).contains("冻");
        assertThat(similar.stream().mapToInt(SearchHit::alsoSeen).sum()).isPositive();
        List<String> chlorine = index.similarToText("Water smells of chlorine", 3, true).stream()
                .map(SearchHit::resolution).filter(Objects::nonNull).toList();
        assertThat(chlorine).isNotEmpty().noneMatch(resolution -> resolution.contains("repaired"))
                .anyMatch(resolution -> resolution.toLowerCase(Locale.ROOT).contains("chlorine"));
    }
}
