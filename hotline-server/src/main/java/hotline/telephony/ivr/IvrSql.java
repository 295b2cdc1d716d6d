package hotline.telephony.ivr;

/** The SQL of the IVR's own table, the survey scores ({@code $n} parameters only). */
final class IvrSql {

    private IvrSql() {
    }

    static final String RECORD_SATISFACTION = """
            INSERT INTO call_satisfaction (uniqueid, score, recorded_at) VALUES ($1, $2, $3)
            ON CONFLICT (uniqueid) DO UPDATE SET score = EXCLUDED.score, recorded_at = EXCLUDED.recorded_at""";
}
