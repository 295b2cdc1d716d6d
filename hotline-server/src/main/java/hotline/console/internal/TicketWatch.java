package hotline.console.internal;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.SequencedSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tickets each user has open in the console (the last {@value #PER_USER} ticket pages or work panels drawn for
 * them), so their live stream carries the hints of those tickets and of no others. Kept in memory by the instance
 * that drew the page. Thread-safe.
 */
public final class TicketWatch {

    static final int PER_USER = 20;

    private final Map<Long, SequencedSet<Long>> byUser = new ConcurrentHashMap<>();

    public void watch(long userId, long ticketId) {
        byUser.compute(userId, (user, tickets) -> {
            SequencedSet<Long> kept = tickets == null ? new LinkedHashSet<>() : tickets;
            kept.remove(ticketId);
            kept.addLast(ticketId);
            if (kept.size() > PER_USER) {
                kept.removeFirst();
            }
            return kept;
        });
    }

    public boolean watches(long userId, long ticketId) {
        boolean[] found = {false};
        byUser.computeIfPresent(userId, (user, tickets) -> {
            found[0] = tickets.contains(ticketId);
            return tickets;
        });
        return found[0];
    }
}
