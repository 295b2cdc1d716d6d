package hotline.followup;

import hotline.auth.Principal;
import hotline.common.ConflictException;
import hotline.common.InvalidInputException;
import hotline.common.NotFoundException;
import hotline.followup.internal.FollowUpSql;
import hotline.store.SqlTime;
import hotline.ticket.Channel;
import hotline.ticket.workflow.WorkflowService;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Follow-up tasks: the lists of the calls due today or overdue, recording an outcome (a complaint's goes through its
 * {@code follow_up} workflow action, so a score of 1–2 reopens it). Their satisfaction is reported by the reports
 * capability. Thread-safe; never blocks.
 */
public final class FollowUpService {

    /** Which calls to list. */
    public enum Due implements hotline.common.Code { TODAY, OVERDUE }

    private final Pool pool;
    private final WorkflowService workflows;
    private final Clock clock;
    private final ZoneId zone;

    public FollowUpService(Pool pool, WorkflowService workflows, Clock clock, ZoneId zone) {
        this.pool = pool;
        this.workflows = workflows;
        this.clock = clock;
        this.zone = zone;
    }

    /** Open calls due today (local day, overdue ones included) or overdue (due before now); {@code assignee} optional. */
    public Future<List<FollowUp>> list(Due due, String assignee) {
        Instant now = clock.instant();
        Instant until = due == Due.TODAY ? LocalDate.ofInstant(now, zone).plusDays(1).atStartOfDay(zone).toInstant() : now;
        return pool.preparedQuery(FollowUpSql.DUE).execute(Tuple.of(null, SqlTime.param(until), assignee))
                .map(rows -> rows.stream().map(FollowUp::of).toList());
    }

    /** The latest {@code limit} follow-ups of customer {@code customerId}, done or not, newest due first. */
    public Future<List<FollowUp>> ofCustomer(long customerId, int limit) {
        return pool.preparedQuery(FollowUpSql.OF_CUSTOMER).execute(Tuple.of(customerId, limit))
                .map(rows -> rows.stream().map(FollowUp::of).toList());
    }

    /** Records the outcome of follow-up {@code id}; 404 unknown, 409 already recorded (or the complaint moved on). */
    public Future<FollowUp> recordOutcome(long id, int satisfaction, String comment, Principal actor) {
        if (satisfaction < 1 || satisfaction > 5) {
            return Future.failedFuture(new InvalidInputException("satisfaction", "satisfaction must be 1 to 5"));
        }
        return byId(id).compose(followUp -> {
            if (followUp.doneAt() != null) {
                return Future.failedFuture(new ConflictException("the outcome of follow-up " + id + " is already recorded"));
            }
            if (followUp.kind() == FollowUp.Kind.COMPLAINT) {
                return workflows.transition(followUp.ticketId(), "follow_up",
                                new JsonObject().put("satisfaction", satisfaction).put("comment", comment), actor,
                                Channel.PHONE, null)
                        .compose(ticket -> byId(id));
            }
            return pool.preparedQuery(FollowUpSql.COMPLETE).execute(Tuple.of(id, SqlTime.param(clock.instant()),
                            actor.username(), satisfaction, comment))
                    .compose(rows -> rows.size() == 1 ? Future.succeededFuture(FollowUp.of(rows.iterator().next()))
                            : Future.failedFuture(new ConflictException("the outcome of follow-up " + id
                            + " is already recorded")));
        });
    }

    private Future<FollowUp> byId(long id) {
        return pool.preparedQuery(FollowUpSql.BY_ID).execute(Tuple.of(id)).map(rows -> {
            if (rows.size() == 0) {
                throw new NotFoundException("no follow-up with id " + id);
            }
            return FollowUp.of(rows.iterator().next());
        });
    }
}
