package hotline.ticket.workflow;

import hotline.common.Code;

/** Who a ticket is with: the agent first, then up the ladder at each breach. */
public enum EscalationLevel implements Code {
    AGENT, TEAM_LEAD, DUTY_SUPERVISOR, MANAGER;

    /** One level up, stopping at {@link #MANAGER} (a manager-level ticket keeps alerting the manager on duty). */
    public EscalationLevel next() {
        return this == MANAGER ? MANAGER : values()[ordinal() + 1];
    }
}
