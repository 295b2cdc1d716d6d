package hotline.notify;

import hotline.sla.SlaState;
import hotline.sla.SlaTracker;
import hotline.ticket.Ticket;
import hotline.ticket.TicketEvent;
import hotline.ticket.TicketListener;
import hotline.ticket.TicketStatus;
import hotline.ticket.TicketType;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Queues the notices a ticket's own changes cause, inside the ticket's transaction: "received" for every ticket
 * opened unresolved (its number and the resolution due time of its SLA; tickets created together in one statement),
 * "repair dispatched" (with the crew's eta) and "repair done". The customer is told, or, without a customer record,
 * the caller's number. Registered after the SLA tracker, whose due times it reads. Never blocks.
 */
public final class TicketNoticeListener implements TicketListener {

    @Override
    public Future<Void> onCreated(SqlConnection tx, List<Ticket> created) {
        List<Ticket> told = created.stream().filter(t -> !t.status().isFinal() && recipient(t)).toList();
        if (told.isEmpty()) {
            return Future.succeededFuture();
        }
        return SlaTracker.findAll(tx, told.stream().map(Ticket::id).toList()).compose(slas -> {
            Map<Long, SlaState> byTicket = slas.stream().collect(Collectors.toMap(SlaState::ticketId, Function.identity()));
            List<Notice> notices = told.stream().filter(t -> byTicket.containsKey(t.id()))
                    .map(t -> notice(NoticeKind.TICKET_RECEIVED, t, "received",
                            new JsonObject().put("expectedAt", byTicket.get(t.id()).due().resolutionDue().toString())))
                    .toList();
            return Notices.queueAll(tx, notices, told.getFirst().createdAt()).mapEmpty();
        });
    }

    @Override
    public Future<Void> onChanged(SqlConnection tx, Ticket before, Ticket after, TicketEvent event) {
        if (after.type() != TicketType.REPAIR || before.status() == after.status() || !recipient(after)) {
            return Future.succeededFuture();
        }
        Optional<Notice> notice = switch (after.status()) {
            case DISPATCHED -> eta(after).map(eta -> notice(NoticeKind.REPAIR_DISPATCHED, after, "dispatched",
                    new JsonObject().put("expectedAt", eta.toString())));
            case REPAIRED -> Optional.of(notice(NoticeKind.REPAIR_DONE, after, "repaired", new JsonObject()));
            default -> Optional.empty();
        };
        return notice.map(n -> Notices.queue(tx, n, event.at()).<Void>mapEmpty()).orElse(Future.succeededFuture());
    }

    /** Whether anyone can be told about {@code ticket}: it has a customer or a caller's number. */
    public static boolean recipient(Ticket ticket) {
        return ticket.customerId() != null || (ticket.callerNumber() != null && !ticket.callerNumber().isBlank());
    }

    /** A notice about {@code ticket} to its customer, or to its caller when it has none; keyed by ticket and reason. */
    public static Notice notice(NoticeKind kind, Ticket ticket, String reason, JsonObject variables) {
        return new Notice(kind, ticket.customerId(), ticket.customerId() == null ? ticket.callerNumber() : null,
                ticket.id(), variables.copy().put("number", ticket.number()), "ticket:" + ticket.id() + ":" + reason);
    }

    private static Optional<Instant> eta(Ticket ticket) {
        JsonObject dispatch = ticket.details().getJsonObject("dispatch");
        try {
            return Optional.ofNullable(dispatch == null ? null : dispatch.getString("eta")).map(Instant::parse);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
