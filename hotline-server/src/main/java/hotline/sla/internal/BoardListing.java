package hotline.sla.internal;

import hotline.sla.BoardFilter;
import hotline.sla.BoardState;
import hotline.store.SqlTime;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The statements of one SLA board: a page (most overdue first) and the count of all matches, with a condition only for
 * each criterion the filter sets, as {@code TicketListing} does and for the same reason (a catch-all condition's
 * generic plan cannot use an index for either case). $1 is always now: a ticket is on the board once its warning
 * threshold ({@code risk_at}) has passed. Both are answered from the partial indexes of V33: the page in board order,
 * stopping at its last row, the count by threshold. Text comes from fixed fragments only.
 */
public record BoardListing(String page, Tuple pageParameters, String count, Tuple countParameters) {

    /** The page's rows, read by key once the page is chosen ({@code %s}: the ids of the page, in order). */
    private static final String ROWS = """
            SELECT s.ticket_id, s.tier, s.critical_facility, s.level, s.owner, s.risk_deadline, s.risk_at, s.due_at,
                   t.number, t.subject, t.type, t.priority, t.urgent, t.district
            FROM (%s) page JOIN ticket_sla s ON s.ticket_id = page.ticket_id JOIN ticket_facts t ON t.id = s.ticket_id
            ORDER BY s.due_at, s.ticket_id
            """;

    public static BoardListing of(BoardFilter filter, Instant now) {
        List<String> conditions = new ArrayList<>(List.of("s.risk_at <= $1"));
        List<Object> values = new ArrayList<>(List.of(SqlTime.param(now)));
        criterion(conditions, values, "s.ticket_type", filter.type() == null ? null : filter.type().code());
        criterion(conditions, values, "s.district", filter.district());
        criterion(conditions, values, "s.tier", filter.tier() == null ? null : filter.tier().code());
        criterion(conditions, values, "s.level", filter.level() == null ? null : filter.level().code());
        criterion(conditions, values, "s.owner", filter.owner());
        if (filter.state() != null) {
            conditions.add(filter.state() == BoardState.BREACHED ? "s.due_at <= $1" : "s.due_at > $1");
        }
        String where = " WHERE " + String.join(" AND ", conditions);
        int limit = values.size() + 1;
        // The page is chosen from the index alone (V33), in its order, and only its rows are read whole.
        String page = "SELECT ticket_id FROM ticket_sla s" + where + " ORDER BY s.due_at, s.ticket_id LIMIT $" + limit
                + " OFFSET $" + (limit + 1);
        return new BoardListing(ROWS.formatted(page),
                Tuple.from(values).addInteger(filter.size()).addLong((long) filter.page() * filter.size()),
                "SELECT count(*) FROM ticket_sla s" + where, Tuple.from(values));
    }

    private static void criterion(List<String> conditions, List<Object> values, String column, Object value) {
        if (value != null) {
            values.add(value);
            conditions.add(column + " = $" + values.size());
        }
    }
}
