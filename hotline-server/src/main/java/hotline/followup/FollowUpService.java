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
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Follow-up tasks: the lists of the calls due today or overdue, recording an outcome (a complaint's goes through its
 * {@code follow_up} workflow action, so a score of 1–2 reopens it), and customer satisfaction (CSAT) per day,
 * district, ticket type or agent. Thread-safe; never blocks.
 */
public final class FollowUpService {

    /** Which calls to list. */
    public enum Due implements hotline.common.Code { TODAY, OVERDUE }

    private static final Map<String, String> REPORTS = Map.of(
            "day", FollowUpSql.SATISFACTION_BY_DAY,
            "district", FollowUpSql.SATISFACTION_BY_DISTRICT,
            "type", FollowUpSql.SATISFACTION_BY_TYPE,
            "agent", FollowUpSql.SATISFACTION_BY_AGENT);

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

    /**
     * CSAT of the answers recorded in [{@code from}, {@code to}): per group {@code {"key", "answers", "average",
     * "satisfiedShare"}} (satisfied: 4 or 5).
     */
    public Future<JsonObject> satisfaction(Instant from, Instant to, String groupBy) {
        String sql = REPORTS.get(groupBy);
        if (sql == null) {
            return Future.failedFuture(new InvalidInputException("groupBy", "groupBy must be one of day, district, type, agent"));
        }
        if (!from.isBefore(to)) {
            return Future.failedFuture(new InvalidInputException("to", "to must be after from"));
        }
        Tuple params = Tuple.of(SqlTime.param(from), SqlTime.param(to));
        if (groupBy.equals("day")) {
            params.addString(zone.getId());
        }
        return pool.preparedQuery(sql).execute(params).map(rows -> {
            JsonArray groups = new JsonArray();
            rows.forEach(row -> groups.add(new JsonObject().put("key", row.getString("key"))
                    .put("answers", row.getLong("answers")).put("average", row.getDouble("average"))
                    .put("satisfiedShare", row.getLong("satisfied") / (double) row.getLong("answers"))));
            return new JsonObject().put("from", from.toString()).put("to", to.toString()).put("groupBy", groupBy)
                    .put("groups", groups);
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
