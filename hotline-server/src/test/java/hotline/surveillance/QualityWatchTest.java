package hotline.surveillance;

import hotline.common.InvalidInputException;
import hotline.testing.WorkflowFixture;
import hotline.ticket.Channel;
import hotline.ticket.TicketDraft;
import hotline.ticket.TicketType;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.vertx.core.Future.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QualityWatchTest {

    static final Instant HOUR = Instant.parse("2026-05-01T02:00:00Z");

    private WorkflowFixture fixture;

    @AfterEach
    void close() {
        fixture.close();
    }

    private void report(String district) {
        fixture.create(new TicketDraft(TicketType.REPAIR, Channel.PHONE, null, false, null, null, "water smells of chlorine",
                null, null, district, "water_quality", null));
    }

    @Test
    @DisplayName("given one odour report in this hour of each past week, when five arrive in the hour, then one alert is "
            + "raised, and read back with the counts that raised it")
    void clusterRaisesOneAlert() {
        fixture = new WorkflowFixture(HOUR, new JsonObject());
        for (int week = 1; week <= 4; week++) {
            fixture.clock.set(HOUR.minus(Duration.ofDays(7L * week)).plus(Duration.ofMinutes(10)));
            report("D05");
        }
        fixture.clock.set(HOUR.plus(Duration.ofMinutes(5)));
        for (int i = 0; i < 4; i++) {
            report("D05");
            report("D06");
        }
        assertThat(fixture.query("SELECT count(*) AS n FROM alerts").getFirst().getLong("n")).isZero();

        report("D05");
        report("D05");

        assertThat(fixture.query("SELECT district, count, baseline FROM alerts")).singleElement().satisfies(row -> {
            assertThat(row.getString("district")).isEqualTo("D05");
            assertThat(row.getInteger("count")).isEqualTo(5);
            assertThat(row.getDouble("baseline")).isEqualTo(1.0);
        });
        assertThat(fixture.query("SELECT count(*) AS n FROM outbox WHERE topic = 'alert'").getFirst().getLong("n")).isEqualTo(1);
        assertThat(await(fixture.module.surveillance().alerts().recent(1))).singleElement().satisfies(alert -> {
            assertThat(alert.district()).isEqualTo("D05");
            assertThat(alert.hourStart()).isEqualTo(HOUR);
            assertThat(alert.count()).isEqualTo(5);
            assertThat(alert.threshold()).isEqualTo(5.0);
        });
        assertThatThrownBy(() -> await(fixture.module.surveillance().alerts().recent(0)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("hours"));
    }
}
