package hotline.telephony.switchboard.internal;

import hotline.common.Code;
import hotline.common.NotFoundException;
import hotline.telephony.switchboard.CallDisposition;
import hotline.telephony.switchboard.CallRecord;
import hotline.telephony.switchboard.WrapUpCode;
import hotline.ticket.Ticket;
import hotline.ticket.TicketService;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes finished calls with their ticket links in one transaction, and reads them back for a customer or a ticket.
 * Ticket numbers are resolved through the {@link TicketService}: a call links tickets by id.
 */
public final class CallRecordStore {

    private final Pool pool;
    private final Clock clock;
    private final TicketService tickets;

    public CallRecordStore(Pool pool, Clock clock, TicketService tickets) {
        this.pool = pool;
        this.clock = clock;
        this.tickets = tickets;
    }

    /** A finished call and the user id of the agent who answered it (null if none or unknown). */
    public record Finished(CallRecord record, Long agentUserId) {
    }

    /**
     * Stores the calls in one transaction, two batched statements; a call already stored (same uniqueid) is left as
     * it was, a ticket number no ticket has links nothing.
     */
    public Future<Void> saveAll(List<Finished> calls) {
        Set<String> numbers = new HashSet<>();
        calls.forEach(call -> numbers.addAll(call.record().ticketNumbers()));
        Future<Map<String, Long>> ticketIds = numbers.isEmpty() ? Future.succeededFuture(Map.of())
                : tickets.findByNumbers(numbers).map(found -> found.stream()
                .collect(Collectors.toMap(Ticket::number, Ticket::id)));
        return ticketIds.compose(idOf -> insert(calls, idOf));
    }

    private Future<Void> insert(List<Finished> calls, Map<String, Long> ticketIdOf) {
        Object created = time(clock.instant());
        List<Tuple> rows = new ArrayList<>();
        List<Tuple> links = new ArrayList<>();
        for (Finished call : calls) {
            CallRecord record = call.record();
            rows.add(Tuple.from(new Object[]{record.uniqueid(), record.callerNumber(), record.calledNumber(),
                    time(record.startedAt()), time(record.answeredAt()), time(record.endedAt()), record.ivrPath(),
                    record.queue(), record.waitSeconds(), record.talkSeconds(), record.holdSeconds(), record.agentInterface(),
                    call.agentUserId(),
                    record.disposition().code(), record.recording(), record.customerId(), created}));
            record.ticketNumbers().stream().filter(ticketIdOf::containsKey)
                    .forEach(number -> links.add(Tuple.of(record.uniqueid(), ticketIdOf.get(number))));
        }
        return pool.withTransaction(conn -> conn.preparedQuery(SwitchboardSql.INSERT_CALL).executeBatch(rows)
                .compose(done -> links.isEmpty() ? Future.succeededFuture()
                        : conn.preparedQuery(SwitchboardSql.LINK_TICKET).executeBatch(links).mapEmpty()));
    }

    public Future<List<CallRecord>> ofCustomer(long customerId, int limit) {
        return pool.preparedQuery(SwitchboardSql.CALLS_OF_CUSTOMER).execute(Tuple.of(customerId, limit))
                .compose(this::records);
    }

    public Future<List<CallRecord>> ofTicket(long ticketId, int limit) {
        return pool.preparedQuery(SwitchboardSql.CALLS_OF_TICKET).execute(Tuple.of(ticketId, limit))
                .compose(this::records);
    }

    /** Answered calls whose agent has not wrapped them up yet, newest first. */
    public Future<List<CallRecord>> unwrapped(int limit) {
        return pool.preparedQuery(SwitchboardSql.UNWRAPPED_CALLS).execute(Tuple.of(limit)).compose(this::records);
    }

    /** The recording's name of call {@code uniqueid} (empty if it has none); fails with 404 for an unknown call. */
    public Future<Optional<String>> recording(String uniqueid) {
        return pool.preparedQuery(SwitchboardSql.RECORDING_OF_CALL).execute(Tuple.of(uniqueid)).map(rows -> {
            if (rows.size() == 0) {
                throw new NotFoundException("no call " + uniqueid);
            }
            return Optional.ofNullable(rows.iterator().next().getString("recording"));
        });
    }

    public Future<List<CallRecord>> recent(int limit) {
        return pool.preparedQuery(SwitchboardSql.RECENT_CALLS).execute(Tuple.of(limit)).compose(this::records);
    }

    /** The calls of {@code rows}, each with the numbers of its tickets in order. */
    private Future<List<CallRecord>> records(RowSet<Row> rows) {
        Set<Long> ticketIds = new HashSet<>();
        rows.forEach(row -> ticketIds.addAll(Arrays.asList(row.getArrayOfLongs("ticket_ids"))));
        Future<Map<Long, String>> numbers = ticketIds.isEmpty() ? Future.succeededFuture(Map.of())
                : tickets.findByIds(ticketIds).map(found -> found.stream()
                .collect(Collectors.toMap(Ticket::id, Ticket::number)));
        return numbers.map(numberOf -> records(rows, numberOf));
    }

    private static List<CallRecord> records(RowSet<Row> rows, Map<Long, String> ticketNumberOf) {
        List<CallRecord> records = new ArrayList<>();
        for (Row row : rows) {
            records.add(new CallRecord(row.getString("uniqueid"), row.getString("caller_number"),
                    row.getString("called_number"), instant(row, "started_at"), instant(row, "answered_at"),
                    instant(row, "ended_at"), row.getString("ivr_path"), row.getString("queue"),
                    row.getInteger("wait_seconds"), row.getInteger("talk_seconds"), row.getInteger("hold_seconds"),
                    row.getString("agent_interface"),
                    Code.parse(CallDisposition.class, row.getString("disposition")).orElseThrow(),
                    row.getString("recording"), row.getLong("customer_id"),
                    Arrays.stream(row.getArrayOfLongs("ticket_ids")).map(ticketNumberOf::get).filter(Objects::nonNull)
                            .sorted().toList(),
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
