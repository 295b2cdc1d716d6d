package hotline.incident;

import java.time.Instant;

/**
 * An open incident as matching sees it: where it is (district, location text, coordinates of the first report when
 * known) and when it last received a report.
 */
public record OpenIncident(long id, String category, String district, String location, Coordinates coordinates,
                           Instant openedAt, Instant lastReportAt) {
}
