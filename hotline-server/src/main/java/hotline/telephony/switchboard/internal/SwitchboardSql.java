package hotline.telephony.switchboard.internal;

/**
 * The SQL of the switchboard: call records and their wrap-up ({@code $n} parameters only). Tickets and users are read
 * through their services, not here; calls name tickets by id.
 */
final class SwitchboardSql {

    private SwitchboardSql() {
    }

    /** A call seen again (after a resync) keeps its first row; the customer link only names an existing customer. */
    static final String INSERT_CALL = """
            INSERT INTO calls (uniqueid, caller_number, called_number, started_at, answered_at, ended_at, ivr_path, queue,
                               wait_seconds, talk_seconds, hold_seconds, agent_interface, agent_user_id, disposition,
                               recording, customer_id, created_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15,
                    (SELECT id FROM customers WHERE id = $16), $17)
            ON CONFLICT (uniqueid) DO NOTHING""";

    /** Links the call with uniqueid {@code $1} to the ticket with id {@code $2}. */
    static final String LINK_TICKET = """
            INSERT INTO call_tickets (call_id, ticket_id)
            SELECT c.id, $2 FROM calls c WHERE c.uniqueid = $1
            ON CONFLICT DO NOTHING""";

    private static final String SELECT_CALLS = """
            SELECT c.uniqueid, c.caller_number, c.called_number, c.started_at, c.answered_at, c.ended_at, c.ivr_path,
                   c.queue, c.wait_seconds, c.talk_seconds, c.hold_seconds, c.agent_interface, c.disposition, c.recording, c.customer_id,
                   c.wrap_up_code, (SELECT s.score FROM call_satisfaction s WHERE s.uniqueid = c.uniqueid) AS satisfaction,
                   COALESCE((SELECT array_agg(ct.ticket_id) FROM call_tickets ct WHERE ct.call_id = c.id), '{}')
                       AS ticket_ids
            FROM calls c""";

    static final String CALLS_OF_CUSTOMER = SELECT_CALLS + " WHERE c.customer_id = $1 ORDER BY c.started_at DESC LIMIT $2";

    static final String CALLS_OF_TICKET = SELECT_CALLS
            + " WHERE c.id IN (SELECT call_id FROM call_tickets WHERE ticket_id = $1) ORDER BY c.started_at DESC LIMIT $2";

    static final String RECENT_CALLS = SELECT_CALLS + " ORDER BY c.started_at DESC LIMIT $1";

    /** Answered calls still without their wrap-up, for the supervisor's board. */
    static final String UNWRAPPED_CALLS = SELECT_CALLS
            + " WHERE c.disposition = 'answered' AND c.wrap_up_code IS NULL ORDER BY c.ended_at DESC LIMIT $1";

    static final String WRAP_UP = """
            UPDATE calls SET wrap_up_code = $2, wrap_up_note = $3, wrapped_up_at = $4, wrapped_up_by = $5
            WHERE uniqueid = $1 AND disposition = 'answered'
            RETURNING id""";

    /** The call an inquiry is opened from; null wrap-up left to fill. */
    static final String CALL_FOR_TICKET = """
            SELECT id, customer_id, caller_number, disposition FROM calls WHERE uniqueid = $1""";

    static final String RECORDING_OF_CALL = "SELECT recording FROM calls WHERE uniqueid = $1";

    static final String LINK_TICKET_ID = """
            INSERT INTO call_tickets (call_id, ticket_id) VALUES ($1, $2) ON CONFLICT DO NOTHING""";

    static final String WRAP_UP_IF_MISSING = """
            UPDATE calls SET wrap_up_code = $2, wrapped_up_at = $3, wrapped_up_by = $4
            WHERE id = $1 AND disposition = 'answered' AND wrap_up_code IS NULL""";

    /**
     * The day's queue figures ({@link QueueDay}) counted from the calls that started in [$1, $2), by the rules of
     * {@link DayRules#tally}: $3 service-level seconds, $4 short-abandon seconds, $5 now (an unsaved wrap-up lasts until
     * then), $6 the wrap-up cap in seconds. An index-only scan of calls_day_figures_idx.
     */
    static final String QUEUE_DAY = """
            WITH day AS (
                SELECT queue, disposition, wait_seconds AS wait,
                       COALESCE(disposition = 'abandoned' AND wait_seconds < $4, false) AS short,
                       COALESCE(talk_seconds, floor(extract(epoch FROM ended_at - answered_at))::int, 0) AS talk,
                       COALESCE(hold_seconds, 0) AS hold,
                       LEAST(GREATEST(floor(extract(epoch FROM COALESCE(wrapped_up_at, $5) - ended_at)), 0), $6)::bigint
                           AS wrap_up
                FROM calls
                WHERE started_at >= $1 AND started_at < $2 AND queue IS NOT NULL)
            SELECT queue,
                   count(*) FILTER (WHERE NOT short)::int AS offered,
                   count(*) FILTER (WHERE disposition = 'answered')::int AS answered,
                   count(*) FILTER (WHERE disposition = 'answered' AND wait <= $3)::int AS answered_in_threshold,
                   count(*) FILTER (WHERE disposition = 'abandoned' AND NOT short)::int AS abandoned,
                   count(*) FILTER (WHERE short)::int AS short_abandoned,
                   count(*) FILTER (WHERE disposition NOT IN ('answered', 'abandoned'))::int AS missed,
                   COALESCE(sum(wait) FILTER (WHERE disposition = 'answered'), 0)::bigint AS answered_wait,
                   COALESCE(sum(wait) FILTER (WHERE disposition IN ('answered', 'abandoned') AND NOT short), 0)::bigint
                       AS wait,
                   count(*) FILTER (WHERE disposition = 'answered')::int AS handled,
                   COALESCE(sum(talk) FILTER (WHERE disposition = 'answered'), 0)::bigint AS talk,
                   COALESCE(sum(hold) FILTER (WHERE disposition = 'answered'), 0)::bigint AS hold,
                   COALESCE(sum(wrap_up) FILTER (WHERE disposition = 'answered'), 0)::bigint AS wrap_up
            FROM day GROUP BY queue""";

    /** Calls (all, IVR included) that started in [$1, $2), per hour of the day in time zone $3. */
    static final String CALLS_PER_HOUR = """
            SELECT extract(hour FROM started_at AT TIME ZONE $3)::int AS hour, count(*)::int AS calls
            FROM calls WHERE started_at >= $1 AND started_at < $2
            GROUP BY 1""";

    /**
     * Calls per day ($1, $2: arrays of each day's start and end) and hour in time zone $3: the same weekday of past
     * weeks.
     */
    static final String CALLS_PER_DAY_AND_HOUR = """
            SELECT d.n AS day, extract(hour FROM c.started_at AT TIME ZONE $3)::int AS hour, count(*)::int AS calls
            FROM unnest($1::timestamptz[], $2::timestamptz[]) WITH ORDINALITY AS d(from_at, to_at, n)
            JOIN calls c ON c.started_at >= d.from_at AND c.started_at < d.to_at
            GROUP BY 1, 2""";

    /**
     * Each agent's answered calls that started in [$1, $2): how many ended, and their talk plus wrap-up ($3 now,
     * $4 the wrap-up cap in seconds), as {@link #QUEUE_DAY} counts them.
     */
    static final String AGENTS_DAY = """
            SELECT agent_user_id, count(*)::int AS handled,
                   sum(COALESCE(talk_seconds, floor(extract(epoch FROM ended_at - answered_at))::int, 0)
                       + LEAST(GREATEST(floor(extract(epoch FROM COALESCE(wrapped_up_at, $3) - ended_at)), 0), $4))::bigint
                       AS handle_seconds
            FROM calls
            WHERE started_at >= $1 AND started_at < $2 AND disposition = 'answered' AND queue IS NOT NULL
              AND agent_user_id IS NOT NULL
            GROUP BY agent_user_id""";

    /** Each agent's satisfaction scores recorded in [$1, $2) (the IVR survey after their calls). */
    static final String AGENTS_SATISFACTION = """
            SELECT c.agent_user_id, count(*)::int AS surveys, sum(s.score)::int AS score_sum
            FROM call_satisfaction s JOIN calls c ON c.uniqueid = s.uniqueid
            WHERE s.recorded_at >= $1 AND s.recorded_at < $2 AND c.agent_user_id IS NOT NULL
            GROUP BY c.agent_user_id""";

    /** Which of the uniqueids $1 are stored. */
    static final String STORED_OF = "SELECT uniqueid FROM calls WHERE uniqueid = ANY($1)";

    /** A supervisor's change of an agent's queue membership: $1 agent, $2 action, $3 reason, $4 by, $5 at. */
    static final String RECORD_INTERVENTION = """
            INSERT INTO agent_queue_interventions (agent_user_id, action, reason, by_user_id, at)
            VALUES ($1, $2, $3, $4, $5)""";

    /** Each agent's latest intervention since $1. */
    static final String LATEST_INTERVENTIONS = """
            SELECT DISTINCT ON (agent_user_id) agent_user_id, action, reason, by_user_id, at
            FROM agent_queue_interventions WHERE at >= $1
            ORDER BY agent_user_id, at DESC""";
}
