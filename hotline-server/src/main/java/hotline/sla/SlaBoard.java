package hotline.sla;

import hotline.sla.internal.BoardListing;
import hotline.sla.internal.SlaRows;
import hotline.sla.internal.SlaSql;
import hotline.ticket.Page;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The supervisor's SLA board: the open tickets past the warning threshold of their earliest target not yet met, most
 * overdue first, read from {@code ticket_sla} (kept in step by the {@link SlaTracker}) through one partial index.
 * Whether a ticket is on the board is decided by the clock, not by the scheduler's last scan, so it shows the moment
 * the board is read. Thread-safe; never blocks.
 */
public final class SlaBoard {

    private final Pool pool;
    private final Clock clock;

    SlaBoard(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    /** A page of the board as {@code filter} narrows it, with the number of all matches. */
    public Future<Page<BoardRow>> list(BoardFilter filter) {
        Instant now = clock.instant();
        BoardListing listing = BoardListing.of(filter, now);
        Future<List<BoardRow>> items = pool.preparedQuery(listing.page()).execute(listing.pageParameters())
                .map(rows -> {
                    List<BoardRow> list = new ArrayList<>(rows.size());
                    rows.forEach(row -> list.add(SlaRows.boardRow(row, now)));
                    return list;
                });
        Future<Long> total = pool.preparedQuery(listing.count()).execute(listing.countParameters())
                .map(rows -> rows.iterator().next().getLong(0));
        return Future.all(items, total)
                .map(both -> new Page<>(items.result(), total.result(), filter.page(), filter.size()));
    }

    /** The districts of the open tickets that still have a target, for the board's filter. */
    public Future<List<String>> districts() {
        return pool.query(SlaSql.BOARD_DISTRICTS).execute().map(rows -> {
            List<String> districts = new ArrayList<>(rows.size());
            for (Row row : rows) {
                districts.add(row.getString(0));
            }
            return districts;
        });
    }
}
