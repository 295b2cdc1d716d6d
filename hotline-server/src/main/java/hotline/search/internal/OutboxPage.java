package hotline.search.internal;

import hotline.customer.CustomerService;
import hotline.search.OutboxPosition;
import hotline.ticket.TicketService;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One answer of {@link SearchSql#OUTBOX_PAGE}: the snapshot it reads up to, whether rows it would need were pruned,
 * the tickets its rows name (directly, or through a changed customer) and the (xid, id) of its last row.
 */
record OutboxPage(OutboxPosition upto, boolean behind, Set<Long> ticketIds, Set<Long> customerIds, int rows,
                  String lastXid, long lastId) {

    /** The outbox topics the index follows. */
    static final List<String> TOPICS = List.of(TicketService.OUTBOX_TOPIC, CustomerService.OUTBOX_TOPIC);

    static OutboxPage of(RowSet<Row> result) {
        OutboxPosition upto = null;
        boolean behind = false;
        Set<Long> tickets = new LinkedHashSet<>();
        Set<Long> customers = new LinkedHashSet<>();
        int rows = 0;
        String lastXid = null;
        long lastId = 0;
        for (Row row : result) {
            upto = new OutboxPosition(row.getString("upto"));
            behind = row.getBoolean("behind");
            if (row.getString("xid") == null) {
                continue; // the single row of a page without outbox rows
            }
            rows++;
            lastXid = row.getString("xid");
            lastId = row.getLong("id");
            (CustomerService.OUTBOX_TOPIC.equals(row.getString("topic")) ? customers : tickets)
                    .add(row.getLong("aggregate_id"));
        }
        return new OutboxPage(upto, behind, tickets, customers, rows, lastXid, lastId);
    }
}
