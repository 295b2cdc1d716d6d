package hotline.outage;

import hotline.common.InvalidInputException;
import hotline.config.ConfigException;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The notice rule of the shipped {@code conf/outages.json} at its boundaries, in the utility's time zone (Asia/Shanghai):
 * 24 hours ahead, 48 hours when the supply is off for more than 12 hours; a reminder 3 hours before the start.
 */
class NoticeRuleTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final NoticeRule RULE = NoticeRule.locate(java.util.Optional.empty());
    /** 08:00 on 1 December in Shanghai (00:00 UTC): when the supervisor schedules. */
    private static final Instant NOW = local("2026-12-01T08:00");

    private static Instant local(String time) {
        return LocalDateTime.parse(time).atZone(SHANGHAI).toInstant();
    }

    @Test
    @DisplayName("the shipped rule is 24 hours ahead, 48 beyond 12 hours off, reminded 3 hours before")
    void shippedRule() {
        assertThat(RULE).isEqualTo(new NoticeRule(Duration.ofHours(24), Duration.ofHours(12), Duration.ofHours(48),
                Duration.ofHours(3)));
    }

    @Test
    @DisplayName("a shut-off of exactly 12 hours needs 24 hours: from 08:00 tomorrow is allowed, from 07:59 is not")
    void twelveHoursNeedsADay() {
        assertThat(RULE.met(NOW, local("2026-12-02T08:00"), local("2026-12-02T20:00"))).isTrue();
        assertThat(RULE.met(NOW, local("2026-12-02T07:59"), local("2026-12-02T19:59"))).isFalse();
        assertThat(RULE.required(local("2026-12-02T08:00"), local("2026-12-02T20:00"))).isEqualTo(Duration.ofHours(24));
    }

    @Test
    @DisplayName("a shut-off one minute longer than 12 hours needs 48 hours: from 08:00 on the 3rd, not 07:59")
    void longerNeedsTwoDays() {
        assertThat(RULE.met(NOW, local("2026-12-03T08:00"), local("2026-12-03T20:01"))).isTrue();
        assertThat(RULE.met(NOW, local("2026-12-03T07:59"), local("2026-12-03T20:00"))).isFalse();
        assertThat(RULE.met(NOW, local("2026-12-02T08:00"), local("2026-12-02T20:01"))).isFalse();
    }

    @Test
    @DisplayName("the lead is counted in hours, not calendar days: scheduled at 23:30 local, a start at 23:30 next day is allowed")
    void acrossLocalMidnight() {
        Instant lateEvening = local("2026-12-01T23:30");
        assertThat(RULE.met(lateEvening, local("2026-12-02T23:30"), local("2026-12-03T05:30"))).isTrue();
        assertThat(RULE.met(lateEvening, local("2026-12-02T23:29"), local("2026-12-03T05:29"))).isFalse();
        assertThat(RULE.latestNotice(local("2026-12-03T00:00"), local("2026-12-03T06:00")))
                .isEqualTo(local("2026-12-02T00:00"));
    }

    @Test
    @DisplayName("the reminder falls 3 hours before the start, or not at all when the notice itself is that late")
    void reminder() {
        assertThat(RULE.reminderAt(NOW, local("2026-12-02T08:00"))).isEqualTo(local("2026-12-02T05:00"));
        assertThat(RULE.reminderAt(NOW, local("2026-12-01T11:00"))).isNull();
    }

    @Test
    @DisplayName("a rule file with a missing or broken entry is refused naming the entry")
    void brokenFile() {
        assertThatThrownBy(() -> NoticeRule.parse(new JsonObject().put("noticeHours", 24).put("longOutageHours", 12)
                .put("longNoticeHours", 48))).isInstanceOf(ConfigException.class).hasMessageContaining("reminderHoursBefore");
        assertThatThrownBy(() -> NoticeRule.parse(new JsonObject().put("noticeHours", 24).put("longOutageHours", 12)
                .put("longNoticeHours", 12).put("reminderHoursBefore", 2))).hasMessageContaining("longNoticeHours");
        assertThatThrownBy(() -> NoticeRule.parse(new JsonObject().put("noticeHours", 1.5).put("longOutageHours", 12)
                .put("longNoticeHours", 48).put("reminderHoursBefore", 2))).hasMessageContaining("noticeHours");
    }

    @Test
    @DisplayName("a draft names the field it breaks: the area, a late start (unless an emergency), the end, the reason")
    void draftChecks() {
        Instant start = local("2026-12-02T08:00");
        Instant end = local("2026-12-02T18:00");
        assertThat(field(new OutageDraft(Outage.AreaKind.DISTRICTS, List.of(), start, end, "换管", false))).isEqualTo("area");
        assertThat(field(new OutageDraft(Outage.AreaKind.DISTRICTS, List.of("D1", " D1 "), start, end, "换管", false)))
                .isEqualTo("area[1]");
        assertThat(field(new OutageDraft(null, List.of("D1"), start, end, "换管", false))).isEqualTo("areaKind");
        assertThat(field(new OutageDraft(Outage.AreaKind.STREETS, List.of("解放路", "路"), start, end, "换管", false)))
                .as("one character of a street matches too much").isEqualTo("area[1]");
        assertThat(field(new OutageDraft(Outage.AreaKind.DISTRICTS, List.of("D1"), NOW, end, "换管", false))).isEqualTo("startsAt");
        assertThat(field(new OutageDraft(Outage.AreaKind.DISTRICTS, List.of("D1"), start, start, "换管", false))).isEqualTo("endsAt");
        assertThat(field(new OutageDraft(Outage.AreaKind.DISTRICTS, List.of("D1"), start, start.plus(Duration.ofDays(15)),
                "换管", true))).isEqualTo("endsAt");
        assertThat(field(new OutageDraft(Outage.AreaKind.DISTRICTS, List.of("D1"), start, end, " ", false))).isEqualTo("reason");
        Instant tooSoon = local("2026-12-01T20:00");
        Instant fourHoursLater = local("2026-12-02T00:00");
        assertThatThrownBy(() -> new OutageDraft(Outage.AreaKind.STREETS, List.of("解放路"), tooSoon, fourHoursLater,
                "抢修", false).check(NOW, RULE, SHANGHAI))
                .hasMessageContaining("24 hours").hasMessageContaining("2026-12-02 08:00");
        new OutageDraft(Outage.AreaKind.STREETS, List.of("解放路"), tooSoon, fourHoursLater, "抢修", true)
                .check(NOW, RULE, SHANGHAI);
    }

    private static String field(OutageDraft draft) {
        try {
            draft.check(NOW, RULE, SHANGHAI);
            return null;
        } catch (InvalidInputException e) {
            return e.field();
        }
    }
}
