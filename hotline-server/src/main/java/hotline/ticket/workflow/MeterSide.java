package hotline.ticket.workflow;

import hotline.common.Code;

/** Which side of the meter a leak is on: the utility's network or the customer's private pipes. */
public enum MeterSide implements Code {
    UTILITY, PRIVATE, UNKNOWN
}
