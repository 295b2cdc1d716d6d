package hotline.ticket;

import hotline.common.InvalidInputException;

/**
 * What {@link TicketService#list} returns: every non-null criterion must match. {@code page} is 0-based,
 * {@code size} 1..{@value #MAX_SIZE} (default {@value #DEFAULT_SIZE}).
 */
public record TicketFilter(TicketStatus status, TicketType type, Long customerId, String district, int page,
                           int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    public TicketFilter {
        if (page < 0) {
            throw new InvalidInputException("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidInputException("size", "must be between 1 and " + MAX_SIZE);
        }
    }

    /** The first page of every ticket. */
    public static TicketFilter all() {
        return new TicketFilter(null, null, null, null, 0, DEFAULT_SIZE);
    }
}
