package hotline.ticket;

import hotline.common.Code;

/**
 * Where a ticket stands. Each type uses its own subset: complaints move through the four steps
 * (vent, record, resolve, follow_up), repairs from reported to verified, the other types are simply open.
 */
public enum TicketStatus implements Code {
    OPEN,
    VENT, RECORD, RESOLVE, FOLLOW_UP,
    REPORTED, DISPATCHED, ON_SITE, REPAIRED, VERIFIED,
    CLOSED, CANCELLED;

    /** The status a new ticket of {@code type} starts in. */
    public static TicketStatus initial(TicketType type) {
        return switch (type) {
            case COMPLAINT -> VENT;
            case REPAIR -> REPORTED;
            case INQUIRY, SUGGESTION, HELP -> OPEN;
        };
    }

    public boolean isFinal() {
        return this == CLOSED || this == CANCELLED;
    }
}
