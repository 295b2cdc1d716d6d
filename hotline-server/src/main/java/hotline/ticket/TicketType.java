package hotline.ticket;

import hotline.common.Code;

/** What a ticket is about; the type decides its workflow. */
public enum TicketType implements Code {
    /** Leaks, bursts, no water, pressure, quality, meter: goes to a field crew. */
    REPAIR,
    /** Goes through the four complaint steps. */
    COMPLAINT,
    INQUIRY,
    SUGGESTION,
    /** A request for help (elderly customer, access problem, ...). */
    HELP
}
