package hotline.notify;

import hotline.notify.internal.NotifySql;
import hotline.store.SqlTime;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What was told to whom: a customer's newest notices, a ticket's notices, each with its deliveries. Thread-safe. */
public final class DeliveryLog {

    /** The most notices one list answers. */
    public static final int MAX = 200;

    private final Pool pool;

    public DeliveryLog(Pool pool) {
        this.pool = pool;
    }

    /** The newest {@code limit} (at most {@value #MAX}) notices of customer {@code customerId}, newest first. */
    public Future<List<NoticeRecord>> ofCustomer(long customerId, int limit) {
        return pool.preparedQuery(NotifySql.OF_CUSTOMER).execute(Tuple.of(customerId, Math.min(limit, MAX)))
                .map(DeliveryLog::records);
    }

    /** The notices about ticket {@code ticketId}, oldest first. */
    public Future<List<NoticeRecord>> ofTicket(long ticketId) {
        return pool.preparedQuery(NotifySql.OF_TICKET).execute(Tuple.of(ticketId, MAX)).map(DeliveryLog::records);
    }

    private static List<NoticeRecord> records(RowSet<Row> rows) {
        Map<Long, Row> notices = new LinkedHashMap<>();
        Map<Long, List<NoticeRecord.Delivery>> deliveries = new LinkedHashMap<>();
        for (Row row : rows) {
            long id = row.getLong("notice_id");
            notices.putIfAbsent(id, row);
            List<NoticeRecord.Delivery> list = deliveries.computeIfAbsent(id, key -> new ArrayList<>());
            if (row.getString("channel") != null) {
                String status = row.getString("status");
                list.add(new NoticeRecord.Delivery(upper(NoticeChannel.class, row.getString("channel")),
                        row.getString("address"), upper(DeliveryStatus.class, status), row.getInteger("attempts"),
                        row.getString("claimed_by") != null, SqlTime.instant(row, "next_attempt_at"),
                        SqlTime.instant(row, "sent_at"), row.getString("last_error")));
            }
        }
        List<NoticeRecord> records = new ArrayList<>(notices.size());
        notices.forEach((id, row) -> records.add(new NoticeRecord(id, NoticeKind.ofCode(row.getString("kind")),
                row.getLong("ticket_id"), row.getString("number"), SqlTime.instant(row, "created_at"),
                row.getValue("planned_at") != null, List.copyOf(deliveries.get(id)))));
        return records;
    }

    private static <E extends Enum<E>> E upper(Class<E> type, String code) {
        return Enum.valueOf(type, code.toUpperCase(Locale.ROOT));
    }
}
