package hotline.testing.fuzz;

import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What is stored, as one comparable value: the row count and a hash of every row of the tables a request could
 * change. Log-in failures (kept on purpose for refused log-ins) and the SLA clock rows (moved by a timer) are left out;
 * of the outbox only the last id handed out counts, since the search heartbeat prunes applied rows whenever it runs
 * (a request may add outbox rows, never remove them).
 */
final class Fingerprint {

    static final List<String> TABLES = List.of("tickets", "ticket_events", "customers", "customer_phones",
            "customer_events", "users", "sessions", "crews", "incidents", "incident_reports", "followups", "alerts",
            "callbacks", "calls", "call_tickets", "call_satisfaction", "idempotency_keys");
    private static final String SQL = TABLES.stream()
            .map(table -> "SELECT '" + table + "' AS name, count(*) AS rows, md5(coalesce(string_agg(t::text, '|' "
                    + "ORDER BY t::text), '')) AS hash FROM " + table + " t")
            .collect(Collectors.joining(" UNION ALL "))
            + " UNION ALL SELECT 'outbox', coalesce(pg_sequence_last_value('outbox_id_seq'), 0), ''";

    private Fingerprint() {
    }

    static List<String> of(Pool pool) {
        List<String> tables = new ArrayList<>();
        for (Row row : pool.query(SQL).execute().await()) {
            tables.add(row.getString("name") + ":" + row.getLong("rows") + ":" + row.getString("hash"));
        }
        return tables;
    }
}
