package hotline.notify;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The local night in which non-urgent notices wait for the morning, in the utility's time zone: from {@code from}
 * (inclusive) to {@code to} (exclusive), across midnight when {@code from} is after {@code to}. Equal times mean no
 * quiet hours.
 */
public record QuietHours(LocalTime from, LocalTime to, ZoneId zone) {

    /** When a notice of {@code kind} that is due at {@code due} may go out: {@code due}, or the end of the night it falls in. */
    public Instant release(NoticeKind kind, Instant due) {
        if (kind.urgent() || from.equals(to)) {
            return due;
        }
        ZonedDateTime local = due.atZone(zone);
        LocalTime time = local.toLocalTime();
        LocalDate day = local.toLocalDate();
        if (from.isBefore(to)) {
            return !time.isBefore(from) && time.isBefore(to) ? day.atTime(to).atZone(zone).toInstant() : due;
        }
        if (!time.isBefore(from)) {
            return day.plusDays(1).atTime(to).atZone(zone).toInstant();
        }
        return time.isBefore(to) ? day.atTime(to).atZone(zone).toInstant() : due;
    }
}
