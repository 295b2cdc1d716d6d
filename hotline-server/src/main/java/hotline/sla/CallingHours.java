package hotline.sla;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The local hours in which customers may be called back (return calls, proactive calls), although the hotline itself
 * answers around the clock. {@code from} is inclusive, {@code to} exclusive, {@code from} before {@code to}.
 */
public record CallingHours(LocalTime from, LocalTime to, ZoneId zone) {

    public CallingHours {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("calling hours must start before they end: " + from + "–" + to);
        }
    }

    /** The first instant at or after {@code earliest} that lies inside the calling hours. */
    public Instant nextCallTime(Instant earliest) {
        ZonedDateTime local = earliest.atZone(zone);
        LocalTime time = local.toLocalTime();
        if (time.isBefore(from)) {
            return local.with(from).toInstant();
        }
        if (time.isBefore(to)) {
            return earliest;
        }
        return local.toLocalDate().plusDays(1).atTime(from).atZone(zone).toInstant();
    }
}
