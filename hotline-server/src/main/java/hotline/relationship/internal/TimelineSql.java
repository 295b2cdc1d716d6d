package hotline.relationship.internal;

/**
 * Every contact of one customer ($1) as rows of one shape, newest first: tickets, calls (with the tickets they
 * concerned and the caller's IVR survey answer), notices, return visits (made: when made, with the answer; still due:
 * when planned) and tier changes. Each source is read through its per-customer index, at most $2 rows (the page's
 * offset plus its size plus one), then $3 rows after $4 of the merge.
 */
public final class TimelineSql {

    private TimelineSql() {
    }

    public static final String CUSTOMER_EXISTS = "SELECT EXISTS (SELECT 1 FROM customers WHERE id = $1)";

    // A notice's state is its delivery per channel ("sms:sent email:failed"; null until the worker planned it).
    public static final String PAGE = """
            SELECT * FROM (
                (SELECT 'ticket' AS kind, t.created_at AS at, t.id AS ref, t.number AS title, t.type AS code,
                        t.status AS state, t.subject AS text, NULL::int AS score, NULL::int AS seconds
                 FROM ticket_facts t WHERE t.customer_id = $1 ORDER BY t.created_at DESC LIMIT $2)
                UNION ALL
                (SELECT 'call', k.started_at, k.id,
                        COALESCE((SELECT string_agg(t.number, ' ' ORDER BY t.number) FROM call_tickets ct
                                  JOIN ticket_facts t ON t.id = ct.ticket_id WHERE ct.call_id = k.id), ''),
                        k.disposition, NULL, COALESCE(k.ivr_path, ''), s.score, k.talk_seconds
                 FROM calls k LEFT JOIN call_satisfaction s ON s.uniqueid = k.uniqueid
                 WHERE k.customer_id = $1 ORDER BY k.started_at DESC LIMIT $2)
                UNION ALL
                (SELECT 'notice', n.created_at, n.id, COALESCE(t.number, ''), n.kind,
                        (SELECT string_agg(d.channel || ':' || d.status, ' ' ORDER BY d.channel)
                         FROM notice_deliveries d WHERE d.notice_id = n.id), '', NULL, NULL
                 FROM notices n LEFT JOIN ticket_facts t ON t.id = n.ticket_id
                 WHERE n.customer_id = $1 ORDER BY n.id DESC LIMIT $2)
                UNION ALL
                (SELECT 'followup', COALESCE(f.done_at, f.created_at), f.id, COALESCE(t.number, ''), f.kind,
                        CASE WHEN f.done_at IS NULL THEN 'due' ELSE 'done' END, COALESCE(f.comment, ''),
                        f.satisfaction, NULL
                 FROM followups f LEFT JOIN ticket_facts t ON t.id = f.ticket_id
                 WHERE f.customer_id = $1 ORDER BY COALESCE(f.done_at, f.created_at) DESC LIMIT $2)
                UNION ALL
                (SELECT 'tier', e.at, e.id, e.actor, COALESCE(e.changes -> 'tier' ->> 'to', ''), NULL,
                        COALESCE(e.reason, ''), NULL, NULL
                 FROM customer_events e WHERE e.customer_id = $1 AND e.action = 'tier_overridden'
                 ORDER BY e.id DESC LIMIT $2)
            ) contacts
            ORDER BY at DESC, kind, ref DESC
            LIMIT $3 OFFSET $4
            """;
}
