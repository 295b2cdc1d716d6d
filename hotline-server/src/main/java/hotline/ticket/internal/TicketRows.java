package hotline.ticket.internal;

import hotline.common.Code;
import hotline.ticket.Channel;
import hotline.ticket.Priority;
import hotline.ticket.Ticket;
import hotline.ticket.TicketEvent;
import hotline.ticket.TicketStatus;
import hotline.ticket.TicketType;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Rows of {@code tickets} and {@code ticket_events} as records, and instants as query parameters. */
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
                instant(row, "created_at"),
                instant(row, "updated_at"),
                instant(row, "closed_at"));
    }

    public static TicketEvent event(Row row) {
        return new TicketEvent(
                row.getLong("id"),
                row.getLong("ticket_id"),
                instant(row, "at"),
                row.getString("actor"),
                code(Channel.class, row.getString("channel")),
                row.getString("action"),
                (JsonObject) row.getJson("changes"),
                (JsonObject) row.getJson("data"));
    }

    public static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    private static <E extends Enum<E> & Code> E code(Class<E> type, String code) {
        return Code.parse(type, code).orElseThrow(() -> new IllegalStateException(
                "stored " + type.getSimpleName() + " has an unknown code: " + code));
    }
}
