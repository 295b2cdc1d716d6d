package hotline.sla;

import hotline.config.ConfigException;
import hotline.ticket.workflow.EscalationLevel;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DutyRosterTest {

    static final DutyRoster roster = DutyRoster.load(Path.of("../conf/roster.json"), SlaPolicyTest.SHANGHAI);

    @Test
    @DisplayName("a 03:00 breach reaches the night supervisor, a 10:00 one the day supervisor")
    void nightAndDay() {
        assertThat(roster.onDuty(EscalationLevel.DUTY_SUPERVISOR, Instant.parse("2026-05-01T19:00:00Z")))
                .contains("supervisor.night");
        assertThat(roster.onDuty(EscalationLevel.DUTY_SUPERVISOR, Instant.parse("2026-05-01T02:00:00Z")))
                .contains("supervisor.day");
        assertThat(roster.onDuty(EscalationLevel.MANAGER, Instant.parse("2026-05-01T12:00:00Z"))).contains("manager.night");
        assertThat(roster.onDuty(EscalationLevel.AGENT, Instant.parse("2026-05-01T02:00:00Z"))).isEmpty();
    }

    static JsonObject shift(String from, String to) {
        return new JsonObject().put("from", from).put("to", to).put("team_lead", "a").put("duty_supervisor", "b")
                .put("manager", "c");
    }

    @Test
    @DisplayName("a roster with a gap or a missing role fails loading, naming the gap or the entry")
    void invalidRosters() {
        assertThatThrownBy(() -> DutyRoster.parse(new JsonObject().put("shifts", new JsonArray().add(shift("08:00", "20:00"))),
                SlaPolicyTest.SHANGHAI)).isInstanceOf(ConfigException.class).hasMessageContaining("nobody is on duty");
        assertThatThrownBy(() -> DutyRoster.parse(new JsonObject().put("shifts", new JsonArray()
                .add(shift("08:00", "08:00").putNull("manager"))), SlaPolicyTest.SHANGHAI))
                .isInstanceOf(ConfigException.class).hasMessageContaining("shifts[0].manager");
    }

    @Test
    @DisplayName("a weekend shift listed first takes precedence over the daily one on its days")
    void weekendShift() {
        JsonObject file = new JsonObject().put("shifts", new JsonArray()
                .add(shift("08:00", "20:00").put("days", new JsonArray().add("sat").add("sun")).put("duty_supervisor", "weekend"))
                .add(shift("00:00", "00:00")));
        DutyRoster weekend = DutyRoster.parse(file, SlaPolicyTest.SHANGHAI);

        // 2026-05-02 is a Saturday; 10:00 local is 02:00 UTC.
        assertThat(weekend.onDuty(EscalationLevel.DUTY_SUPERVISOR, Instant.parse("2026-05-02T02:00:00Z"))).contains("weekend");
        assertThat(weekend.onDuty(EscalationLevel.DUTY_SUPERVISOR, Instant.parse("2026-05-01T02:00:00Z"))).contains("b");
    }
}
