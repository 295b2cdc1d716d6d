package hotline.telephony.ivr;

import java.time.LocalDateTime;

/**
 * A planned shut-off the IVR tells an identified caller of: in its notice window, or started ({@code running}, also
 * when it has run past its expected end). Times are the utility's local time, as the caller hears them.
 */
public record KnownOutage(long id, boolean running, LocalDateTime startsAt, LocalDateTime endsAt) {
}
