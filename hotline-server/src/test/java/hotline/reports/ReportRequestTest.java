package hotline.reports;

import hotline.common.InvalidInputException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportRequestTest {

    @Test
    @DisplayName("a period ending before it starts is refused naming to")
    void toBeforeFrom() {
        assertThatThrownBy(() -> ReportRequest.parse("tickets", "2026-11-10", "2026-11-09", "day", null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("to"));
    }

    @Test
    @DisplayName("a period is limited per interval: 92 days by day, 371 by week, 731 by month")
    void tooLong() {
        assertThat(ReportRequest.parse("tickets", "2026-01-01", "2026-04-02", "day", null).to())
                .isEqualTo(LocalDate.of(2026, 4, 2));
        assertThatThrownBy(() -> ReportRequest.parse("tickets", "2026-01-01", "2026-04-03", "day", null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("to"));
        assertThat(ReportRequest.parse("calls", "2025-01-01", "2026-12-31", "month", null).interval())
                .isEqualTo(Interval.MONTH);
        assertThatThrownBy(() -> ReportRequest.parse("calls", "2025-01-01", "2026-01-07", "week", null))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    @DisplayName("an unknown report, interval or grouping, a grouping the report lacks and a malformed day are refused by name")
    void unknownCodes() {
        assertField(() -> ReportRequest.parse("weather", "2026-11-01", "2026-11-02", null, null), "report");
        assertField(() -> ReportRequest.parse("tickets", "2026-11-01", "2026-11-02", "hour", null), "interval");
        assertField(() -> ReportRequest.parse("tickets", "2026-11-01", "2026-11-02", null, "colour"), "by");
        assertField(() -> ReportRequest.parse("complaints", "2026-11-01", "2026-11-02", null, "agent"), "by");
        assertField(() -> ReportRequest.parse("tickets", "11/01/2026", "2026-11-02", null, null), "from");
        assertField(() -> ReportRequest.parse("tickets", "2026-11-01", null, null, null), "to");
    }

    @Test
    @DisplayName("without interval and grouping a report is by day and by its first grouping")
    void defaults() {
        ReportRequest complaints = ReportRequest.parse("complaints", "2026-11-01", "2026-11-30", null, null);

        assertThat(complaints.interval()).isEqualTo(Interval.DAY);
        assertThat(complaints.by()).isEqualTo(Grouping.DISTRICT);
        assertThat(ReportRequest.parse("sla", "2026-11-01", "2026-11-30", null, null).by()).isEqualTo(Grouping.TOTAL);
    }

    private static void assertField(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }
}
