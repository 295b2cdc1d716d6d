package hotline.sla;

import hotline.customer.Tier;
import hotline.ticket.Priority;
import hotline.ticket.TicketType;

/**
 * What the SLA of a ticket depends on. {@code tier} is {@link Tier#ORDINARY} for a ticket without a customer;
 * {@code criticalFacility} is the customer's flag (hospital, school, home dialysis).
 */
public record SlaSubject(Tier tier, TicketType type, Priority priority, boolean urgent, boolean criticalFacility) {

    /**
     * The subject the policy is looked up with: a critical facility's repair is critical whatever its tier (a hospital
     * without water comes first); an urgent ticket (急事急办) is at least high.
     */
    public SlaSubject effective() {
        Priority effective = priority;
        if (type == TicketType.REPAIR && criticalFacility) {
            effective = Priority.CRITICAL;
        } else if (urgent && priority.compareTo(Priority.HIGH) > 0) {
            effective = Priority.HIGH;
        }
        return new SlaSubject(tier, type, effective, urgent, criticalFacility);
    }
}
