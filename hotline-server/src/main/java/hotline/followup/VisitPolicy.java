package hotline.followup;

import hotline.common.InvalidInputException;
import hotline.config.ConfFiles;
import hotline.config.ConfigException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The return-visit programme (回访) of {@code conf/visits.json}: which repairs get a return call ({@link RepairRule};
 * every resolved complaint does), how many failed attempts make a customer unreachable and how long until the next
 * attempt, the reasons a dissatisfied customer may give, and the call script of each kind of return call. Read once
 * at start-up, refused there with the entry named; immutable and thread-safe.
 */
public record VisitPolicy(RepairRule repairs, int unreachableAfterAttempts, Duration retryAfter, List<Reason> reasons,
                          Map<FollowUp.Kind, CallScript> scripts) {

    public static final String FILE = "visits.json";

    public VisitPolicy {
        reasons = List.copyOf(reasons);
        scripts = Map.copyOf(scripts);
    }

    /** From {@code configured} (a path), else {@code conf/visits.json}, else the default shipped in the jar. */
    public static VisitPolicy locate(Optional<String> configured) {
        return ConfFiles.locate(configured, FILE, VisitPolicy::parse);
    }

    public static VisitPolicy parse(JsonObject json) {
        int attempts = number(json, "unreachableAfterAttempts", 1, 20);
        int retryMinutes = number(json, "retryAfterMinutes", 1, 7 * 24 * 60);
        if (!(json.getValue("reasons") instanceof JsonArray list) || list.isEmpty()) {
            throw new ConfigException("reasons: a list of at least one reason is required");
        }
        List<Reason> reasons = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            Reason reason = Reason.parse(list.getValue(i), "reasons[" + i + "]");
            if (!codes.add(reason.code())) {
                throw new ConfigException("reasons[" + i + "].code: " + reason.code() + " is listed twice");
            }
            reasons.add(reason);
        }
        if (!(json.getValue("scripts") instanceof JsonObject scriptsJson)) {
            throw new ConfigException("scripts: an object with a script per kind (complaint, repair, proactive) is required");
        }
        Map<FollowUp.Kind, CallScript> scripts = new EnumMap<>(FollowUp.Kind.class);
        for (FollowUp.Kind kind : FollowUp.Kind.values()) {
            Set<String> placeholders = kind == FollowUp.Kind.PROACTIVE ? Set.of("customer") : CallScript.TICKET_PLACEHOLDERS;
            scripts.put(kind, CallScript.parse(scriptsJson.getValue(kind.code()), "scripts." + kind.code(), placeholders));
        }
        return new VisitPolicy(RepairRule.parse(json.getJsonObject("repairs")), attempts,
                Duration.ofMinutes(retryMinutes), reasons, scripts);
    }

    private static int number(JsonObject json, String name, int min, int max) {
        if (!(json.getValue(name) instanceof Integer value) || value < min || value > max) {
            throw new ConfigException(name + ": a whole number from " + min + " to " + max + " is required");
        }
        return value;
    }

    /** The reason codes, in the order of the file (the order reports show them in). */
    public List<String> reasonCodes() {
        return reasons.stream().map(Reason::code).toList();
    }

    public Optional<Reason> reason(String code) {
        return reasons.stream().filter(reason -> reason.code().equals(code)).findFirst();
    }

    /**
     * Checks the reasons of follow-up answers against the list: every code known; {@code reasonText} given exactly
     * when a reason that is written down (the "other" one) is chosen. Malformed values are left to the field checks.
     *
     * @throws InvalidInputException naming {@code <prefix>.reasons} or {@code <prefix>.reasonText}
     */
    public void checkReasons(JsonObject answers, String prefix) {
        String at = prefix.isEmpty() ? "" : prefix + ".";
        boolean written = false;
        if (answers.getValue("reasons") instanceof JsonArray chosen) {
            for (Object code : chosen) {
                Optional<Reason> reason = code instanceof String text ? reason(text) : Optional.empty();
                if (code instanceof String && reason.isEmpty()) {
                    throw new InvalidInputException(at + "reasons", code + " is not a reason; the reasons are "
                            + reasonCodes());
                }
                written |= reason.map(Reason::text).orElse(false);
            }
        }
        Object text = answers.getValue("reasonText");
        if (written && (!(text instanceof String given) || given.isBlank())) {
            throw new InvalidInputException(at + "reasonText", "write down the reason the customer gave");
        }
        if (!written && text != null) {
            throw new InvalidInputException(at + "reasonText", "reasonText goes only with a reason that is written down ("
                    + reasons.stream().filter(Reason::text).map(Reason::code).toList() + ")");
        }
    }
}
