package hotline.telephony.ivr.internal;

import hotline.common.Code;

import java.util.Set;

/**
 * The actions a flow's {@code action} node may name (by {@link #code()}), each with the outcomes a flow must give an
 * edge for; the parser checks a flow against this list and the interpreter runs it, so an action is added here once.
 * {@code *} stands for every other outcome; {@link #TO_QUEUE} has none: it ends the flow.
 */
public enum IvrAction implements Code {
    LOOKUP_CALLER("found", "not_found"),
    CREATE_REPAIR("created", "failed"),
    /** Its outcome is the ticket's status code. */
    TICKET_STATUS("not_found", "*"),
    ANNOUNCE_INCIDENTS("none", "announced"),
    /** A planned shut-off of the identified caller's address: {@code planned} (within its notice window) or {@code running}. */
    ANNOUNCE_OUTAGE("none", "planned", "running"),
    RECORD_SATISFACTION("saved", "failed"),
    CHECK_WAIT("short", "long"),
    REQUEST_CALLBACK("saved", "failed"),
    /** The caller's account in the billing system: balance, last payment, last and next reading as variables. */
    BILLING_LOOKUP("found", "unknown", "unavailable"),
    TO_QUEUE;

    private final Set<String> outcomes;

    IvrAction(String... outcomes) {
        this.outcomes = Set.of(outcomes);
    }

    /** The outcomes a flow must handle; empty when the action ends the flow. */
    public Set<String> outcomes() {
        return outcomes;
    }
}
