package hotline.relationship;

import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Test data written straight into the tables the relationship capability reads (customers, tickets, SLA levels,
 * calls, notices, return visits), at chosen times, so a test states a customer's history in a few lines.
 */
final class Contacts {

    private static final AtomicLong SEQUENCE = new AtomicLong(700_000);

    private final Pool pool;
    private final Instant now;

    Contacts(Pool pool, Instant now) {
        this.pool = pool;
        this.now = now;
    }

    /** A customer created {@code daysAgo} days before now, with one phone. */
    long customer(String name, String address, String district, String tier, String waterUse, String kind,
                  String critical, String phone, int daysAgo) {
        long n = SEQUENCE.incrementAndGet();
        long id = pool.preparedQuery("""
                        INSERT INTO customers (account_number, name, address, district, water_use, kind, tier,
                                               critical_facility, critical_reason, created_at, updated_at)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING id""")
                .execute(Tuple.from(new Object[]{"88" + n, name, address, district, waterUse, kind, tier,
                        critical != null, critical, at(daysAgo)}))
                .await().iterator().next().getLong(0);
        pool.preparedQuery("INSERT INTO customer_phones (customer_id, phone, position) VALUES ($1, $2, 0)")
                .execute(Tuple.of(id, phone)).await();
        return id;
    }

    long customer(String name, String district, String tier, int daysAgo) {
        return customer(name, district + "某路1号", district, tier, "residential", "individual", null,
                "139" + String.format("%08d", SEQUENCE.get() % 100_000_000), daysAgo);
    }

    /** A ticket opened {@code daysAgo} days ago; {@code open} leaves it unresolved. */
    long ticket(long customer, String type, String category, int daysAgo, boolean open) {
        long n = SEQUENCE.incrementAndGet();
        return pool.preparedQuery("""
                        INSERT INTO tickets (number, type, channel, status, priority, customer_id, subject, category,
                                             created_at, updated_at, closed_at)
                        VALUES ($1, $2, 'phone', $3, 'normal', $4, $5, $6, $7, $7, $8) RETURNING id""")
                .execute(Tuple.from(new Object[]{"T" + n, type, open ? "open" : "closed", customer, "工单" + n, category,
                        at(daysAgo), open ? null : at(daysAgo)}))
                .await().iterator().next().getLong(0);
    }

    /** The ticket's SLA escalated to {@code level}. */
    void escalated(long ticket, String level) {
        OffsetDateTime when = at(0);
        pool.preparedQuery("""
                        INSERT INTO ticket_sla (ticket_id, rule, tier, critical_facility, first_response_due, resolution_due,
                                                first_response_warn_at, resolution_warn_at, follow_up_delay_s,
                                                escalate_every_s, warning, level, updated_at, ticket_type, district)
                        VALUES ($1, 'test', 'ordinary', false, $2, $2, $2, $2, 0, 3600, 0.8, $3, $2, 'repair', '')""")
                .execute(Tuple.of(ticket, when, level)).await();
    }

    /** A return visit made {@code daysAgo} days ago with {@code satisfaction} (1-5). */
    long followUp(long customer, Long ticket, int satisfaction, int daysAgo, String comment) {
        return pool.preparedQuery("""
                        INSERT INTO followups (kind, ticket_id, customer_id, due_at, done_at, done_by, outcome,
                                               satisfaction, comment, created_at)
                        VALUES ('complaint', $1, $2, $3, $3, 'agent1', 'answered', $4, $5, $3) RETURNING id""")
                .execute(Tuple.of(ticket, customer, at(daysAgo), satisfaction, comment))
                .await().iterator().next().getLong(0);
    }

    long call(long customer, int daysAgo, int talkSeconds) {
        long n = SEQUENCE.incrementAndGet();
        return pool.preparedQuery("""
                        INSERT INTO calls (uniqueid, caller_number, started_at, answered_at, ended_at, talk_seconds,
                                           disposition, customer_id, created_at)
                        VALUES ($1, '13900000000', $2, $2, $2, $3, 'answered', $4, $2) RETURNING id""")
                .execute(Tuple.of("17000." + n, at(daysAgo), talkSeconds, customer))
                .await().iterator().next().getLong(0);
    }

    long notice(long customer, Long ticket, String kind, int daysAgo) {
        long n = SEQUENCE.incrementAndGet();
        return pool.preparedQuery("""
                        INSERT INTO notices (kind, customer_id, ticket_id, dedupe_key, created_at)
                        VALUES ($1, $2, $3, $4, $5) RETURNING id""")
                .execute(Tuple.of(kind, customer, ticket, "test:" + n, at(daysAgo)))
                .await().iterator().next().getLong(0);
    }

    /** The notice's delivery on {@code channel} (sms or email) ended as {@code status}. */
    void delivered(long notice, String channel, String status) {
        pool.preparedQuery("""
                        INSERT INTO notice_deliveries (notice_id, channel, address, language, status, attempts, updated_at)
                        VALUES ($1, $2, '13900000000', 'zh', $3, 1, $4)""")
                .execute(Tuple.of(notice, channel, status, at(0))).await();
    }

    /** A moment {@code daysAgo} days before now, and a few seconds more that differ from call to call (rows rarely tie). */
    OffsetDateTime at(int daysAgo) {
        return now.minus(Duration.ofDays(daysAgo)).minusSeconds(SEQUENCE.incrementAndGet() % 3600)
                .atOffset(ZoneOffset.UTC);
    }
}
