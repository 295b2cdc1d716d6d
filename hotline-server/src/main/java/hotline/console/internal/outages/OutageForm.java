package hotline.console.internal.outages;

import hotline.common.Code;
import hotline.common.InvalidInputException;
import hotline.console.internal.Lang;
import hotline.outage.NoticeRule;
import hotline.outage.Outage;
import hotline.outage.OutageDraft;
import io.vertx.ext.web.RoutingContext;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The schedule and extend forms as typed: times as the browser's {@code datetime-local} (the utility's local time),
 * the area one entry a line or comma-separated; and a refused field's message in the viewer's language
 * ({@code outages.error.<form>.<field>}, the rule's hours filled in; {@code area[i]} as {@code areaEntry} with the
 * offending entry).
 */
record OutageForm(Map<String, String> values) {

    static final List<String> FIELDS = List.of("areaKind", "area", "startsAt", "endsAt", "reason", "emergency");

    static OutageForm of(RoutingContext ctx) {
        Map<String, String> values = new HashMap<>();
        for (String name : FIELDS) {
            String value = ctx.request().getFormAttribute(name);
            values.put(name, value == null ? "" : value);
        }
        return new OutageForm(values);
    }

    /** The draft, or an {@link InvalidInputException} naming the first field that cannot be read. */
    OutageDraft draft(ZoneId zone) {
        List<String> area = Arrays.stream(values.get("area").split("[\\n,，、]")).map(String::strip)
                .filter(entry -> !entry.isEmpty()).toList();
        return new OutageDraft(Code.parse(Outage.AreaKind.class, values.get("areaKind")).orElse(null), area,
                time(values.get("startsAt"), "startsAt", zone), time(values.get("endsAt"), "endsAt", zone),
                values.get("reason"), "on".equals(values.get("emergency")) || "true".equals(values.get("emergency")));
    }

    /** A {@code datetime-local} value in the utility's zone; blank is null (the draft's check says it is required). */
    static Instant time(String typed, String field, ZoneId zone) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(typed.strip()).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "a date and time such as 2026-12-01T08:00 is required");
        }
    }

    /** {@code errors[field]} for a refused input: the field of the form it belongs to, with its message. */
    static Map<String, String> error(String form, InvalidInputException invalid, Lang lang, NoticeRule rule,
                                     List<String> area) {
        boolean entry = invalid.field().startsWith("area[");
        String field = entry ? "area" : invalid.field();
        String key = "outages.error." + form + "." + (entry ? "areaEntry" : field);
        String message = lang.messages().getOrDefault(key, invalid.getMessage())
                .replace("{notice}", Long.toString(rule.notice().toHours()))
                .replace("{longOutage}", Long.toString(rule.longOutage().toHours()))
                .replace("{longNotice}", Long.toString(rule.longNotice().toHours()))
                .replace("{longest}", Long.toString(OutageDraft.LONGEST.toDays()));
        if (entry) {
            int index = Integer.parseInt(invalid.field().substring(5, invalid.field().length() - 1));
            message = message.replace("{entry}", index < area.size() ? area.get(index) : "");
        }
        return Map.of(field, message);
    }
}
