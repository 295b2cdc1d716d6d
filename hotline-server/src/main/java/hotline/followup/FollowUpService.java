package hotline.followup;

import hotline.auth.Principal;
import hotline.common.ConflictException;
import hotline.common.InvalidInputException;
import hotline.common.NotFoundException;
import hotline.followup.internal.AnswerColumns;
import hotline.followup.internal.FollowUpSql;
import hotline.sla.CallingHours;
import hotline.store.SqlTime;
import hotline.ticket.Channel;
import hotline.ticket.workflow.ActionGuard;
import hotline.ticket.workflow.FieldSpec;
import hotline.ticket.workflow.VisitAnswers;
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
 * Follow-up tasks: the lists of the calls due today or overdue, and recording an outcome ({@link VisitAnswers}). A
 * call that did not reach the customer is a failed attempt, due again after the policy's retry delay inside the
 * calling hours, until the last allowed attempt makes it unreachable. A complaint's outcome goes through its
 * {@code follow_up} workflow action (so a dissatisfied customer reopens it), checked by {@link #followUpGuard}.
 * Their satisfaction is reported by the reports capability. Thread-safe; never blocks.
 */
public final class FollowUpService {

    /** Which calls to list. */
    public enum Due implements hotline.common.Code { TODAY, OVERDUE }

    private final Pool pool;
    private final WorkflowService workflows;
    private final Clock clock;
    private final ZoneId zone;
    private final VisitPolicy policy;
    private final CallingHours callingHours;

    public FollowUpService(Pool pool, WorkflowService workflows, Clock clock, ZoneId zone, VisitPolicy policy,
                           CallingHours callingHours) {
        this.pool = pool;
        this.workflows = workflows;
        this.clock = clock;
        this.zone = zone;
        this.policy = policy;
        this.callingHours = callingHours;
    }

    /** The return-visit programme: scripts, reasons, attempts. */
    public VisitPolicy policy() {
        return policy;
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

    /**
     * Records the outcome of follow-up {@code id} from {@code answers} (the fields of {@link VisitAnswers}): 422
     * naming the field when they are wrong, 404 unknown, 409 already recorded (or the complaint moved on, or another
     * attempt was recorded meanwhile). An unreachable outcome before the last attempt leaves the call open, due again.
     */
    public Future<FollowUp> recordOutcome(long id, JsonObject answers, Principal actor) {
        JsonObject input;
        VisitAnswers checked;
        try {
            input = FieldSpec.readAll(VisitAnswers.FIELDS, answers, "");
            policy.checkReasons(input, "");
            checked = VisitAnswers.of(input, "");
        } catch (InvalidInputException invalid) {
            return Future.failedFuture(invalid);
        }
        return byId(id).compose(followUp -> {
            if (followUp.doneAt() != null) {
                return Future.failedFuture(alreadyRecorded(id));
            }
            if (checked.outcome() == VisitAnswers.Outcome.UNREACHABLE
                    && followUp.attempts() + 1 < policy.unreachableAfterAttempts()) {
                return failedAttempt(followUp, checked.comment());
            }
            if (followUp.kind() == FollowUp.Kind.COMPLAINT) {
                return workflows.transition(followUp.ticketId(), "follow_up", input, actor, Channel.PHONE, null)
                        .compose(ticket -> byId(id));
            }
            return pool.preparedQuery(FollowUpSql.COMPLETE).execute(AnswerColumns.after(Tuple.of(id,
                            SqlTime.param(clock.instant()), actor.username()), checked.toJson()))
                    .compose(rows -> rows.size() == 1 ? Future.succeededFuture(FollowUp.of(rows.iterator().next()))
                            : Future.failedFuture(alreadyRecorded(id)));
        });
    }

    private Future<FollowUp> failedAttempt(FollowUp followUp, String comment) {
        Instant now = clock.instant();
        Instant again = callingHours.nextCallTime(now.plus(policy.retryAfter()));
        return pool.preparedQuery(FollowUpSql.FAILED_ATTEMPT).execute(Tuple.of(followUp.id(), followUp.attempts(),
                        SqlTime.param(now), SqlTime.param(again), comment == null ? followUp.comment() : comment))
                .compose(rows -> rows.size() == 1 ? Future.succeededFuture(FollowUp.of(rows.iterator().next()))
                        : Future.failedFuture(new ConflictException("another attempt at follow-up " + followUp.id()
                        + " was recorded meanwhile; reload it")));
    }

    /**
     * Checks the complaint's {@code follow_up} action, however it is called: its reasons are on the policy's list, and
     * "unreachable" is recorded only as the last allowed attempt (422 {@code fields.outcome} before it).
     */
    public ActionGuard followUpGuard() {
        return (ticketId, action, fields) -> {
            if (!"follow_up".equals(action) || fields == null) {
                return Future.succeededFuture();
            }
            try {
                policy.checkReasons(fields, "fields");
            } catch (InvalidInputException invalid) {
                return Future.failedFuture(invalid);
            }
            if (!VisitAnswers.Outcome.UNREACHABLE.code().equals(fields.getValue("outcome"))) {
                return Future.succeededFuture();
            }
            return pool.preparedQuery(FollowUpSql.OPEN_FOR_TICKET).execute(Tuple.of(ticketId,
                    FollowUp.Kind.COMPLAINT.code())).compose(rows -> {
                if (rows.size() == 0) {
                    return Future.succeededFuture(); // not a complaint waiting for its call: the workflow refuses it
                }
                int made = rows.iterator().next().getInteger("attempts");
                return made + 1 >= policy.unreachableAfterAttempts() ? Future.succeededFuture()
                        : Future.failedFuture(new InvalidInputException("fields.outcome", "a customer is unreachable "
                        + "after " + policy.unreachableAfterAttempts() + " attempts; " + made + " made so far: record "
                        + "each failed attempt at the follow-up's outcome"));
            });
        };
    }

    private static ConflictException alreadyRecorded(long id) {
        return new ConflictException("the outcome of follow-up " + id + " is already recorded");
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
