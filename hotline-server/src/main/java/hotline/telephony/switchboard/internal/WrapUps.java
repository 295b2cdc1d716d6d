package hotline.telephony.switchboard.internal;

import hotline.auth.Principal;
import hotline.common.InvalidInputException;
import hotline.common.NotFoundException;
import hotline.telephony.switchboard.WrapUpCode;
import hotline.ticket.Channel;
import hotline.ticket.Ticket;
import hotline.ticket.TicketDraft;
import hotline.ticket.TicketService;
import hotline.ticket.TicketType;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The agent's wrap-up of an answered call: a {@link WrapUpCode}, a note and the ticket it concerned; and, for a call
 * that ended without any ticket, an inquiry ticket opened from the call in one step (customer and caller number
 * taken from the call record, linked to it, wrap-up {@code ticket_created} if none was given yet).
 */
public final class WrapUps {

    private final Pool pool;
    private final TicketService tickets;
    private final Clock clock;

    public WrapUps(Pool pool, TicketService tickets, Clock clock) {
        this.pool = pool;
        this.tickets = tickets;
        this.clock = clock;
    }

    /**
     * Records the wrap-up and links the ticket (may be null); writes nothing and fails with
     * {@link NotFoundException} when no answered call has this uniqueid, with {@link InvalidInputException} on
     * {@code ticketNumber} when no ticket has that number.
     */
    public Future<Void> wrapUp(String uniqueid, WrapUpCode code, String note, String ticketNumber, Principal agent) {
        Future<Optional<Ticket>> ticket = ticketNumber == null ? Future.succeededFuture(Optional.empty())
                : tickets.findByNumber(ticketNumber);
        return ticket.compose(found -> pool.withTransaction(conn -> conn.preparedQuery(SwitchboardSql.WRAP_UP)
                .execute(Tuple.of(uniqueid, code.code(), note, clock.instant().atOffset(ZoneOffset.UTC), agent.id()))
                .compose(rows -> {
                    if (rows.size() == 0) {
                        return Future.failedFuture(new NotFoundException("no answered call " + uniqueid));
                    }
                    if (ticketNumber == null) {
                        return Future.succeededFuture();
                    }
                    if (found.isEmpty()) {
                        return Future.failedFuture(new InvalidInputException("ticketNumber", "no ticket has this number"));
                    }
                    long callId = rows.iterator().next().getLong("id");
                    return conn.preparedQuery(SwitchboardSql.LINK_TICKET_ID).execute(Tuple.of(callId, found.get().id()))
                            .<Void>mapEmpty();
                })));
    }

    /** Opens an inquiry ticket from the call (idempotent per call: a repeat returns the same ticket). */
    public Future<Ticket> openInquiry(String uniqueid, String subject, String description, Principal agent) {
        return pool.preparedQuery(SwitchboardSql.CALL_FOR_TICKET).execute(Tuple.of(uniqueid)).compose(rows -> {
            if (rows.size() == 0) {
                return Future.failedFuture(new NotFoundException("no call " + uniqueid));
            }
            Row call = rows.iterator().next();
            TicketDraft draft = new TicketDraft(TicketType.INQUIRY, Channel.PHONE, null, false, call.getLong("customer_id"),
                    call.getString("caller_number"), subject, description, null, null, null, null);
            return tickets.create(draft, agent, Optional.of("call-inquiry-" + uniqueid))
                    .compose(ticket -> pool.withTransaction(conn -> conn.preparedQuery(SwitchboardSql.LINK_TICKET_ID)
                            .execute(Tuple.of(call.getLong("id"), ticket.id()))
                            .compose(linked -> conn.preparedQuery(SwitchboardSql.WRAP_UP_IF_MISSING).execute(Tuple.of(
                                    call.getLong("id"), WrapUpCode.TICKET_CREATED.code(),
                                    clock.instant().atOffset(ZoneOffset.UTC), agent.id()))))
                            .map(done -> ticket));
        });
    }
}
