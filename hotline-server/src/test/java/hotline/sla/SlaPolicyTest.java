package hotline.sla;

import hotline.config.ConfigException;
import hotline.customer.Tier;
import hotline.ticket.Priority;
import hotline.ticket.TicketType;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SlaPolicyTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final SlaPolicy policy = SlaPolicy.load(Path.of("../conf/sla.json"), SHANGHAI);
    static final Instant created = Instant.parse("2026-05-01T02:00:00Z");

    static SlaSubject subject(Tier tier, TicketType type, Priority priority, boolean urgent, boolean critical) {
        return new SlaSubject(tier, type, priority, urgent, critical);
    }

    @Test
    @DisplayName("a critical repair (burst main) wants the crew on site in 60 minutes and supply back in 12 hours")
    void burstPledge() {
        DueTimes due = policy.dueTimes(subject(Tier.ORDINARY, TicketType.REPAIR, Priority.CRITICAL, false, false), created);

        assertThat(due.firstResponseDue()).isEqualTo(created.plus(Duration.ofMinutes(60)));
        assertThat(due.resolutionDue()).isEqualTo(created.plus(Duration.ofHours(12)));
        assertThat(due.firstResponseWarnAt()).isEqualTo(created.plus(Duration.ofMinutes(48)));
    }

    @Test
    @DisplayName("minor repairs are due in 24 hours, major ones in 48")
    void minorAndMajor() {
        assertThat(policy.targetsFor(subject(Tier.ORDINARY, TicketType.REPAIR, Priority.HIGH, false, false)).resolution())
                .isEqualTo(Duration.ofHours(24));
        assertThat(policy.targetsFor(subject(Tier.SMALL, TicketType.REPAIR, Priority.NORMAL, false, false)).resolution())
                .isEqualTo(Duration.ofHours(48));
    }

    @Test
    @DisplayName("a critical facility's ordinary-priority repair outranks a key customer's: it gets the burst targets")
    void criticalFacilityOutranksTier() {
        SlaTargets hospital = policy.targetsFor(subject(Tier.SMALL, TicketType.REPAIR, Priority.NORMAL, false, true));
        SlaTargets key = policy.targetsFor(subject(Tier.KEY, TicketType.REPAIR, Priority.NORMAL, false, false));

        assertThat(hospital.firstResponse()).isEqualTo(Duration.ofMinutes(60));
        assertThat(hospital.resolution()).isLessThan(key.resolution());
    }

    @Test
    @DisplayName("urgent (急事急办) raises a normal complaint to high and halves its targets")
    void urgentTightens() {
        SlaTargets normal = policy.targetsFor(subject(Tier.ORDINARY, TicketType.COMPLAINT, Priority.NORMAL, false, false));
        SlaTargets urgent = policy.targetsFor(subject(Tier.ORDINARY, TicketType.COMPLAINT, Priority.NORMAL, true, false));

        assertThat(normal.resolution()).isEqualTo(Duration.ofDays(5));
        assertThat(urgent.resolution()).isEqualTo(Duration.ofDays(3).dividedBy(2));
    }

    @Test
    @DisplayName("a key customer's complaint has tighter targets than an ordinary one's")
    void tierMatters() {
        assertThat(policy.targetsFor(subject(Tier.KEY, TicketType.COMPLAINT, Priority.NORMAL, false, false)).resolution())
                .isLessThan(policy.targetsFor(subject(Tier.ORDINARY, TicketType.COMPLAINT, Priority.NORMAL, false, false)).resolution());
    }

    static JsonObject file(JsonObject rule) {
        return new JsonObject().put("rules", new JsonArray().add(rule));
    }

    static JsonObject catchAll() {
        return new JsonObject().put("firstResponse", "PT1H").put("resolution", "PT2H").put("followUpDelay", "P1D");
    }

    @Test
    @DisplayName("a bad entry fails loading with a message naming it")
    void badEntriesNamed() {
        assertThatThrownBy(() -> SlaPolicy.parse(file(catchAll().put("resolution", "two days")), SHANGHAI))
                .isInstanceOf(ConfigException.class).hasMessageContaining("rules[0].resolution");
        assertThatThrownBy(() -> SlaPolicy.parse(file(catchAll().put("match", new JsonObject().put("tier", "gold"))), SHANGHAI))
                .isInstanceOf(ConfigException.class).hasMessageContaining("rules[0].match.tier").hasMessageContaining("gold");
        assertThatThrownBy(() -> SlaPolicy.parse(file(catchAll().put("warning", 1.5)), SHANGHAI))
                .isInstanceOf(ConfigException.class).hasMessageContaining("rules[0].warning");
        assertThatThrownBy(() -> SlaPolicy.parse(file(catchAll().put("resolution", "PT30M")), SHANGHAI))
                .isInstanceOf(ConfigException.class).hasMessageContaining("rules[0].resolution");
        assertThatThrownBy(() -> SlaPolicy.parse(file(catchAll().put("match", new JsonObject().put("type", "repair"))), SHANGHAI))
                .isInstanceOf(ConfigException.class).hasMessageContaining("last rule must match every ticket");
    }

    @Test
    @DisplayName("return calls fall inside the calling hours: 22:30 local moves to 09:00 the next morning")
    void callingHours() {
        CallingHours hours = policy.callingHours();
        Instant lateEvening = Instant.parse("2026-05-01T14:30:00Z"); // 22:30 in Shanghai
        Instant morning = Instant.parse("2026-05-01T00:15:00Z");     // 08:15 in Shanghai
        Instant afternoon = Instant.parse("2026-05-01T06:00:00Z");   // 14:00 in Shanghai

        assertThat(hours.nextCallTime(lateEvening)).isEqualTo(Instant.parse("2026-05-02T01:00:00Z"));
        assertThat(hours.nextCallTime(morning)).isEqualTo(Instant.parse("2026-05-01T01:00:00Z"));
        assertThat(hours.nextCallTime(afternoon)).isEqualTo(afternoon);
    }
}
