package hotline.console.internal.outages;

import hotline.console.internal.Models;
import hotline.outage.NoticeRule;
import hotline.outage.Outage;
import hotline.outage.OutageService;
import io.vertx.core.json.JsonObject;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns shut-offs into what the outage templates show: codes stay codes (the templates label them), times become the
 * utility's local time ({@code *Text}) next to the instant, a long area is cut to its first entries. Thread-safe.
 */
final class OutageViews {

    /** Area entries a list row shows before "…". */
    static final int AREA_SHOWN = 4;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final Clock clock;
    private final ZoneId zone;

    OutageViews(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    /** A list row and the head of an outage's page. */
    Map<String, Object> row(Outage outage) {
        Map<String, Object> row = Models.plain(outage.toJson(clock.instant()));
        List<String> area = outage.area();
        row.put("areaText", String.join("、", area.subList(0, Math.min(AREA_SHOWN, area.size())))
                + (area.size() > AREA_SHOWN ? " …(" + area.size() + ")" : ""));
        row.put("startsText", text(outage.startsAt()));
        row.put("endsText", text(outage.endsAt()));
        row.put("plannedEndText", text(outage.plannedEndAt()));
        row.put("announceText", text(outage.announceFrom()));
        row.put("createdText", text(outage.createdAt()));
        if (outage.remindAt() != null) {
            row.put("remindText", text(outage.remindAt()));
        }
        row.put("nextEndInput", INPUT.format(outage.endsAt().plusSeconds(3600).atZone(zone)));
        return row;
    }

    /** One outage's page: {@code o} (its row, all its area, the call tasks with their due and done times). */
    Map<String, Object> detail(OutageService.Detail detail) {
        Map<String, Object> o = row(detail.outage());
        o.put("area", detail.outage().area());
        List<Map<String, Object>> calls = detail.criticalCalls().stream()
                .map(call -> {
                    Map<String, Object> row = Models.plain(call);
                    row.put("dueText", text(Instant.parse(call.getString("dueAt"))));
                    if (call.getString("doneAt") != null) {
                        row.put("doneText", text(Instant.parse(call.getString("doneAt"))));
                    }
                    return row;
                }).toList();
        o.put("calls", calls);
        Map<String, Object> model = new HashMap<>();
        model.put("o", o);
        return model;
    }

    /** The rule as the form's hint tells it. */
    static Map<String, Object> rule(NoticeRule rule) {
        return Map.of("notice", rule.notice().toHours(), "longOutage", rule.longOutage().toHours(),
                "longNotice", rule.longNotice().toHours(), "reminder", rule.reminder().toHours());
    }

    private String text(Instant instant) {
        return WHEN.format(instant.atZone(zone));
    }
}
