package hotline.billing.internal;

/** Every SQL statement of the billing capability; {@code $n} parameters only. */
final class BillingSql {

    private BillingSql() {
    }

    /** One ledger import at a time: a second waits for the first to commit or roll back. */
    static final String IMPORT_LOCK = "SELECT pg_advisory_xact_lock(hashtext('hotline.billing.ledger'))";

    /** An account's rows go before its new ones are written ($1: the account numbers). */
    static final String DELETE_ACCOUNTS = "DELETE FROM billing_accounts WHERE account_number = ANY($1)";
    static final String DELETE_BILLS = "DELETE FROM billing_bills WHERE account_number = ANY($1)";
    static final String DELETE_PAYMENTS = "DELETE FROM billing_payments WHERE account_number = ANY($1)";
    static final String DELETE_READINGS = "DELETE FROM billing_readings WHERE account_number = ANY($1)";

    /** Many rows at once: one array per column, numbers as text (exact), $4 the import's time. */
    static final String INSERT_ACCOUNTS = """
            INSERT INTO billing_accounts (account_number, balance, next_reading_on, imported_at)
            SELECT a, b::numeric, n, $4 FROM unnest($1::text[], $2::text[], $3::date[]) AS r (a, b, n)""";
    static final String INSERT_BILLS = """
            INSERT INTO billing_bills (account_number, period, issued_on, due_on, consumption, amount)
            SELECT a, p, i, d, c::numeric, m::numeric
            FROM unnest($1::text[], $2::date[], $3::date[], $4::date[], $5::text[], $6::text[]) AS r (a, p, i, d, c, m)""";
    static final String INSERT_PAYMENTS = """
            INSERT INTO billing_payments (account_number, paid_on, amount, method)
            SELECT a, p, m::numeric, w FROM unnest($1::text[], $2::date[], $3::text[], $4::text[]) AS r (a, p, m, w)""";
    static final String INSERT_READINGS = """
            INSERT INTO billing_readings (account_number, read_on, value, estimated)
            SELECT a, d, v::numeric, e FROM unnest($1::text[], $2::date[], $3::text[], $4::boolean[]) AS r (a, d, v, e)""";

    /** One account's statement in one round trip: the account row with its latest twelve of each as JSON ($1). */
    static final String STATEMENT = """
            SELECT a.balance::text AS balance, a.next_reading_on, a.imported_at,
              (SELECT coalesce(json_agg(json_build_object('period', to_char(b.period, 'YYYY-MM'), 'issuedOn', b.issued_on,
                        'dueOn', b.due_on, 'consumption', b.consumption::text, 'amount', b.amount::text)), '[]')
                 FROM (SELECT * FROM billing_bills WHERE account_number = $1 ORDER BY period DESC LIMIT 12) b) AS bills,
              (SELECT coalesce(json_agg(json_build_object('paidOn', p.paid_on, 'amount', p.amount::text,
                        'method', p.method)), '[]')
                 FROM (SELECT * FROM billing_payments WHERE account_number = $1 ORDER BY paid_on DESC LIMIT 12) p) AS payments,
              (SELECT coalesce(json_agg(json_build_object('readOn', r.read_on, 'value', r.value::text,
                        'estimated', r.estimated)), '[]')
                 FROM (SELECT * FROM billing_readings WHERE account_number = $1 ORDER BY read_on DESC LIMIT 12) r) AS readings
            FROM billing_accounts a WHERE a.account_number = $1""";
}
