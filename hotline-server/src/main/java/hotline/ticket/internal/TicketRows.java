package hotline.ticket.internal;

import hotline.common.Code;
import hotline.store.SqlTime;
import hotline.ticket.Channel;
import hotline.ticket.Priority;
import hotline.ticket.Ticket;
import hotline.ticket.TicketEvent;
import hotline.ticket.TicketStatus;
import hotline.ticket.TicketType;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

/** Rows of {@code tickets} and {@code ticket_events} as records. */
public final class TicketRows {

    private TicketRows() {
    }

    public static Ticket ticket(Row row) {
        return new Ticket(
                row.getLong("id"),
                row.getString("number"),
                code(TicketType.class, row.getString("type")),
                code(Channel.class, row.getString("channel")),
                code(TicketStatus.class, row.getString("status")),
                code(Priority.class, row.getString("priority")),
                row.getBoolean("urgent"),
                row.getLong("customer_id"),
                row.getString("caller_number"),
                row.getString("subject"),
                row.getString("description"),
                row.getString("location"),
                row.getString("district"),
                row.getString("category"),
                (JsonObject) row.getJson("details"),
                row.getInteger("version"),
                SqlTime.instant(row, "created_at"),
                SqlTime.instant(row, "updated_at"),
                SqlTime.instant(row, "closed_at"));
    }

    public static TicketEvent event(Row row) {
        return new TicketEvent(
                row.getLong("id"),
                row.getLong("ticket_id"),
                SqlTime.instant(row, "at"),
                row.getString("actor"),
                code(Channel.class, row.getString("channel")),
                row.getString("action"),
                (JsonObject) row.getJson("changes"),
                (JsonObject) row.getJson("data"));
    }

    private static <E extends Enum<E> & Code> E code(Class<E> type, String code) {
        return Code.parse(type, code).orElseThrow(() -> new IllegalStateException(
                "stored " + type.getSimpleName() + " has an unknown code: " + code));
    }
}
