package hotline.telephony.switchboard.internal;

import hotline.common.Code;
import hotline.telephony.switchboard.CallDisposition;
import hotline.telephony.switchboard.CallRecord;
import hotline.telephony.switchboard.WrapUpCode;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Writes finished calls with their ticket links in one transaction, and reads them back for a customer or a ticket. */
public final class CallRecordStore {

    private final Pool pool;
    private final Clock clock;

    public CallRecordStore(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    /** A finished call and the user id of the agent who answered it (null if none or unknown). */
    public record Finished(CallRecord record, Long agentUserId) {
    }

    /**
     * Stores the calls in one transaction, two batched statements; a call already stored (same uniqueid) is left as
     * it was.
     */
    public Future<Void> saveAll(List<Finished> calls) {
        Object created = time(clock.instant());
        List<Tuple> rows = new ArrayList<>();
        List<Tuple> links = new ArrayList<>();
        for (Finished call : calls) {
            CallRecord record = call.record();
            rows.add(Tuple.from(new Object[]{record.uniqueid(), record.callerNumber(), record.calledNumber(),
                    time(record.startedAt()), time(record.answeredAt()), time(record.endedAt()), record.ivrPath(),
                    record.queue(), record.waitSeconds(), record.talkSeconds(), record.agentInterface(), call.agentUserId(),
                    record.disposition().code(), record.recording(), record.customerId(), created}));
            record.ticketNumbers().forEach(number -> links.add(Tuple.of(record.uniqueid(), number)));
        }
        return pool.withTransaction(conn -> conn.preparedQuery(SwitchboardSql.INSERT_CALL).executeBatch(rows)
                .compose(done -> links.isEmpty() ? Future.succeededFuture()
                        : conn.preparedQuery(SwitchboardSql.LINK_TICKET).executeBatch(links).mapEmpty()));
    }

    public Future<List<CallRecord>> ofCustomer(long customerId, int limit) {
        return pool.preparedQuery(SwitchboardSql.CALLS_OF_CUSTOMER).execute(Tuple.of(customerId, limit)).map(CallRecordStore::records);
    }

    public Future<List<CallRecord>> ofTicket(long ticketId, int limit) {
        return pool.preparedQuery(SwitchboardSql.CALLS_OF_TICKET).execute(Tuple.of(ticketId, limit)).map(CallRecordStore::records);
    }

    /** Answered calls whose agent has not wrapped them up yet, newest first. */
    public Future<List<CallRecord>> unwrapped(int limit) {
        return pool.preparedQuery(SwitchboardSql.UNWRAPPED_CALLS).execute(Tuple.of(limit)).map(CallRecordStore::records);
    }

    public Future<List<CallRecord>> recent(int limit) {
        return pool.preparedQuery(SwitchboardSql.RECENT_CALLS).execute(Tuple.of(limit)).map(CallRecordStore::records);
    }

    private static List<CallRecord> records(RowSet<Row> rows) {
        List<CallRecord> records = new ArrayList<>();
        for (Row row : rows) {
            records.add(new CallRecord(row.getString("uniqueid"), row.getString("caller_number"),
                    row.getString("called_number"), instant(row, "started_at"), instant(row, "answered_at"),
                    instant(row, "ended_at"), row.getString("ivr_path"), row.getString("queue"),
                    row.getInteger("wait_seconds"), row.getInteger("talk_seconds"), row.getString("agent_interface"),
                    Code.parse(CallDisposition.class, row.getString("disposition")).orElseThrow(),
                    row.getString("recording"), row.getLong("customer_id"),
                    Arrays.asList(row.getArrayOfStrings("ticket_numbers")),
                    Code.parse(WrapUpCode.class, row.getString("wrap_up_code")).orElse(null),
                    row.getInteger("satisfaction")));
        }
        return records;
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}
