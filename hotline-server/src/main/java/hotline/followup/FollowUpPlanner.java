package hotline.followup;

import hotline.followup.internal.AnswerColumns;
import hotline.followup.internal.FollowUpSql;
import hotline.notify.NoticeKind;
import hotline.notify.Notices;
import hotline.notify.TicketNoticeListener;
import hotline.sla.CallingHours;
import hotline.sla.SlaState;
import hotline.sla.SlaTracker;
import hotline.store.SqlTime;
import hotline.ticket.Ticket;
import hotline.ticket.TicketEvent;
import hotline.ticket.TicketListener;
import hotline.ticket.TicketStatus;
import hotline.ticket.TicketType;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.time.Duration;
import java.time.Instant;

/**
 * Plans return calls inside ticket changes: every complaint entering {@code follow_up} (a complaint closes only
 * through it) gets one, due the SLA policy's follow-up delay after the resolution, moved into the calling hours; a
 * verified repair too when the {@link RepairRule} of {@code conf/visits.json} names its priority, category, customer
 * tier or critical facility. The customer is told when to expect the call (a {@link NoticeKind#FOLLOW_UP_REMINDER}).
 * The complaint's {@code follow_up} action records the outcome on its task. Registered after the {@link SlaTracker}
 * (it reads the ticket's follow-up delay from there). Never blocks.
 */
public final class FollowUpPlanner implements TicketListener {

    private final CallingHours callingHours;
    private final RepairRule repairs;

    public FollowUpPlanner(CallingHours callingHours, RepairRule repairs) {
        this.callingHours = callingHours;
        this.repairs = repairs;
    }

    @Override
    public Future<Void> onChanged(SqlConnection tx, Ticket before, Ticket after, TicketEvent event) {
        if (after.type() == TicketType.COMPLAINT && after.status() == TicketStatus.FOLLOW_UP
                && before.status() != TicketStatus.FOLLOW_UP) {
            return plan(tx, FollowUp.Kind.COMPLAINT, after, event);
        }
        if (after.type() == TicketType.COMPLAINT && "follow_up".equals(event.action())) {
            JsonObject answers = event.data().getJsonObject("followUp", new JsonObject());
            return tx.preparedQuery(FollowUpSql.COMPLETE_FOR_TICKET).execute(AnswerColumns.after(Tuple.of(after.id(),
                    FollowUp.Kind.COMPLAINT.code(), SqlTime.param(event.at()), event.actor()), answers)).mapEmpty();
        }
        if (after.type() == TicketType.REPAIR && "verify".equals(event.action())) {
            Future<Row> customer = after.customerId() == null ? Future.succeededFuture()
                    : tx.preparedQuery(FollowUpSql.CUSTOMER).execute(Tuple.of(after.customerId()))
                    .map(rows -> rows.size() == 1 ? rows.iterator().next() : null);
            return customer.compose(row -> repairs.applies(after.priority(), after.category(),
                    row == null ? null : row.getString("tier"), row != null && row.getBoolean("critical_facility"))
                    ? plan(tx, FollowUp.Kind.REPAIR, after, event) : Future.succeededFuture());
        }
        return Future.succeededFuture();
    }

    /** Proactive calls to the critical facilities of {@code district} when incident {@code incidentId} opens: due now. */
    public static Future<Void> planProactive(SqlClient tx, long incidentId, String district, Instant now) {
        return tx.preparedQuery(FollowUpSql.PROACTIVE)
                .execute(Tuple.of(incidentId, district, SqlTime.param(now), SqlTime.param(now))).mapEmpty();
    }

    /**
     * Proactive calls to the critical facilities among the customers of planned shut-off {@code outageId}, due
     * {@code due}; one per customer however often it is asked.
     */
    public static Future<Integer> planForOutage(SqlClient tx, long outageId, Instant due, Instant now) {
        return tx.preparedQuery(FollowUpSql.PROACTIVE_OUTAGE)
                .execute(Tuple.of(outageId, SqlTime.param(due), SqlTime.param(now))).map(rows -> rows.rowCount());
    }

    /** Closes the open calls of shut-off {@code outageId} when it is cancelled, {@code why} as their comment. */
    public static Future<Void> dropForOutage(SqlClient tx, long outageId, Instant now, String actor, String why) {
        return tx.preparedQuery(FollowUpSql.DROP_OUTAGE_CALLS)
                .execute(Tuple.of(outageId, SqlTime.param(now), actor, why)).mapEmpty();
    }

        private Future<Void> plan(SqlConnection tx, FollowUp.Kind kind, Ticket ticket, TicketEvent event) {
        return SlaTracker.find(tx, ticket.id()).compose(sla -> {
            Duration delay = sla.map(SlaState::due).map(due -> due.followUpDelay()).orElse(Duration.ofDays(1));
            Instant due = callingHours.nextCallTime(event.at().plus(delay));
            return tx.preparedQuery(FollowUpSql.PLAN).execute(Tuple.tuple().addString(kind.code())
                    .addLong(ticket.id()).addLong(ticket.customerId()).addString(ticket.type().code())
                    .addString(ticket.district()).addString(event.actor()).addString(event.actor())
                    .addValue(SqlTime.param(due)).addValue(SqlTime.param(event.at())))
                    .compose(planned -> !TicketNoticeListener.recipient(ticket) ? Future.succeededFuture()
                            : Notices.queue(tx, TicketNoticeListener.notice(NoticeKind.FOLLOW_UP_REMINDER, ticket,
                            "follow_up:" + kind.code(), new JsonObject().put("callAt", due.toString())), event.at()))
                    .mapEmpty();
        });
    }
}
