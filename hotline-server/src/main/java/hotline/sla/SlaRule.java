package hotline.sla;

import hotline.customer.Tier;
import hotline.ticket.Priority;
import hotline.ticket.TicketType;

import java.util.Set;

/**
 * One entry of the SLA policy: the subjects it matches (an empty set matches every value) and its targets.
 * {@code criticalFacility} null matches both.
 */
public record SlaRule(String name, Set<Tier> tiers, Set<TicketType> types, Set<Priority> priorities,
                      Boolean criticalFacility, SlaTargets targets) {

    public SlaRule {
        tiers = Set.copyOf(tiers);
        types = Set.copyOf(types);
        priorities = Set.copyOf(priorities);
    }

    public boolean matches(SlaSubject subject) {
        return (tiers.isEmpty() || tiers.contains(subject.tier()))
                && (types.isEmpty() || types.contains(subject.type()))
                && (priorities.isEmpty() || priorities.contains(subject.priority()))
                && (criticalFacility == null || criticalFacility == subject.criticalFacility());
    }

    /** True when the rule matches every subject. */
    public boolean catchAll() {
        return tiers.isEmpty() && types.isEmpty() && priorities.isEmpty() && criticalFacility == null;
    }
}
