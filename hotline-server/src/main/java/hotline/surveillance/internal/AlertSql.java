package hotline.surveillance.internal;

/** Every SQL statement of water-quality surveillance ({@code $n} parameters only). */
public final class AlertSql {

    private AlertSql() {
    }

    /**
     * Water-quality reports of district $1 in the hour starting $2 ({@code week} 0) and in the same hour of each of
     * the $3 weeks before (rows {@code week} 1..$3).
     */
    public static final String HOURLY_COUNTS = """
            SELECT w AS week,
                   (SELECT count(*) FROM ticket_facts t
                    WHERE t.category = 'water_quality' AND t.district = $1
                      AND t.created_at >= $2::timestamptz - w * interval '7 days'
                      AND t.created_at < $2::timestamptz - w * interval '7 days' + interval '1 hour')::int AS reports
            FROM generate_series(0, $3::int) AS w
            ORDER BY w
            """;

    /** Raises the alert of district $1, hour $2 ($3 count, $4 baseline, $5 threshold, $6 now) once; its id, if new. */
    public static final String RAISE = """
            INSERT INTO alerts (kind, district, hour_start, count, baseline, threshold, created_at)
            VALUES ('water_quality', $1, $2, $3, $4, $5, $6)
            ON CONFLICT (kind, district, hour_start) DO NOTHING
            RETURNING id
            """;

    /** The alert event for readers of the outbox (topic {@code alert}): $1 alert id, $2 payload, $3 now. */
    public static final String OUTBOX = """
            INSERT INTO outbox (topic, aggregate_id, payload, created_at) VALUES ('alert', $1, $2, $3)
            """;

    /** Alerts raised since $1, newest first. */
    public static final String SINCE = """
            SELECT * FROM alerts WHERE created_at >= $1 ORDER BY created_at DESC, id DESC LIMIT 500
            """;
}
