package hotline.ticket;

/**
 * A change to one ticket, decided from its current (locked) state by plain domain code. Throwing (for example a
 * {@link hotline.common.ConflictException} for an action the status does not allow) writes nothing. Runs on the
 * event loop: must not block.
 */
@FunctionalInterface
public interface TicketMutation {

    TicketChange apply(Ticket current);
}
