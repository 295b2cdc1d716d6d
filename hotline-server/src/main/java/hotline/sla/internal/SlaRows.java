package hotline.sla.internal;

import hotline.common.Code;
import hotline.customer.Tier;
import hotline.sla.BoardRow;
import hotline.sla.BoardState;
import hotline.sla.DueTimes;
import hotline.sla.InboxItem;
import hotline.sla.SlaState;
import hotline.ticket.Priority;
import hotline.ticket.TicketType;
import hotline.store.SqlTime;
import hotline.ticket.workflow.EscalationLevel;
import io.vertx.sqlclient.Row;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;

/** Rows of {@code ticket_sla} as {@link SlaState} and {@link BoardRow}, rows of {@code sla_inbox} as {@link InboxItem}. */
public final class SlaRows {

    private SlaRows() {
    }

    public static SlaState state(Row row) {
        DueTimes due = new DueTimes(SqlTime.instant(row, "first_response_due"), SqlTime.instant(row, "resolution_due"),
                SqlTime.instant(row, "first_response_warn_at"), SqlTime.instant(row, "resolution_warn_at"),
                Duration.ofSeconds(row.getLong("follow_up_delay_s")), Duration.ofSeconds(row.getLong("escalate_every_s")),
                row.getDouble("warning"));
        return new SlaState(row.getLong("ticket_id"), row.getString("rule"), due, row.getBoolean("responded"),
                row.getBoolean("resolved"), row.getBoolean("suspended"),
                Code.parse(EscalationLevel.class, row.getString("level")).orElse(EscalationLevel.AGENT),
                names(row, "warned"), names(row, "breached"), SqlTime.instant(row, "next_check_at"));
    }

    /** A row of {@link BoardListing}'s page; {@code now} decides whether its target has passed. */
    public static BoardRow boardRow(Row row, Instant now) {
        Instant dueAt = SqlTime.instant(row, "due_at");
        return new BoardRow(row.getLong("ticket_id"), row.getString("number"), row.getString("subject"),
                code(TicketType.class, row.getString("type")), code(Priority.class, row.getString("priority")),
                row.getBoolean("urgent"), row.getString("district"), code(Tier.class, row.getString("tier")),
                row.getBoolean("critical_facility"), code(EscalationLevel.class, row.getString("level")),
                row.getString("owner"), row.getString("risk_deadline"), SqlTime.instant(row, "risk_at"), dueAt,
                now.isBefore(dueAt) ? BoardState.WARNING : BoardState.BREACHED);
    }

    /** A row of the inbox statements of {@link SlaSql}. */
    public static InboxItem inboxItem(Row row) {
        return new InboxItem(row.getLong("id"), row.getLong("ticket_id"), row.getString("number"),
                row.getString("subject"), row.getString("kind"), row.getString("deadline"),
                code(EscalationLevel.class, row.getString("level")), SqlTime.instant(row, "due_at"),
                row.getString("reason"), SqlTime.instant(row, "created_at"), SqlTime.instant(row, "acknowledged_at"),
                row.getString("acknowledged_by"));
    }

    /** The value of a stored code; a code the enum does not know is a broken row, not bad input. */
    public static <E extends Enum<E> & Code> E code(Class<E> type, String code) {
        return Code.parse(type, code).orElseThrow(() -> new IllegalStateException("stored "
                + type.getSimpleName() + " has an unknown code: " + code));
    }

    private static Set<String> names(Row row, String column) {
        String[] values = row.getArrayOfStrings(column);
        return values == null ? Set.of() : Set.copyOf(Arrays.asList(values));
    }
}
