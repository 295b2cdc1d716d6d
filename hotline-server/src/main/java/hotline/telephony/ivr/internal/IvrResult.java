package hotline.telephony.ivr.internal;

import java.util.List;
import java.util.Map;

/**
 * How an IVR call ended: {@link Ending#COMPLETED} (the IVR finished the caller's business and hung up),
 * {@link Ending#TO_QUEUE} (handed back to the dialplan for an agent) or {@link Ending#CALLER_HUNG_UP}.
 *
 * @param path         the nodes visited, in order
 * @param ticketNumber the ticket the IVR created, or null
 * @param variables    what the flow learned (customer, answers, ...)
 */
public record IvrResult(Ending ending, List<String> path, String ticketNumber, Map<String, String> variables) {

    public enum Ending { COMPLETED, TO_QUEUE, CALLER_HUNG_UP }
}
