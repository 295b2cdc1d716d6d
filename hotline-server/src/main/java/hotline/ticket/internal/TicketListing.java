package hotline.ticket.internal;

import hotline.ticket.TicketFilter;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;

/**
 * The statements of one ticket list: a page (newest first) and the count of all matches, with a condition only for
 * each criterion the filter sets. Catch-all conditions such as {@code ($1 IS NULL OR status = $1)} would share one
 * statement, but its cached generic plan cannot use an index for either case; there are at most 16 of these
 * statements, each prepared once and planned for its own criteria. Text comes from fixed fragments only.
 */
public record TicketListing(String page, Tuple pageParameters, String count, Tuple countParameters) {

    public static TicketListing of(TicketFilter filter) {
        List<String> conditions = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        criterion(conditions, values, "status", filter.status() == null ? null : filter.status().code());
        criterion(conditions, values, "type", filter.type() == null ? null : filter.type().code());
        criterion(conditions, values, "customer_id", filter.customerId());
        criterion(conditions, values, "district", filter.district());
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        int limit = values.size() + 1;
        return new TicketListing(
                "SELECT * FROM tickets" + where + " ORDER BY created_at DESC, id DESC LIMIT $" + limit
                        + " OFFSET $" + (limit + 1),
                Tuple.from(values).addInteger(filter.size()).addLong((long) filter.page() * filter.size()),
                "SELECT count(*) FROM tickets" + where, Tuple.from(values));
    }

    private static void criterion(List<String> conditions, List<Object> values, String column, Object value) {
        if (value != null) {
            values.add(value);
            conditions.add(column + " = $" + values.size());
        }
    }
}
