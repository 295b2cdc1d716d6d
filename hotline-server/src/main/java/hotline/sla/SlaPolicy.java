package hotline.sla;

import hotline.common.Code;
import hotline.config.ConfFiles;
import hotline.config.ConfigException;
import hotline.customer.Tier;
import hotline.ticket.Priority;
import hotline.ticket.TicketType;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The SLA policy ({@code conf/sla.json}): rules per tier × ticket type × priority (× critical facility), the first
 * matching rule in file order wins and the last rule must match everything; a factor that tightens the targets of
 * urgent tickets; the calling hours for return calls. Validated when loaded: a bad entry fails start-up with a
 * {@link ConfigException} naming it ({@code rules[2].resolution}). Immutable and thread-safe.
 *
 * <p>File shape: {@code {"warning": 0.8, "escalateEvery": "PT1H", "urgentFactor": 0.5, "callingHours": {"from":
 * "09:00", "to": "20:00"}, "rules": [{"name", "match": {"tier", "type", "priority", "criticalFacility"}, "firstResponse":
 * "PT60M", "resolution": "PT12H", "followUpDelay": "PT24H", "warning"?, "escalateEvery"?}]}}; durations are ISO-8601, a
 * match value is a code or a list of codes.
 */
public final class SlaPolicy {

    private final List<SlaRule> rules;
    private final double urgentFactor;
    private final CallingHours callingHours;

    public SlaPolicy(List<SlaRule> rules, double urgentFactor, CallingHours callingHours) {
        if (rules.isEmpty() || !rules.getLast().catchAll()) {
            throw new ConfigException("SLA policy: the last rule must match every ticket (an empty match)");
        }
        this.rules = List.copyOf(rules);
        this.urgentFactor = urgentFactor;
        this.callingHours = callingHours;
    }

    public static SlaPolicy load(Path path, ZoneId zone) {
        return ConfFiles.read(path, json -> parse(json, zone));
    }

    /** From {@code configured} (a path), else {@code conf/sla.json}, else the default shipped in the jar. */
    public static SlaPolicy locate(Optional<String> configured, ZoneId zone) {
        return ConfFiles.locate(configured, "sla.json", json -> parse(json, zone));
    }

    public static SlaPolicy parse(JsonObject json, ZoneId zone) {
        double warning = fraction(json.getValue("warning", 0.8), "warning");
        Duration escalateEvery = duration(json.getValue("escalateEvery", "PT1H"), "escalateEvery");
        double urgentFactor = fraction(json.getValue("urgentFactor", 0.5), "urgentFactor");
        JsonObject hours = object(json.getValue("callingHours", new JsonObject()), "callingHours");
        LocalTime from = ConfFiles.time(hours.getValue("from", "09:00"), "callingHours.from");
        LocalTime to = ConfFiles.time(hours.getValue("to", "20:00"), "callingHours.to");
        if (!from.isBefore(to)) {
            throw new ConfigException("callingHours: from must be before to");
        }
        Object rulesValue = json.getValue("rules");
        if (!(rulesValue instanceof JsonArray array) || array.isEmpty()) {
            throw new ConfigException("rules: a non-empty list is required");
        }
        List<SlaRule> rules = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            rules.add(rule(object(array.getValue(i), "rules[" + i + "]"), "rules[" + i + "]", warning, escalateEvery));
        }
        return new SlaPolicy(rules, urgentFactor, new CallingHours(from, to, zone));
    }

    private static SlaRule rule(JsonObject json, String where, double defaultWarning, Duration defaultEscalateEvery) {
        Object name = json.getValue("name", where);
        JsonObject match = object(json.getValue("match", new JsonObject()), where + ".match");
        for (String key : match.fieldNames()) {
            if (!List.of("tier", "type", "priority", "criticalFacility").contains(key)) {
                throw new ConfigException(where + ".match." + key + ": unknown key");
            }
        }
        Object critical = match.getValue("criticalFacility");
        if (critical != null && !(critical instanceof Boolean)) {
            throw new ConfigException(where + ".match.criticalFacility: expected true or false");
        }
        SlaTargets targets = new SlaTargets(
                duration(json.getValue("firstResponse"), where + ".firstResponse"),
                duration(json.getValue("resolution"), where + ".resolution"),
                duration(json.getValue("followUpDelay"), where + ".followUpDelay"),
                json.containsKey("warning") ? fraction(json.getValue("warning"), where + ".warning") : defaultWarning,
                json.containsKey("escalateEvery")
                        ? duration(json.getValue("escalateEvery"), where + ".escalateEvery") : defaultEscalateEvery);
        if (targets.resolution().compareTo(targets.firstResponse()) < 0) {
            throw new ConfigException(where + ".resolution: must not be shorter than firstResponse");
        }
        return new SlaRule(String.valueOf(name),
                codes(Tier.class, match.getValue("tier"), where + ".match.tier"),
                codes(TicketType.class, match.getValue("type"), where + ".match.type"),
                codes(Priority.class, match.getValue("priority"), where + ".match.priority"),
                (Boolean) critical, targets);
    }

    /** The rule that applies to {@code subject} (already {@link SlaSubject#effective() effective}). */
    public SlaRule ruleFor(SlaSubject subject) {
        return rules.stream().filter(rule -> rule.matches(subject)).findFirst().orElseThrow();
    }

    /** The targets of a ticket: the matching rule's, tightened by the urgent factor when the ticket is urgent. */
    public SlaTargets targetsFor(SlaSubject subject) {
        SlaSubject effective = subject.effective();
        SlaTargets targets = ruleFor(effective).targets();
        return effective.urgent() ? targets.scaled(urgentFactor) : targets;
    }

    /** The due times of a ticket created at {@code createdAt}. */
    public DueTimes dueTimes(SlaSubject subject, Instant createdAt) {
        return DueTimes.of(createdAt, targetsFor(subject));
    }

    public CallingHours callingHours() {
        return callingHours;
    }

    private static <E extends Enum<E> & Code> Set<E> codes(Class<E> type, Object value, String where) {
        Set<E> result = new HashSet<>();
        if (value == null) {
            return result;
        }
        List<?> items = value instanceof JsonArray array ? array.getList() : List.of(value);
        for (Object item : items) {
            result.add(Code.parse(type, item instanceof String s ? s : null).orElseThrow(() -> new ConfigException(
                    where + ": unknown value '" + item + "', expected one of " + Code.codes(type))));
        }
        return result;
    }

    private static Duration duration(Object value, String where) {
        if (!(value instanceof String text)) {
            throw new ConfigException(where + ": an ISO-8601 duration such as PT60M is required");
        }
        try {
            Duration duration = Duration.parse(text);
            if (duration.isNegative() || duration.isZero()) {
                throw new ConfigException(where + ": must be positive, got " + text);
            }
            return duration;
        } catch (DateTimeParseException e) {
            throw new ConfigException(where + ": not an ISO-8601 duration: '" + text + "'");
        }
    }

    private static double fraction(Object value, String where) {
        if (!(value instanceof Number number) || number.doubleValue() <= 0 || number.doubleValue() >= 1) {
            throw new ConfigException(where + ": a number between 0 and 1 (exclusive) is required, got " + value);
        }
        return number.doubleValue();
    }


    private static JsonObject object(Object value, String where) {
        if (!(value instanceof JsonObject object)) {
            throw new ConfigException(where + ": an object is required");
        }
        return object;
    }
}
