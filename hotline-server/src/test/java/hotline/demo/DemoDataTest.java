package hotline.demo;

import hotline.App;
import hotline.config.Config;
import hotline.testing.HotlineServerExtension;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.ZoneId;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static io.vertx.core.Future.await;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(HotlineServerExtension.class)
class DemoDataTest {

    private static App app;

    @BeforeAll
    static void loadDemo(App started) {
        app = started;
        await(DemoData.loadOnce(new Config(new JsonObject(), Map.of()), app.vertx(), app.pool(),
                ZoneId.of("Asia/Shanghai"), app.customers(), app.clock()));
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
    @DisplayName("loading again into a database that has data adds nothing")
    void loadsOnlyOnce() {
        await(DemoData.loadOnce(new Config(new JsonObject(), Map.of()), app.vertx(), app.pool(),
                ZoneId.of("Asia/Shanghai"), app.customers(), app.clock()));

        assertThat(count("SELECT count(*) FROM tickets")).isEqualTo(DemoData.TICKETS);
    }
}
