package hotline.telephony.switchboard;

import hotline.common.Code;

/** How a call ended, as the call record keeps it. */
public enum CallDisposition implements Code {
    /**
     * The IVR finished the caller's business (a report made, a status given) and hung up, or made the caller's ticket
     * (and the caller hung up during the read-back).
     */
    IVR_COMPLETED,
    /** An agent answered. */
    ANSWERED,
    /** The caller hung up while waiting (in the queue or in the IVR). */
    ABANDONED,
    /** Queued but never answered nor abandoned (queue timeout, no agent). */
    MISSED
}
