package hotline.telephony.ami;

/** The SQL of the AMI link's lease ({@code $n} parameters only). */
final class AmiSql {

    private AmiSql() {
    }

    /**
     * Takes the session-level advisory lock on one Asterisk ({@code $1} = {@code host:port}) if it is free; true when
     * this session now holds it. Session-level: it lasts until the session ends, whatever transactions do.
     */
    static final String TRY_AMI_LOCK = "SELECT pg_try_advisory_lock(hashtext('hotline-ami:' || $1)::bigint) AS held";

    /** Proves the session holding an AMI lock still answers. */
    static final String PING = "SELECT 1";
}
