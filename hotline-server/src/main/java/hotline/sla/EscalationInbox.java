package hotline.sla;

import hotline.auth.Principal;
import hotline.common.Code;
import hotline.common.NotFoundException;
import hotline.sla.internal.SlaRows;
import hotline.sla.internal.SlaSql;
import hotline.store.SqlTime;
import hotline.ticket.Page;
import hotline.ticket.Ticket;
import hotline.ticket.TicketEvent;
import hotline.ticket.TicketListener;
import hotline.ticket.workflow.Escalation;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * "My escalations": the warnings and escalations the duty roster addresses to a user, kept in {@code sla_inbox} until
 * that user acknowledges them. An escalation is written here as a {@link TicketListener}, inside the transaction of
 * the ticket change that escalates (the scheduler's breach or an {@code escalate} by hand), addressed to the new
 * level's holder the change names; a warning is written by the {@link SlaScheduler} in the statement that records
 * it under its claim. So each is written once, however many servers run. Thread-safe; never blocks.
 */
public final class EscalationInbox implements TicketListener {

    /** Which of a user's items to list. */
    public enum Status implements Code { UNREAD, READ, ALL }

    private final Pool pool;
    private final Clock clock;

    EscalationInbox(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    @Override
    public Future<Void> onChanged(SqlConnection tx, Ticket before, Ticket after, TicketEvent event) {
        if (!(event.data().getValue(Escalation.KEY) instanceof JsonObject escalated)
                || !(escalated.getValue("owner") instanceof String addressee)) {
            return Future.succeededFuture();
        }
        JsonObject breach = event.data().getJsonObject(SlaTracker.EVENT_KEY, new JsonObject());
        return tx.preparedQuery(SlaSql.NOTE_ESCALATION).execute(Tuple.tuple()
                        .addString(addressee).addLong(after.id()).addString(breach.getString("deadline"))
                        .addString(escalated.getString("to")).addValue(SqlTime.param(breach.getInstant("dueAt")))
                        .addString(escalated.getString("reason")).addLong(event.id())
                        .addValue(SqlTime.param(event.at())))
                .mapEmpty();
    }

    /** A page of {@code user}'s items, newest first, and the number of all their unread ones. */
    public Future<Listing> list(String user, Status status, int page, int size) {
        Boolean unread = status == Status.ALL ? null : status == Status.UNREAD;
        Future<List<InboxItem>> items = pool.preparedQuery(SlaSql.INBOX)
                .execute(Tuple.of(user, unread, size, (long) page * size))
                .map(rows -> {
                    List<InboxItem> list = new ArrayList<>(rows.size());
                    rows.forEach(row -> list.add(SlaRows.inboxItem(row)));
                    return list;
                });
        Future<Long> total = pool.preparedQuery(SlaSql.INBOX_COUNT).execute(Tuple.of(user, unread))
                .map(rows -> rows.iterator().next().getLong(0));
        Future<Long> unreadCount = unread(user);
        return Future.all(items, total, unreadCount).map(all -> new Listing(
                new Page<>(items.result(), total.result(), page, size), unreadCount.result()));
    }

    /** How many unread items {@code user} has. */
    public Future<Long> unread(String user) {
        return pool.preparedQuery(SlaSql.INBOX_UNREAD).execute(Tuple.of(user))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    /**
     * Marks item {@code id} of {@code who} acknowledged by them now and answers it; an item acknowledged before is
     * answered as it is (the first acknowledgement stays). Another user's item, or none, is a {@link NotFoundException}.
     */
    public Future<InboxItem> acknowledge(long id, Principal who) {
        return pool.preparedQuery(SlaSql.ACKNOWLEDGE)
                .execute(Tuple.of(id, who.username(), SqlTime.param(clock.instant())))
                .compose(done -> pool.preparedQuery(SlaSql.INBOX_ROW).execute(Tuple.of(id, who.username())))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw new NotFoundException("you have no escalation " + id);
                    }
                    return SlaRows.inboxItem(rows.iterator().next());
                });
    }

    /** A page of a user's items and the number of all their unread ones. */
    public record Listing(Page<InboxItem> page, long unread) {

        /** As {@code listMyEscalations} answers it. */
        public JsonObject toJson() {
            return page.toJson(InboxItem::toJson).put("unread", unread);
        }
    }
}
