package hotline.incident;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides whether a repair report belongs to an open incident: same category, same place (the same district code,
 * or, when neither has a district, the same location text), the report within {@code window} of the incident's last
 * report, and, when both have coordinates, no farther than {@code maxDistanceMetres}. Among several candidates the
 * nearest wins (by coordinates when known), then the most recently active. Immutable and thread-safe.
 */
public record IncidentMatcher(Duration window, double maxDistanceMetres) {

    public Optional<OpenIncident> match(Report report, List<OpenIncident> open) {
        return open.stream()
                .filter(incident -> incident.category().equals(report.category()))
                .filter(incident -> samePlace(incident, report))
                .filter(incident -> !report.at().isAfter(incident.lastReportAt().plus(window)))
                .filter(incident -> distance(incident, report) <= maxDistanceMetres)
                .min(Comparator.comparingDouble((OpenIncident incident) -> distance(incident, report))
                        .thenComparing(OpenIncident::lastReportAt, Comparator.reverseOrder()));
    }

    private static boolean samePlace(OpenIncident incident, Report report) {
        if (!incident.district().isBlank() || !report.district().isBlank()) {
            return incident.district().equals(report.district());
        }
        return !report.location().isBlank() && normalise(incident.location()).equals(normalise(report.location()));
    }

    /** Distance in metres, or 0 when either side has no coordinates (the district decides alone). */
    private static double distance(OpenIncident incident, Report report) {
        if (incident.coordinates() == null || report.coordinates() == null) {
            return 0;
        }
        return incident.coordinates().distanceMetres(report.coordinates());
    }

    static String normalise(String location) {
        return location.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
