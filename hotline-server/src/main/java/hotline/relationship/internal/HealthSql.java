package hotline.relationship.internal;

/**
 * The SQL of relationship health; {@code $n} parameters only. {@link #FIGURES} reads the indicators of one customer
 * ($4) or, with $4 null, of every customer who has any (a customer without any scores at least the base and is never at
 * risk); $1 is now, $2 twelve months ago, $3 the start of the bad-return-visit window. The list adds the score in SQL,
 * the same arithmetic as {@code HealthScorer}: $5 base, $6 at-risk threshold, then weight and cap per indicator.
 */
public final class HealthSql {

    private HealthSql() {
    }

    public static final String CUSTOM_PLANS = ArchiveSql.CUSTOM_PLANS;

    /**
     * A repeat contact is a ticket opened within 7 days of the customer's previous ticket on the same issue (its
     * category, else its type); an escalation a ticket whose SLA level went past the agent.
     */
    private static final String FIGURES = """
            WITH recent AS (
                SELECT t.id, t.customer_id, t.type, t.created_at, t.closed_at, COALESCE(t.category, t.type) AS issue,
                       s.level
                FROM ticket_facts t LEFT JOIN ticket_sla s ON s.ticket_id = t.id
                WHERE t.customer_id IS NOT NULL AND ($4::bigint IS NULL OR t.customer_id = $4)
                  AND (t.created_at >= $2 OR t.closed_at IS NULL)
            ), by_ticket AS (
                SELECT customer_id,
                       count(*) FILTER (WHERE type = 'complaint' AND created_at >= $2) AS complaints,
                       count(*) FILTER (WHERE closed_at IS NULL) AS unresolved,
                       count(*) FILTER (WHERE type = 'complaint' AND closed_at IS NULL) AS open_complaints,
                       count(*) FILTER (WHERE created_at >= $2 AND gap <= interval '7 days') AS repeat_contacts,
                       count(*) FILTER (WHERE created_at >= $2 AND level <> 'agent') AS escalations
                FROM (SELECT r.*, r.created_at - lag(r.created_at)
                                  OVER (PARTITION BY r.customer_id, r.issue ORDER BY r.created_at, r.id) AS gap
                      FROM recent r) g
                GROUP BY customer_id
            ), by_answer AS (
                SELECT customer_id, count(*) AS answers, sum(satisfaction) AS score_sum,
                       count(*) FILTER (WHERE satisfaction <= 2 AND done_at >= $3) AS bad_follow_ups
                FROM followups
                WHERE customer_id IS NOT NULL AND satisfaction IS NOT NULL AND done_at >= $2
                  AND ($4::bigint IS NULL OR customer_id = $4)
                GROUP BY customer_id
            ), figures AS (
                SELECT c.id, c.account_number, c.name, c.district, c.tier, c.critical_reason, c.created_at,
                       COALESCE(b.complaints, 0) AS complaints, COALESCE(b.unresolved, 0) AS unresolved,
                       COALESCE(b.open_complaints, 0) AS open_complaints, COALESCE(a.answers, 0) AS answers,
                       COALESCE(a.score_sum, 0) AS score_sum, COALESCE(a.bad_follow_ups, 0) AS bad_follow_ups,
                       COALESCE(b.repeat_contacts, 0) AS repeat_contacts, COALESCE(b.escalations, 0) AS escalations,
                       GREATEST(0, floor(extract(epoch FROM ($1 - c.created_at)) / 86400))::bigint / 365 AS tenure_years
                FROM customers c
                LEFT JOIN by_ticket b ON b.customer_id = c.id
                LEFT JOIN by_answer a ON a.customer_id = c.id
                WHERE CASE WHEN $4::bigint IS NULL THEN b.customer_id IS NOT NULL OR a.customer_id IS NOT NULL
                           ELSE c.id = $4 END
            )
            """;

    /** One customer's figures ($4), for {@code HealthScorer}; $1..$3 as above. */
    public static final String CUSTOMER_FIGURES = FIGURES + "SELECT * FROM figures";

    /** Every scored customer with the reasons they are at risk (an empty array: not at risk). */
    private static final String AT_RISK = FIGURES + """
            , scored AS (
                SELECT f.*, GREATEST(0, LEAST(100, $5::bigint
                           - LEAST(f.complaints * $7::bigint, $8::bigint)
                           - LEAST(f.unresolved * $9::bigint, $10::bigint)
                           - CASE WHEN f.answers = 0 THEN 0 ELSE LEAST((2 * $11::bigint * (5 * f.answers - f.score_sum)
                                  + 4 * f.answers) / (8 * f.answers), $12::bigint) END
                           - LEAST(f.repeat_contacts * $13::bigint, $14::bigint)
                           - LEAST(f.escalations * $15::bigint, $16::bigint)
                           + LEAST(f.tenure_years * $17::bigint, $18::bigint))) AS score
                FROM figures f
            ), at_risk AS (
                SELECT s.*, array_remove(ARRAY[
                           CASE WHEN s.score < $6 THEN 'low_score' END,
                           CASE WHEN s.bad_follow_ups > 0 THEN 'bad_follow_up' END,
                           CASE WHEN s.tier = 'key' AND s.open_complaints > 0 THEN 'key_open_complaint' END], NULL) AS risks
                FROM scored s
                WHERE s.score < $6 OR s.bad_follow_ups > 0 OR (s.tier = 'key' AND s.open_complaints > 0)
            )
            """;

    /**
     * A page of the customers at risk ($19 district, $20 tier: null for all), by the tier rule (key customers first,
     * then ordinary, then small), the lowest score first within a tier: $21 rows after $22, with how many there are.
     * The capability reads them all at once ({@code RelationshipHealth}) and pages in memory.
     */
    public static final String AT_RISK_PAGE = AT_RISK + """
            SELECT r.*, count(*) OVER () AS total FROM at_risk r
            WHERE ($19::text IS NULL OR r.district = $19) AND ($20::text IS NULL OR r.tier = $20)
            ORDER BY CASE r.tier WHEN 'key' THEN 0 WHEN 'ordinary' THEN 1 ELSE 2 END, r.score, r.id
            LIMIT $21 OFFSET $22
            """;
}
