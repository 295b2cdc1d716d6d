package hotline.reports.internal;

/**
 * Every SQL statement of the reports capability ({@code $n} parameters only): the catch-up job's recounts of whole
 * days into the roll-ups (V34), and the reports' reads of them. A recount deletes the local days [$1, $2] (dates) of a
 * roll-up, then counts the same days, given as instants [$1, $2) and the utility's zone $3, so a day is the
 * utility's calendar day.
 */
public final class ReportSql {

    private ReportSql() {
    }

    /** One catch-up at a time across every instance (a transaction-level advisory lock; false: another has it). */
    public static final String LOCK = "SELECT pg_try_advisory_xact_lock(hashtext('hotline.reports.rollup'))";

    /** The same lock, waiting for another instance's run to end (an explicit run must not be skipped). */
    public static final String WAIT_LOCK =
            "SELECT true FROM (SELECT pg_advisory_xact_lock(hashtext('hotline.reports.rollup'))) AS locked";

    public static final String STATE = "SELECT ran_at, older_until FROM report_rollup_state";

    /** Records run $1 and the older day $2 the next run re-counts back from. */
    public static final String SAVE_STATE = """
            INSERT INTO report_rollup_state (singleton, ran_at, older_until) VALUES (true, $1, $2)
            ON CONFLICT (singleton) DO UPDATE SET ran_at = EXCLUDED.ran_at, older_until = EXCLUDED.older_until
            """;

    /** The first instant anything reported on happened (null: nothing yet): where a first catch-up starts. */
    public static final String FIRST_INSTANT = """
            SELECT least((SELECT min(created_at) FROM ticket_facts), (SELECT min(started_at) FROM calls),
                         (SELECT min(resolution_due) FROM ticket_sla), (SELECT min(done_at) FROM followups WHERE satisfaction IS NOT NULL))
            """;

    /** The grouping ('' for the total) and its key of a GROUPING SETS row over {@code columns} (none of them null). */
    private static String dimKey(String... columns) {
        StringBuilder dim = new StringBuilder("CASE");
        for (String column : columns) {
            dim.append(" WHEN GROUPING(").append(column).append(") = 0 THEN '").append(column).append('\'');
        }
        return dim.append(" ELSE '' END AS dim, COALESCE(").append(String.join(", ", columns))
                .append(", '') AS key").toString();
    }

    public static final String DELETE_TICKET_DAYS = "DELETE FROM report_ticket_days WHERE day BETWEEN $1 AND $2";

    /**
     * Tickets created on days [$1, $2); $4 now. A contact is a ticket of a known customer; it is repeated when the
     * same customer opened another ticket of the same category (the type when it has none) after it — later, or in
     * the same instant with a higher id — and at most 7 days later; pending when not repeated and its 7 days reach
     * past now. The agent is the actor of the ticket's creating event.
     */
    public static final String COUNT_TICKET_DAYS = """
            WITH t AS (
                SELECT (f.created_at AT TIME ZONE $3::text)::date AS day, f.district, f.type, f.channel,
                       COALESCE(e.actor, '') AS agent, f.customer_id IS NOT NULL AS contact,
                       f.customer_id IS NOT NULL AND EXISTS (
                           SELECT 1 FROM ticket_facts r
                           WHERE r.customer_id = f.customer_id
                             AND COALESCE(r.category, r.type) = COALESCE(f.category, f.type)
                             AND (r.created_at, r.id) > (f.created_at, f.id)
                             AND r.created_at <= f.created_at + interval '7 days') AS repeated,
                       f.created_at + interval '7 days' > $4 AS window_open
                FROM ticket_facts f
                LEFT JOIN LATERAL (SELECT actor FROM ticket_event_facts e
                                   WHERE e.ticket_id = f.id AND e.action = 'created' ORDER BY e.id LIMIT 1) e ON true
                WHERE f.created_at >= $1 AND f.created_at < $2
            )
            INSERT INTO report_ticket_days (day, dim, key, created, complaints, contacts, repeated, pending)
            SELECT day, %s,
                   count(*), count(*) FILTER (WHERE type = 'complaint'), count(*) FILTER (WHERE contact),
                   count(*) FILTER (WHERE repeated), count(*) FILTER (WHERE contact AND NOT repeated AND window_open)
            FROM t
            GROUP BY GROUPING SETS ((day), (day, district), (day, type), (day, channel), (day, agent))
            """.formatted(dimKey("district", "type", "channel", "agent"));

    public static final String DELETE_CALL_DAYS = "DELETE FROM report_call_days WHERE day BETWEEN $1 AND $2";

    /**
     * Calls that reached the queue, started on days [$1, $2); $4 the service-level threshold and $5 the short-abandon
     * threshold in seconds. Handle time: talk plus wrap-up, the wrap-up being the time from hang-up to the recorded
     * disposition, at most 600 s (a disposition entered much later is paperwork, not handling; hold time is not in
     * the call records).
     */
    public static final String COUNT_CALL_DAYS = """
            WITH c AS (
                SELECT (c.started_at AT TIME ZONE $3::text)::date AS day, COALESCE(u.username, '') AS agent,
                       COALESCE(cu.district, '') AS district, c.disposition,
                       COALESCE(c.wait_seconds, 0) AS wait,
                       COALESCE(c.talk_seconds, 0) + COALESCE(least(greatest(
                           extract(epoch FROM c.wrapped_up_at - c.ended_at), 0), 600), 0)::int AS handle
                FROM calls c
                LEFT JOIN users u ON u.id = c.agent_user_id
                LEFT JOIN customers cu ON cu.id = c.customer_id
                WHERE c.started_at >= $1 AND c.started_at < $2 AND c.queue IS NOT NULL
                  AND c.disposition IN ('answered', 'abandoned', 'missed')
            )
            INSERT INTO report_call_days (day, dim, key, offered, answered, abandoned, short_abandoned,
                                          answered_within, wait_seconds, handle_seconds)
            SELECT day, %s,
                   count(*), count(*) FILTER (WHERE disposition = 'answered'),
                   count(*) FILTER (WHERE disposition IN ('abandoned', 'missed')),
                   count(*) FILTER (WHERE disposition = 'abandoned' AND wait < $5),
                   count(*) FILTER (WHERE disposition = 'answered' AND wait <= $4),
                   COALESCE(sum(wait) FILTER (WHERE disposition = 'answered'), 0),
                   COALESCE(sum(handle) FILTER (WHERE disposition = 'answered'), 0)
            FROM c
            GROUP BY GROUPING SETS ((day), (day, agent), (day, district))
            """.formatted(dimKey("agent", "district"));

    public static final String DELETE_SLA_DAYS = "DELETE FROM report_sla_days WHERE day BETWEEN $1 AND $2";

    /**
     * Resolution targets due on days [$1, $2), $4 now; tickets an incident carries (suspended) and cancelled ones
     * are left out. Breached: the SLA recorded the breach, or the ticket is still unresolved past its due time.
     */
    public static final String COUNT_SLA_DAYS = """
            WITH s AS (
                SELECT (s.resolution_due AT TIME ZONE $3::text)::date AS day, s.tier, f.type,
                       'resolution' = ANY (s.breached) OR (NOT s.resolved AND s.resolution_due <= $4) AS breached,
                       NOT s.resolved AND s.resolution_due > $4 AND NOT ('resolution' = ANY (s.breached)) AS pending,
                       'first_response' = ANY (s.breached) AS first_late
                FROM ticket_sla s JOIN ticket_facts f ON f.id = s.ticket_id
                WHERE s.resolution_due >= $1 AND s.resolution_due < $2 AND NOT s.suspended AND f.status <> 'cancelled'
            )
            INSERT INTO report_sla_days (day, dim, key, due, met, breached, pending, first_response_breached)
            SELECT day, %s,
                   count(*), count(*) FILTER (WHERE NOT breached AND NOT pending), count(*) FILTER (WHERE breached),
                   count(*) FILTER (WHERE pending), count(*) FILTER (WHERE first_late)
            FROM s
            GROUP BY GROUPING SETS ((day), (day, tier), (day, type))
            """.formatted(dimKey("tier", "type"));

    public static final String DELETE_SATISFACTION_DAYS =
            "DELETE FROM report_satisfaction_days WHERE day BETWEEN $1 AND $2";

    /**
     * Satisfaction answers given on days [$1, $2): return calls (by the day of the answer, credited to the agent who
     * resolved the ticket; type: the ticket's, or proactive) and the IVR survey after a call (by the call's day,
     * credited to the agent who answered; type: call).
     */
    public static final String COUNT_SATISFACTION_DAYS = """
            WITH a AS (
                SELECT (done_at AT TIME ZONE $3::text)::date AS day, district, agent,
                       COALESCE(ticket_type, kind) AS type, satisfaction AS score
                FROM followups
                WHERE satisfaction IS NOT NULL AND done_at >= $1 AND done_at < $2
                UNION ALL
                SELECT (c.started_at AT TIME ZONE $3::text)::date, COALESCE(cu.district, ''),
                       COALESCE(u.username, ''), 'call', s.score
                FROM calls c JOIN call_satisfaction s ON s.uniqueid = c.uniqueid
                LEFT JOIN users u ON u.id = c.agent_user_id
                LEFT JOIN customers cu ON cu.id = c.customer_id
                WHERE c.started_at >= $1 AND c.started_at < $2
            )
            INSERT INTO report_satisfaction_days (day, dim, key, answers, score_sum, satisfied)
            SELECT day, %s, count(*), sum(score), count(*) FILTER (WHERE score >= 4)
            FROM a
            GROUP BY GROUPING SETS ((day), (day, district), (day, agent), (day, type))
            """.formatted(dimKey("district", "agent", "type"));

    /** Customers per district, counted afresh. */
    public static final String COUNT_CUSTOMERS = """
            WITH counted AS (SELECT district, count(*) AS customers FROM customers GROUP BY district),
                 gone AS (DELETE FROM report_customer_districts
                          WHERE district NOT IN (SELECT district FROM counted))
            INSERT INTO report_customer_districts (district, customers) SELECT district, customers FROM counted
            ON CONFLICT (district) DO UPDATE SET customers = EXCLUDED.customers
            """;

    /**
     * The read of a roll-up: rows of grouping $3 on days [$1, $2], summed per period ($4: day, week or month) and
     * key, with the agent's display name when the grouping is agent. %1$s: the table; %2$s: the summed columns.
     */
    private static final String READ = """
            SELECT date_trunc($4::text, r.day::timestamp)::date AS period, r.key,
                   CASE WHEN $3 = 'agent' THEN min(u.display_name) END AS label, %2$s
            FROM %1$s r LEFT JOIN users u ON $3 = 'agent' AND u.username = r.key
            WHERE r.dim = $3 AND r.day BETWEEN $1 AND $2
            GROUP BY 1, 2
            ORDER BY 1, 2
            """;

    public static final String READ_TICKETS = READ.formatted("report_ticket_days",
            "sum(created) AS tickets, sum(complaints) AS complaints, sum(contacts) AS contacts, "
                    + "sum(repeated) AS repeated, sum(pending) AS pending");

    public static final String READ_CALLS = READ.formatted("report_call_days",
            "sum(offered) AS offered, sum(answered) AS answered, sum(abandoned) AS abandoned, "
                    + "sum(short_abandoned) AS short_abandoned, sum(answered_within) AS answered_within, "
                    + "sum(wait_seconds) AS wait_seconds, sum(handle_seconds) AS handle_seconds");

    public static final String READ_SLA = READ.formatted("report_sla_days",
            "sum(due) AS due, sum(met) AS met, sum(breached) AS breached, sum(pending) AS pending, "
                    + "sum(first_response_breached) AS first_response_breached");

    public static final String READ_SATISFACTION = READ.formatted("report_satisfaction_days",
            "sum(answers) AS answers, sum(score_sum) AS score_sum, sum(satisfied) AS satisfied");

    /** Complaints per district and period ($1..$4 as in the other reads, $3 = 'district'), with its customers now. */
    public static final String READ_COMPLAINTS = """
            SELECT date_trunc($4::text, r.day::timestamp)::date AS period, r.key, NULL AS label,
                   sum(r.complaints) AS complaints, COALESCE(min(c.customers), 0) AS customers
            FROM report_ticket_days r LEFT JOIN report_customer_districts c ON c.district = r.key
            WHERE r.dim = $3 AND r.day BETWEEN $1 AND $2
            GROUP BY 1, 2
            ORDER BY 1, 2
            """;

    /**
     * The return calls done in [$1, $2) (instants), with their period ($4: day, week or month, of the local day in
     * zone $5) and the key of grouping $3. Read straight from the follow-ups, not from a roll-up: there is one per
     * complaint and serious repair, so a year is tens of thousands of rows (index followups_done_at_idx), and the
     * figures are never behind.
     */
    private static final String VISITS_DONE = """
            SELECT date_trunc($4::text, (f.done_at AT TIME ZONE $5::text)::date::timestamp)::date AS period,
                   CASE $3::text WHEN 'district' THEN f.district WHEN 'type' THEN COALESCE(f.ticket_type, f.kind)
                                 WHEN 'agent' THEN f.agent ELSE '' END AS key,
                   f.outcome, f.satisfaction, f.score_speed, f.score_attitude, f.score_result, f.reasons
            FROM followups f
            WHERE f.done_at >= $1 AND f.done_at < $2 AND f.outcome <> 'cancelled'
            """;

    /**
     * Return calls per period and key ($1..$5 as in {@link #VISITS_DONE}): done, answered, unreachable, satisfied
     * (overall at least $6), dissatisfied (at most $7), and the sum and count of each indicator given.
     */
    public static final String READ_VISITS = """
            WITH v AS (%s)
            SELECT v.period, v.key, CASE WHEN $3 = 'agent' THEN min(u.display_name) END AS label,
                   count(*) AS done, count(*) FILTER (WHERE v.outcome = 'answered') AS answered,
                   count(*) FILTER (WHERE v.outcome = 'unreachable') AS unreachable,
                   count(*) FILTER (WHERE v.satisfaction >= $6) AS satisfied,
                   count(*) FILTER (WHERE v.satisfaction <= $7) AS dissatisfied,
                   count(v.satisfaction) AS answers, COALESCE(sum(v.satisfaction), 0) AS overall_sum,
                   COALESCE(sum(v.score_speed), 0) AS speed_sum, count(v.score_speed) AS speed_answers,
                   COALESCE(sum(v.score_attitude), 0) AS attitude_sum, count(v.score_attitude) AS attitude_answers,
                   COALESCE(sum(v.score_result), 0) AS result_sum, count(v.score_result) AS result_answers
            FROM v LEFT JOIN users u ON $3 = 'agent' AND u.username = v.key
            GROUP BY 1, 2
            ORDER BY 1, 2
            """.formatted(VISITS_DONE);

    /** How many dissatisfied customers (overall at most $6) gave each reason, per period and key ($1..$5 as above). */
    public static final String READ_VISIT_REASONS = """
            WITH v AS (%s)
            SELECT v.period, v.key, reason, count(*) AS visits
            FROM v CROSS JOIN LATERAL unnest(v.reasons) AS reason
            WHERE v.satisfaction <= $6
            GROUP BY 1, 2, 3
            """.formatted(VISITS_DONE);
}
