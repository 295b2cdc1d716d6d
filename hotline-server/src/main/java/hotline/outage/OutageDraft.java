package hotline.outage;

import hotline.common.InvalidInputException;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A shut-off as a supervisor asks for it, before it is checked. {@code area} holds district codes, street names or
 * account numbers as {@code areaKind} says; {@code emergency} schedules it with less notice than the rule asks.
 */
public record OutageDraft(Outage.AreaKind areaKind, List<String> area, Instant startsAt, Instant endsAt, String reason,
                          boolean emergency) {

    /** The most entries an area lists. */
    public static final int MAX_AREA = 500;
    /** The longest a planned shut-off may be announced to last. */
    public static final Duration LONGEST = Duration.ofDays(14);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    public OutageDraft {
        area = area == null ? List.of() : area.stream().map(String::strip).toList();
        reason = reason == null ? "" : reason.strip();
    }

    /**
     * Checks every field on its own (whether the districts and accounts exist is the service's to ask), first the
     * area, then the times, then the reason; the first broken rule is thrown naming its field.
     *
     * @param zone the utility's time zone, in which the earliest start allowed is told
     */
    public void check(Instant now, NoticeRule rule, ZoneId zone) {
        if (areaKind == null) {
            throw new InvalidInputException("areaKind", "say whether the area is districts, streets or accounts");
        }
        if (area.isEmpty()) {
            throw new InvalidInputException("area", "name at least one " + singular());
        }
        if (area.size() > MAX_AREA) {
            throw new InvalidInputException("area", "at most " + MAX_AREA + " entries");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < area.size(); i++) {
            String entry = area.get(i);
            int shortest = areaKind == Outage.AreaKind.STREETS ? 2 : 1;
            if (entry.length() < shortest || entry.length() > 100) {
                // One character of a street name (路) would match half the city's addresses.
                throw new InvalidInputException("area[" + i + "]", "a " + singular() + " of " + shortest
                        + " to 100 characters");
            }
            if (!seen.add(entry)) {
                throw new InvalidInputException("area[" + i + "]", entry + " is listed twice");
            }
        }
        if (startsAt == null) {
            throw new InvalidInputException("startsAt", "the start is required");
        }
        if (!startsAt.isAfter(now)) {
            throw new InvalidInputException("startsAt", "the start must be in the future");
        }
        if (endsAt == null) {
            throw new InvalidInputException("endsAt", "the expected end is required");
        }
        if (!endsAt.isAfter(startsAt)) {
            throw new InvalidInputException("endsAt", "the expected end must be after the start");
        }
        if (Duration.between(startsAt, endsAt).compareTo(LONGEST) > 0) {
            throw new InvalidInputException("endsAt", "a planned shut-off lasts at most " + LONGEST.toDays() + " days");
        }
        if (!emergency && !rule.met(now, startsAt, endsAt)) {
            Duration lead = rule.required(startsAt, endsAt);
            throw new InvalidInputException("startsAt", "customers must be told " + lead.toHours()
                    + " hours ahead: start at " + LOCAL.format(now.plus(lead).plusSeconds(59).atZone(zone))
                    + " or later, or mark it an emergency");
        }
        if (reason.isEmpty() || reason.length() > 500) {
            throw new InvalidInputException("reason", "a reason of 1 to 500 characters is required");
        }
    }

    private String singular() {
        return switch (areaKind) {
            case DISTRICTS -> "district";
            case STREETS -> "street";
            case ACCOUNTS -> "account number";
        };
    }
}
