package hotline.crew;

import hotline.common.ConflictException;
import hotline.common.InvalidInputException;
import hotline.crew.internal.CrewSql;
import hotline.store.SqlTime;
import hotline.ticket.workflow.ActionGuard;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;

/**
 * The crews table and the check that a dispatch names a crew that exists and is on duty (as an
 * {@link ActionGuard} of the {@code dispatch} action). Thread-safe; never blocks.
 */
public final class CrewService {

    private final Pool pool;
    private final Clock clock;

    public CrewService(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    public Future<List<Crew>> list() {
        return pool.preparedQuery(CrewSql.LIST).execute().map(rows -> rows.stream().map(CrewService::crew).toList());
    }

    /** Creates a crew; a name already used is a 409. */
    public Future<Crew> create(String name, String district, String phone, boolean onDuty) {
        return pool.preparedQuery(CrewSql.CREATE)
                .execute(Tuple.of(name, district, phone, onDuty, SqlTime.param(clock.instant())))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw new ConflictException("a crew named " + name + " already exists");
                    }
                    return crew(rows.iterator().next());
                });
    }

    /** Fails with 422 on {@code fields.crewId} unless crew {@code crewId} exists and is on duty. */
    public Future<Void> checkAvailable(Object crewId, String field) {
        if (!(crewId instanceof Number number)) {
            return Future.succeededFuture(); // the workflow's own field check names the bad value
        }
        return pool.preparedQuery(CrewSql.ON_DUTY).execute(Tuple.of(number.longValue())).compose(rows -> {
            if (rows.size() == 0) {
                return Future.failedFuture(new InvalidInputException(field, "no crew has id " + number));
            }
            if (!rows.iterator().next().getBoolean("on_duty")) {
                return Future.failedFuture(new InvalidInputException(field, "crew " + number + " is not on duty"));
            }
            return Future.succeededFuture();
        });
    }

    /** The dispatch check for {@code POST /api/tickets/{id}/transitions}. */
    public ActionGuard dispatchGuard() {
        return (ticketId, action, fields) -> "dispatch".equals(action)
                ? checkAvailable(fields.getValue("crewId"), "fields.crewId") : Future.succeededFuture();
    }

    private static Crew crew(Row row) {
        return new Crew(row.getLong("id"), row.getString("name"), row.getString("district"), row.getString("phone"),
                row.getBoolean("on_duty"), ids(row, "open_tickets"), ids(row, "open_incidents"));
    }

    private static List<Long> ids(Row row, String column) {
        Long[] values = row.getArrayOfLongs(column);
        return values == null ? List.of() : Arrays.asList(values);
    }
}
