package hotline.sla.internal;

import hotline.common.Code;
import hotline.sla.DueTimes;
import hotline.sla.SlaState;
import hotline.store.SqlTime;
import hotline.ticket.workflow.EscalationLevel;
import io.vertx.sqlclient.Row;

import java.time.Duration;
import java.util.Arrays;
import java.util.Set;

/** Rows of {@code ticket_sla} as {@link SlaState}. */
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

    private static Set<String> names(Row row, String column) {
        String[] values = row.getArrayOfStrings(column);
        return values == null ? Set.of() : Set.copyOf(Arrays.asList(values));
    }
}
