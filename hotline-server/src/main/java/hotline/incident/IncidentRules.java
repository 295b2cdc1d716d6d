package hotline.incident;

import hotline.common.ConflictException;
import hotline.common.InvalidInputException;

import java.util.Set;

/** The supervisor's merge and split rules, checked before anything is written. */
public final class IncidentRules {

    private IncidentRules() {
    }

    /**
     * Merging {@code source} into {@code target}: both open, different, same category (a burst main and a water-quality
     * cluster are different problems even in one street).
     */
    public static void checkMerge(long targetId, IncidentStatus target, String targetCategory,
                                  long sourceId, IncidentStatus source, String sourceCategory) {
        if (targetId == sourceId) {
            throw new InvalidInputException("sourceId", "an incident cannot be merged into itself");
        }
        if (target != IncidentStatus.OPEN || source != IncidentStatus.OPEN) {
            throw new ConflictException("only open incidents can be merged");
        }
        if (!targetCategory.equals(sourceCategory)) {
            throw new InvalidInputException("sourceId", "incidents of different categories cannot be merged ("
                    + targetCategory + ", " + sourceCategory + ")");
        }
    }

    /**
     * Splitting {@code moved} reports off an open incident into a new one: at least one, every one a child of it, and
     * not all of them (that would just be a new number).
     */
    public static void checkSplit(IncidentStatus status, Set<Long> children, Set<Long> moved) {
        if (status != IncidentStatus.OPEN) {
            throw new ConflictException("only an open incident can be split");
        }
        if (moved.isEmpty()) {
            throw new InvalidInputException("ticketIds", "name at least one report to split off");
        }
        for (Long id : moved) {
            if (!children.contains(id)) {
                throw new InvalidInputException("ticketIds", "ticket " + id + " is not a report of this incident");
            }
        }
        if (moved.containsAll(children)) {
            throw new InvalidInputException("ticketIds", "splitting off every report leaves an empty incident");
        }
    }
}
