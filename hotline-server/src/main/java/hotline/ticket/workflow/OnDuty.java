package hotline.ticket.workflow;

import java.time.Instant;
import java.util.Optional;

/**
 * Who holds an escalation level at a given moment. A ticket that an action escalates is given to that person; the SLA
 * capability's duty roster answers it. Must not block.
 */
@FunctionalInterface
public interface OnDuty {

    /** The user name holding {@code level} at {@code at}; empty at agent level or when nobody is named. */
    Optional<String> onDuty(EscalationLevel level, Instant at);
}
