package hotline.console.internal.incidents;

import hotline.console.internal.Models;
import hotline.crew.Crew;
import hotline.incident.Incident;
import hotline.surveillance.QualityAlert;
import hotline.surveillance.QualityWatch;
import io.vertx.core.json.JsonObject;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns incidents, alerts and crews into what the incident templates show: codes stay codes (the templates label
 * them), times become the utility's local time ({@code *Text}: the time alone today, else with the date) next to the
 * instant (for {@code datetime} and the ETA countdown). Immutable and thread-safe.
 */
final class IncidentViews {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM-dd HH:mm");
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");

    private final Clock clock;
    private final ZoneId zone;

    IncidentViews(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    /** The list and the alerts: {@code incidents}, {@code alerts}, {@code alertHours}, {@code limited}. */
    Map<String, Object> board(IncidentBoard.Board board) {
        Map<Long, String> crews = board.crews().stream().collect(Collectors.toMap(Crew::id, Crew::name));
        Map<String, Long> waterQuality = board.open().stream()
                .filter(incident -> QualityWatch.CATEGORY.equals(incident.category()))
                .collect(Collectors.toMap(Incident::district, Incident::id, Math::max));
        Map<String, Object> model = new HashMap<>();
        model.put("incidents", board.open().stream().map(incident -> row(incident, crews)).toList());
        model.put("alerts", board.alerts().stream().map(alert -> alert(alert, waterQuality.get(alert.district()))).toList());
        model.put("alertHours", IncidentBoard.ALERT_HOURS);
        model.put("limited", board.limited());
        return model;
    }

    private Map<String, Object> row(Incident incident, Map<Long, String> crews) {
        Map<String, Object> row = Models.plain(incident.toJson());
        times(row, incident.openedAt(), incident.lastReportAt(), incident.eta());
        if (incident.crewId() != null) {
            row.put("crewName", crews.getOrDefault(incident.crewId(), "#" + incident.crewId()));
        }
        return row;
    }

    private Map<String, Object> alert(QualityAlert alert, Long openIncident) {
        Map<String, Object> row = Models.plain(alert.toJson());
        row.put("hourText", text(alert.hourStart()) + "–" + HOUR.format(alert.hourStart().plusSeconds(3600).atZone(zone)));
        row.put("baselineText", String.format(Locale.ROOT, "%.1f", alert.baseline()));
        row.put("thresholdText", String.format(Locale.ROOT, "%.1f", alert.threshold()));
        if (openIncident != null) {
            row.put("incidentId", openIncident);
        }
        return row;
    }

    /**
     * One incident as {@code GET /api/incidents/{id}} gives it, for its page: {@code i} (with {@code crewName} and the
     * reports' {@code createdText}), {@code crews} on duty first, and {@code mergeable}: the other incidents of
     * {@code open} (the open ones of its category), those of its district first.
     */
    Map<String, Object> detail(JsonObject incident, List<Crew> crews, List<Incident> open) {
        Map<String, Object> i = Models.plain(incident);
        times(i, instant(incident, "openedAt"), instant(incident, "lastReportAt"), instant(incident, "eta"));
        Long crewId = incident.getLong("crewId");
        crews.stream().filter(crew -> crewId != null && crew.id() == crewId).findFirst()
                .ifPresent(crew -> i.put("crewName", crew.name()));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> reports = (List<Map<String, Object>>) i.get("reports");
        reports.forEach(report -> report.put("createdText", text(Instant.parse((String) report.get("createdAt")))));
        String district = incident.getString("district");
        Map<String, Object> model = new HashMap<>();
        model.put("i", i);
        model.put("crews", crews.stream().sorted(Comparator.comparing((Crew crew) -> !crew.onDuty())
                        .thenComparing(crew -> !crew.district().equals(district)).thenComparing(Crew::name))
                .map(crew -> Models.plain(crew.toJson())).toList());
        model.put("mergeable", open.stream()
                .filter(other -> other.id() != incident.getLong("id"))
                .sorted(Comparator.comparing((Incident other) -> !other.district().equals(district)))
                .map(other -> {
                    Map<String, Object> row = Models.plain(other.toJson());
                    times(row, other.openedAt(), other.lastReportAt(), other.eta());
                    return row;
                }).toList());
        return model;
    }

    private void times(Map<String, Object> row, Instant opened, Instant lastReport, Instant eta) {
        row.put("openedText", text(opened));
        row.put("lastReportText", text(lastReport));
        if (eta != null) {
            row.put("etaText", text(eta));
        }
    }

    /** The local time, with the date unless it is today's. */
    private String text(Instant instant) {
        ZonedDateTime at = instant.atZone(zone);
        return at.toLocalDate().equals(LocalDate.ofInstant(clock.instant(), zone)) ? HOUR.format(at) : WHEN.format(at);
    }

    private static Instant instant(JsonObject json, String field) {
        String text = json.getString(field);
        return text == null ? null : Instant.parse(text);
    }
}
