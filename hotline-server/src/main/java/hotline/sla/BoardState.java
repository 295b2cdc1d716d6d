package hotline.sla;

import hotline.common.Code;

/** Where a ticket on the SLA board stands: past the warning threshold of its next target, or past the target itself. */
public enum BoardState implements Code {
    WARNING, BREACHED
}
