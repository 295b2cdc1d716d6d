package hotline.relationship;

import hotline.common.NotFoundException;
import hotline.relationship.internal.TimelineSql;
import hotline.store.SqlTime;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.util.List;

/** Every contact of a customer in one list, newest first, a page at a time. Thread-safe; never blocks. */
public final class ContactTimeline {

    public static final int MAX_PAGE_SIZE = 100;

    private final Pool pool;

    public ContactTimeline(Pool pool) {
        this.pool = pool;
    }

    /**
     * A page of the customer's contacts (404 for an unknown customer); whether there are more is known by reading one
     * row beyond it.
     */
    public Future<Page> page(long customerId, int page, int size) {
        long offset = (long) (page - 1) * size;
        Tuple params = Tuple.of(customerId, offset + size + 1, size + 1, offset);
        return pool.preparedQuery(TimelineSql.CUSTOMER_EXISTS).execute(Tuple.of(customerId)).compose(exists -> {
            if (!exists.iterator().next().getBoolean(0)) {
                throw new NotFoundException("no customer " + customerId);
            }
            return pool.preparedQuery(TimelineSql.PAGE).execute(params);
        }).map(rows -> {
            List<TimelineEntry> entries = rows.stream().map(ContactTimeline::entry).toList();
            boolean more = entries.size() > size;
            return new Page(more ? entries.subList(0, size) : entries, page, size, more);
        });
    }

    /** One page of the timeline and whether another follows it. */
    public record Page(List<TimelineEntry> entries, int page, int size, boolean hasNext) {
    }

    private static TimelineEntry entry(Row row) {
        return new TimelineEntry(row.getString("kind"), SqlTime.instant(row, "at"), row.getLong("ref"),
                row.getString("title"), row.getString("code"), row.getString("state"), row.getString("text"),
                row.getInteger("score"), row.getInteger("seconds"));
    }
}
