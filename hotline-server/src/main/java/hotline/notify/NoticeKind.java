package hotline.notify;

import java.util.Arrays;
import java.util.List;

/**
 * Why Hotline tells a customer something. A safety notice reaches a customer who opted out of a channel (water will
 * be off, water is back); an urgent one is not held back by quiet hours.
 *
 * <p>Each kind declares the {@link #variables()} its queuer puts in {@link Notice#variables()} and its templates may
 * use; a template naming any other fails at start-up. A variable whose name ends in {@code At} is an ISO-8601 instant
 * (e.g. {@code "2026-12-01T01:00:00Z"}), written out in the utility's time zone when the message is rendered.
 */
public enum NoticeKind {
    TICKET_RECEIVED("ticket_received", false, false, "number", "expectedAt"),
    REPAIR_DISPATCHED("repair_dispatched", false, false, "number", "expectedAt"),
    REPAIR_DONE("repair_done", false, false, "number"),
    INCIDENT_UPDATE("incident_update", false, false, "number", "district", "expectedAt"),
    INCIDENT_CLOSED("incident_closed", false, false, "number", "district", "resolution"),
    FOLLOW_UP_REMINDER("follow_up_reminder", false, false, "number", "callAt"),
    OUTAGE_NOTICE("outage_notice", true, false, "area", "startsAt", "endsAt", "reason"),
    OUTAGE_REMINDER("outage_reminder", true, false, "area", "startsAt", "endsAt"),
    OUTAGE_EXTENDED("outage_extended", true, true, "area", "endsAt"),
    SUPPLY_RESTORED("supply_restored", true, true, "area");

    private final String code;
    private final boolean safety;
    private final boolean urgent;
    private final List<String> variables;

    NoticeKind(String code, boolean safety, boolean urgent, String... variables) {
        this.code = code;
        this.safety = safety;
        this.urgent = urgent;
        this.variables = List.of(variables);
    }

    public String code() {
        return code;
    }

    /** Sent even on a channel the customer opted out of. */
    public boolean safety() {
        return safety;
    }

    /** Sent during quiet hours instead of being held until morning. */
    public boolean urgent() {
        return urgent;
    }

    /** The names its notices carry in {@link Notice#variables()}, and the only ones its templates may use. */
    public List<String> variables() {
        return variables;
    }

    /** Whether variable {@code name} holds an instant (its name ends in {@code At}). */
    public static boolean isTime(String name) {
        return name.endsWith("At");
    }

    public static NoticeKind ofCode(String code) {
        return Arrays.stream(values()).filter(kind -> kind.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown notice kind: " + code));
    }
}
