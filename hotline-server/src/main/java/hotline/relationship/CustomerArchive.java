package hotline.relationship;

import hotline.common.ConflictException;
import hotline.common.NotFoundException;
import hotline.relationship.internal.ArchiveSql;
import hotline.store.SqlTime;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The customer archive: customers found by an {@link ArchiveFilter}, a page at a time in name order, counted by
 * segment, exported, and the filters supervisors save as segments. Thread-safe; never blocks.
 */
public final class CustomerArchive {

    public static final int MAX_PAGE_SIZE = 100;
    /** An export is the first this many customers of the filter, in name order. */
    public static final int EXPORT_LIMIT = 50_000;

    private final Pool pool;
    private final ZoneId zone;
    private final Clock clock;

    public CustomerArchive(Pool pool, ZoneId zone, Clock clock) {
        this.pool = pool;
        this.zone = zone;
        this.clock = clock;
    }

    public Future<Paged<ArchiveCustomer>> search(ArchiveFilter filter, int page, int size) {
        Tuple pageParams = params(filter).addInteger(size).addLong((long) (page - 1) * size);
        return withCustomPlans(tx -> tx.preparedQuery(ArchiveSql.PAGE).execute(pageParams)
                .compose(rows -> tx.preparedQuery(ArchiveSql.COUNT).execute(params(filter))
                        .map(count -> new Paged<>(rows.stream().map(CustomerArchive::customer).toList(), page, size,
                                count.iterator().next().getLong(0)))));
    }

    /** The first {@link #EXPORT_LIMIT} customers of the filter, for a CSV file. */
    public Future<List<ArchiveCustomer>> export(ArchiveFilter filter) {
        Tuple exportParams = params(filter).addInteger(EXPORT_LIMIT).addLong(0L);
        return withCustomPlans(tx -> tx.preparedQuery(ArchiveSql.PAGE).execute(exportParams)
                .map(rows -> rows.stream().map(CustomerArchive::customer).toList()));
    }

    /** The customers of the filter by district, water use, kind, tier and critical reason, and in all. */
    public Future<List<SegmentCount>> segmentCounts(ArchiveFilter filter) {
        return withCustomPlans(tx -> tx.preparedQuery(ArchiveSql.SEGMENT_COUNTS).execute(params(filter))
                .map(rows -> rows.stream().map(row -> new SegmentCount(row.getString("dim"), row.getString("key"),
                        row.getLong("customers"))).toList()));
    }

    public Future<List<SavedSegment>> segments() {
        return pool.query(ArchiveSql.SEGMENTS).execute()
                .map(rows -> rows.stream().map(CustomerArchive::segment).toList());
    }

    public Future<SavedSegment> segment(long id) {
        return pool.preparedQuery(ArchiveSql.SEGMENT).execute(Tuple.of(id)).map(rows -> {
            if (rows.size() == 0) {
                throw new NotFoundException("no saved segment " + id);
            }
            return segment(rows.iterator().next());
        });
    }

    /** Saves {@code filter} as {@code name}; a name already taken is a conflict. */
    public Future<SavedSegment> save(String name, ArchiveFilter filter, String actor) {
        Tuple params = Tuple.of(name, filter.toJson(), actor, SqlTime.param(clock.instant()));
        return pool.preparedQuery(ArchiveSql.INSERT_SEGMENT).execute(params).map(rows -> {
            if (rows.size() == 0) {
                throw new ConflictException("a segment named " + name + " exists already");
            }
            return segment(rows.iterator().next());
        });
    }

    public Future<Void> delete(long id) {
        return pool.preparedQuery(ArchiveSql.DELETE_SEGMENT).execute(Tuple.of(id)).map(rows -> {
            if (rows.rowCount() == 0) {
                throw new NotFoundException("no saved segment " + id);
            }
            return null;
        });
    }

    private <T> Future<T> withCustomPlans(Function<SqlConnection, Future<T>> work) {
        return pool.withTransaction(tx -> tx.query(ArchiveSql.CUSTOM_PLANS).execute().compose(done -> work.apply(tx)));
    }

    private Tuple params(ArchiveFilter filter) {
        return Tuple.tuple(filter.params(zone));
    }

    private static ArchiveCustomer customer(Row row) {
        String[] phones = row.getArrayOfStrings("phones");
        return new ArchiveCustomer(row.getLong("id"), row.getString("account_number"), row.getString("name"),
                row.getString("address"), row.getString("district"), row.getString("water_use"), row.getString("kind"),
                row.getString("tier"), row.getString("critical_reason"), phones == null ? List.of() : Arrays.asList(phones),
                SqlTime.instant(row, "created_at"), SqlTime.instant(row, "updated_at"),
                SqlTime.instant(row, "last_contact_at"));
    }

    private static SavedSegment segment(Row row) {
        Object filter = row.getValue("filter");
        return new SavedSegment(row.getLong("id"), row.getString("name"),
                ArchiveFilter.fromJson(filter instanceof JsonObject json ? json : new JsonObject(String.valueOf(filter))),
                row.getString("created_by"), SqlTime.instant(row, "created_at"));
    }
}
