package hotline.notify;

import java.util.Arrays;

/**
 * Why Hotline tells a customer something. A safety notice reaches a customer who opted out of a channel (water will
 * be off, water is back); an urgent one is not held back by quiet hours.
 */
public enum NoticeKind {
    TICKET_RECEIVED("ticket_received", false, false),
    REPAIR_DISPATCHED("repair_dispatched", false, false),
    REPAIR_DONE("repair_done", false, false),
    INCIDENT_UPDATE("incident_update", false, false),
    INCIDENT_CLOSED("incident_closed", false, false),
    FOLLOW_UP_REMINDER("follow_up_reminder", false, false),
    OUTAGE_NOTICE("outage_notice", true, false),
    OUTAGE_REMINDER("outage_reminder", true, false),
    OUTAGE_EXTENDED("outage_extended", true, true),
    SUPPLY_RESTORED("supply_restored", true, true);

    private final String code;
    private final boolean safety;
    private final boolean urgent;

    NoticeKind(String code, boolean safety, boolean urgent) {
        this.code = code;
        this.safety = safety;
        this.urgent = urgent;
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

    public static NoticeKind ofCode(String code) {
        return Arrays.stream(values()).filter(kind -> kind.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown notice kind: " + code));
    }
}
