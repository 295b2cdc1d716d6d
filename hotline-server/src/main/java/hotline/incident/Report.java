package hotline.incident;

import java.time.Instant;

/** A repair report as incident matching sees it; {@code coordinates} is null when unknown. */
public record Report(long ticketId, String category, String district, String location, Coordinates coordinates,
                     Instant at) {
}
