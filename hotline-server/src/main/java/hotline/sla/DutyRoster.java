package hotline.sla;

import hotline.config.ConfFiles;
import hotline.config.ConfigException;
import hotline.ticket.workflow.EscalationLevel;
import hotline.ticket.workflow.OnDuty;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The duty roster (值班表): shifts of local time, each naming who is team lead, duty supervisor and manager on duty,
 * so an escalation at 03:00 reaches the night supervisor. A shift whose {@code to} is not after its {@code from}
 * runs past midnight. {@code days} (mon..sun, default every day) are the days a shift starts on. The first shift
 * listed that covers an instant wins. Loaded from {@code conf/roster.json}; immutable and thread-safe.
 */
public final class DutyRoster implements OnDuty {

    /** One shift: the local start day(s) and hours and who holds each escalation level above the agent. */
    public record Shift(String name, Set<DayOfWeek> days, LocalTime from, LocalTime to,
                        Map<EscalationLevel, String> onDuty) {

        public Shift {
            days = Set.copyOf(days);
            onDuty = Map.copyOf(onDuty);
        }

        boolean covers(ZonedDateTime local) {
            LocalTime time = local.toLocalTime();
            if (from.isBefore(to)) {
                return days.contains(local.getDayOfWeek()) && !time.isBefore(from) && time.isBefore(to);
            }
            // Past midnight: the evening part belongs to today's shift, the morning part to yesterday's.
            return (days.contains(local.getDayOfWeek()) && !time.isBefore(from))
                    || (days.contains(local.getDayOfWeek().minus(1)) && time.isBefore(to));
        }
    }

    private final List<Shift> shifts;
    private final ZoneId zone;

    public DutyRoster(List<Shift> shifts, ZoneId zone) {
        this.shifts = List.copyOf(shifts);
        this.zone = zone;
    }

    public static DutyRoster load(Path path, ZoneId zone) {
        return ConfFiles.read(path, json -> parse(json, zone));
    }

    /** From {@code configured} (a path), else {@code conf/roster.json}, else the default shipped in the jar. */
    public static DutyRoster locate(Optional<String> configured, ZoneId zone) {
        return ConfFiles.locate(configured, "roster.json", json -> parse(json, zone));
    }

    /** Parses {@code {"shifts": [{"name", "days"?, "from", "to", "team_lead", "duty_supervisor", "manager"}]}}. */
    public static DutyRoster parse(JsonObject json, ZoneId zone) {
        if (!(json.getValue("shifts") instanceof JsonArray array) || array.isEmpty()) {
            throw new ConfigException("shifts: a non-empty list is required");
        }
        List<Shift> shifts = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String where = "shifts[" + i + "]";
            if (!(array.getValue(i) instanceof JsonObject shift)) {
                throw new ConfigException(where + ": an object is required");
            }
            Map<EscalationLevel, String> onDuty = new EnumMap<>(EscalationLevel.class);
            for (EscalationLevel level : EnumSet.range(EscalationLevel.TEAM_LEAD, EscalationLevel.MANAGER)) {
                if (!(shift.getValue(level.code()) instanceof String user) || user.isBlank()) {
                    throw new ConfigException(where + "." + level.code() + ": the user name on duty is required");
                }
                onDuty.put(level, user);
            }
            shifts.add(new Shift(shift.getString("name", where), days(shift.getValue("days"), where + ".days"),
                    ConfFiles.time(shift.getValue("from"), where + ".from"),
                    ConfFiles.time(shift.getValue("to"), where + ".to"), onDuty));
        }
        DutyRoster roster = new DutyRoster(shifts, zone);
        roster.checkCoversTheWeek();
        return roster;
    }

    /** Who holds {@code level} at {@code at}; empty for the agent level (the ticket's own agent). */
    @Override
    public Optional<String> onDuty(EscalationLevel level, Instant at) {
        ZonedDateTime local = at.atZone(zone);
        return shifts.stream().filter(shift -> shift.covers(local)).findFirst()
                .map(shift -> shift.onDuty().get(level));
    }

    /** A roster with a gap would let a breach reach nobody: every minute of the week must be covered. */
    private void checkCoversTheWeek() {
        ZonedDateTime monday = ZonedDateTime.of(2024, 1, 1, 0, 0, 0, 0, zone);
        for (int minute = 0; minute < 7 * 24 * 60; minute += 1) {
            ZonedDateTime local = monday.plusMinutes(minute);
            if (shifts.stream().noneMatch(shift -> shift.covers(local))) {
                throw new ConfigException("shifts: nobody is on duty on " + local.getDayOfWeek().toString()
                        .toLowerCase(Locale.ROOT) + " at " + local.toLocalTime());
            }
        }
    }

    private static Set<DayOfWeek> days(Object value, String where) {
        if (value == null) {
            return EnumSet.allOf(DayOfWeek.class);
        }
        if (!(value instanceof JsonArray array) || array.isEmpty()) {
            throw new ConfigException(where + ": a non-empty list of mon..sun is required");
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (Object item : array) {
            DayOfWeek day = java.util.Arrays.stream(DayOfWeek.values())
                    .filter(d -> d.name().substring(0, 3).equalsIgnoreCase(String.valueOf(item))).findFirst()
                    .orElseThrow(() -> new ConfigException(where + ": unknown day '" + item + "', expected mon..sun"));
            days.add(day);
        }
        return days;
    }

}
