package hotline.outage;

import hotline.config.ConfFiles;
import hotline.config.ConfigException;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How far ahead customers must be told of a planned shut-off, from {@code conf/outages.json}: {@code notice} ahead
 * (24 h), {@code longNotice} (48 h) when it lasts more than {@code longOutage} (12 h); a reminder {@code reminder}
 * before it starts. Lead times are whole durations between instants, so they hold in the utility's time zone on any
 * day. Immutable and thread-safe.
 */
public record NoticeRule(Duration notice, Duration longOutage, Duration longNotice, Duration reminder) {

    public static final String FILE = "outages.json";

    public NoticeRule {
        if (longNotice.compareTo(notice) < 0) {
            throw new ConfigException("longNoticeHours: must be at least noticeHours");
        }
    }

    /** From {@code configured} (a path), else {@code conf/outages.json}, else the default shipped in the jar. */
    public static NoticeRule locate(Optional<String> configured) {
        return ConfFiles.locate(configured, FILE, NoticeRule::parse);
    }

    /** Parses {@code {"noticeHours", "longOutageHours", "longNoticeHours", "reminderHoursBefore"}}, each 1 to 720. */
    public static NoticeRule parse(JsonObject json) {
        return new NoticeRule(hours(json, "noticeHours"), hours(json, "longOutageHours"),
                hours(json, "longNoticeHours"), hours(json, "reminderHoursBefore"));
    }

    private static Duration hours(JsonObject json, String key) {
        if (!(json.getValue(key) instanceof Number number) || number.doubleValue() != number.intValue()
                || number.intValue() < 1 || number.intValue() > 720) {
            throw new ConfigException(key + ": a whole number of hours from 1 to 720 is required, got "
                    + json.getValue(key));
        }
        return Duration.ofHours(number.intValue());
    }

    /** The notice a shut-off from {@code start} to {@code end} needs: the long one beyond {@link #longOutage}. */
    public Duration required(Instant start, Instant end) {
        return Duration.between(start, end).compareTo(longOutage) > 0 ? longNotice : notice;
    }

    /** Whether telling customers at {@code now} is early enough for a shut-off from {@code start} to {@code end}. */
    public boolean met(Instant now, Instant start, Instant end) {
        return Duration.between(now, start).compareTo(required(start, end)) >= 0;
    }

    /** The latest moment customers may be told: from then on the shut-off is announced to callers too. */
    public Instant latestNotice(Instant start, Instant end) {
        return start.minus(required(start, end));
    }

    /** When the reminder is due; null when the notice at {@code now} is already that close to the start. */
    public Instant reminderAt(Instant now, Instant start) {
        Instant at = start.minus(reminder);
        return at.isAfter(now) ? at : null;
    }
}
