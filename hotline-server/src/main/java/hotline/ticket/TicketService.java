package hotline.ticket;

import hotline.auth.Principal;
import hotline.common.ConflictException;
import hotline.common.InvalidInputException;
import hotline.common.NotFoundException;
import hotline.store.GroupCommit;
import hotline.store.SqlTime;
import hotline.ticket.internal.NewTicket;
import hotline.ticket.internal.TicketDiff;
import hotline.ticket.internal.TicketListing;
import hotline.ticket.internal.TicketRows;
import hotline.ticket.internal.TicketSql;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * The only way a ticket comes into being or changes. Each write is ONE transaction holding the ticket row, its
 * event, its outbox row (topic {@value #OUTBOX_TOPIC}) and the work of every {@link TicketListener} (creates that
 * arrive together share one such transaction, see {@link GroupCommit}; each still gets its own answer); after the
 * commit a hint goes to the event-bus address {@value #BUS_ADDRESS}: {@code {"id", "number", "action", "status",
 * "type", "district"}}. Every method returns a Vert.x {@link Future} and never blocks; failures are
 * {@link InvalidInputException} (422), {@link NotFoundException} (404) or {@link ConflictException} (409).
 * Thread-safe; listeners are added by the composition root before the server takes traffic.
 */
public final class TicketService {

    public static final String BUS_ADDRESS = "hotline.tickets";
    public static final String OUTBOX_TOPIC = "ticket";
    /**
     * Counts created tickets by type and channel. Prometheus shows it as {@code hotline_tickets_total{type,channel}}:
     * its client strips the reserved suffix {@code _created} from a counter's name.
     */
    public static final String CREATED_COUNTER = "hotline.tickets.created";
    public static final String ACTION_CREATED = "created";
    public static final String ACTION_UPDATED = "updated";
    /**
     * Creates arriving together share a transaction ({@link GroupCommit}): at most this many tickets each, and at most
     * {@link #MAX_BATCHES_IN_FLIGHT} such transactions per event loop at a time. Measured in docs/benchmarks.md.
     */
    static final int MAX_BATCH = 32;
    static final int MAX_BATCHES_IN_FLIGHT = 1;
    /** The header an idempotency key comes in, named by its errors. */
    private static final String IDEMPOTENCY_FIELD = "Idempotency-Key";
    /** Longest accepted idempotency key, in characters. */
    public static final int MAX_KEY_LENGTH = 100;

    private static final String CUSTOMER_FOREIGN_KEY = "tickets_customer_id_fkey";

    private final Vertx vertx;
    private final Pool pool;
    private final Clock clock;
    private final ZoneId zone;
    private final MeterRegistry meters;
    private final List<TicketListener> listeners = new CopyOnWriteArrayList<>();
    private final GroupCommit<NewTicket, Optional<Ticket>> creates =
            new GroupCommit<>(this::insert, TicketService::rolledBack, MAX_BATCH, MAX_BATCHES_IN_FLIGHT);

    /** @param zone the utility's time zone ({@link hotline.config.UtilityZone}): the day of a ticket's number */
    public TicketService(Vertx vertx, Pool pool, Clock clock, ZoneId zone, MeterRegistry meters) {
        this.vertx = vertx;
        this.pool = pool;
        this.clock = clock;
        this.zone = zone;
        this.meters = meters;
    }

    public void addListener(TicketListener listener) {
        listeners.add(listener);
    }

    /**
     * Creates a ticket (see the class comment for what one transaction holds). With an idempotency key this actor already
     * used for the same request, answers the ticket created under it and writes nothing, also when two requests with
     * one key race; under a key used for a different request, fails with 422 on {@code Idempotency-Key}.
     * {@code draft.customerId()} must exist (else 422 on {@code customerId}); without it, a caller number whose
     * normalised form belongs to exactly one customer links that customer, several or none leave it unlinked.
     */
    public Future<Ticket> create(TicketDraft draft, Principal actor, Optional<String> idempotencyKey) {
        String key;
        try {
            key = idempotencyKey.map(TicketService::checkKey).orElse(null);
        } catch (InvalidInputException e) {
            return Future.failedFuture(e);
        }
        return creates.submit(new NewTicket(draft, actor, key))
                .recover(failure -> Future.failedFuture(translate(failure)))
                .compose(created -> {
                    if (created.isEmpty()) {
                        return byKey(actor, key, draft);
                    }
                    Ticket ticket = created.get();
                    Counter.builder(CREATED_COUNTER).description("Tickets created")
                            .tag("type", ticket.type().code()).tag("channel", ticket.channel().code())
                            .register(meters).increment();
                    announce(ticket, ACTION_CREATED);
                    return Future.succeededFuture(ticket);
                });
    }

    /**
     * Writes a batch of {@link #creates} in one transaction: one statement for the tickets, their events and outbox
     * rows, then every listener with the batch's tickets. Answers, per ticket, the ticket, or empty when its
     * idempotency key was already taken.
     */
    private Future<List<Optional<Ticket>>> insert(List<NewTicket> batch) {
        Tuple params = NewTicket.parameters(batch, clock.instant(), zone);
        Future<RowSet<Row>> inserted = listeners.isEmpty()
                // A single statement is its own transaction: one round trip instead of BEGIN, statement, COMMIT.
                ? pool.preparedQuery(TicketSql.CREATE).execute(params)
                : pool.withTransaction(tx -> tx.preparedQuery(TicketSql.CREATE).execute(params).compose(rows -> {
                    List<Ticket> tickets = new ArrayList<>(rows.size());
                    rows.forEach(row -> tickets.add(TicketRows.ticket(row)));
                    return tickets.isEmpty() ? Future.succeededFuture(rows)
                            : runListeners(listener -> listener.onCreated(tx, tickets)).map(rows);
                }));
        return inserted.map(rows -> {
            List<Optional<Ticket>> created = new ArrayList<>(Collections.nCopies(batch.size(), Optional.empty()));
            for (Row row : rows) {
                created.set(row.getInteger("position") - 1, Optional.of(TicketRows.ticket(row)));
            }
            return created;
        });
    }

    /** Whether a failed batch certainly rolled back (the database or a listener refused it), so may be retried. */
    private static boolean rolledBack(Throwable failure) {
        return failure instanceof PgException || failure instanceof InvalidInputException
                || failure instanceof ConflictException || failure instanceof NotFoundException;
    }

    /** The ticket and its events, oldest first; 404 when there is no such ticket. */
    public Future<TicketView> get(long id) {
        Future<Ticket> ticket = pool.preparedQuery(TicketSql.BY_ID).execute(Tuple.of(id))
                .map(rows -> single(rows, id));
        Future<List<TicketEvent>> events = pool.preparedQuery(TicketSql.EVENTS).execute(Tuple.of(id))
                .map(rows -> rows.stream().map(TicketRows::event).toList());
        return Future.all(ticket, events).map(both -> new TicketView(ticket.result(), events.result()));
    }

    /** The tickets with these ids, in no particular order; an id no ticket has is left out. */
    public Future<List<Ticket>> findByIds(Collection<Long> ids) {
        return pool.preparedQuery(TicketSql.BY_IDS)
                .execute(Tuple.tuple().addArrayOfLong(ids.toArray(Long[]::new)))
                .map(rows -> rows.stream().map(TicketRows::ticket).toList());
    }

    /** The tickets with these numbers, in no particular order; a number no ticket has is left out. */
    public Future<List<Ticket>> findByNumbers(Collection<String> numbers) {
        return pool.preparedQuery(TicketSql.BY_NUMBERS)
                .execute(Tuple.tuple().addArrayOfString(numbers.toArray(String[]::new)))
                .map(rows -> rows.stream().map(TicketRows::ticket).toList());
    }

    /** The ticket with this number, if there is one. */
    public Future<Optional<Ticket>> findByNumber(String number) {
        return findByNumbers(List.of(number)).map(found -> found.stream().findFirst());
    }

    /** A page of the tickets matching {@code filter}, newest first, with the number of all matches. */
    public Future<Page<Ticket>> list(TicketFilter filter) {
        TicketListing listing = TicketListing.of(filter);
        Future<List<Ticket>> items = pool.preparedQuery(listing.page()).execute(listing.pageParameters())
                .map(rows -> rows.stream().map(TicketRows::ticket).toList());
        Future<Long> total = pool.preparedQuery(listing.count()).execute(listing.countParameters())
                .map(rows -> rows.iterator().next().getLong(0));
        return Future.all(items, total)
                .map(both -> new Page<>(items.result(), total.result(), filter.page(), filter.size()));
    }

    /**
     * Applies a plain edit (event {@value #ACTION_UPDATED} with the changed fields only). A patch that changes
     * nothing writes nothing and answers the current ticket. {@code expectedVersion} null skips the version check.
     */
    public Future<Ticket> update(long id, TicketPatch patch, Principal actor, Channel channel,
                                 Integer expectedVersion) {
        return change(id, actor, channel, expectedVersion,
                current -> new TicketChange(ACTION_UPDATED, patch.applyTo(current), new JsonObject()));
    }

    /**
     * THE seam for workflows: locks the ticket row, checks {@code expectedVersion} (stale → 409 with the current
     * {@code version} in the error body; null skips the check), lets {@code mutation} decide from the current state,
     * then writes the row (version + 1, {@code updatedAt}; {@code closedAt} set when the status becomes final and
     * cleared when it leaves a final one), an event with the diff of the changed fields and the mutation's data,
     * an outbox row, and runs every listener's {@code onChanged} — all in one transaction. The mutation may change
     * any field but id, number, channel, version and the timestamps (those are ignored). A change whose fields and
     * data are both empty writes nothing and answers the current ticket.
     */
    public Future<Ticket> change(long id, Principal actor, Channel channel, Integer expectedVersion,
                                 TicketMutation mutation) {
        Instant now = clock.instant();
        return pool.withTransaction(tx -> tx.preparedQuery(TicketSql.LOCK).execute(Tuple.of(id))
                .compose(rows -> {
                    Ticket current = single(rows, id);
                    if (expectedVersion != null && expectedVersion != current.version()) {
                        throw new ConflictException("the ticket was changed by someone else (now version "
                                + current.version() + "); reload it and try again",
                                Map.of("version", current.version()));
                    }
                    TicketChange change = mutation.apply(current);
                    JsonObject changes = TicketDiff.between(current, change.updated());
                    if (changes.isEmpty() && change.eventData().isEmpty()) {
                        return Future.succeededFuture(new Written(current, null));
                    }
                    return write(tx, current, change, changes, actor, channel, now);
                }))
                .onSuccess(written -> {
                    if (written.event != null) {
                        announce(written.ticket, written.event.action());
                    }
                })
                .map(written -> written.ticket)
                .recover(failure -> Future.failedFuture(translate(failure)));
    }

    private Future<Written> write(SqlConnection tx, Ticket before, TicketChange change, JsonObject changes,
                                  Principal actor, Channel channel, Instant now) {
        Ticket wanted = change.updated();
        Instant closedAt = !wanted.status().isFinal() ? null : before.status().isFinal() ? before.closedAt() : now;
        Tuple params = Tuple.tuple()
                .addLong(before.id())
                .addString(wanted.type().code())
                .addString(wanted.status().code())
                .addString(wanted.priority().code())
                .addBoolean(wanted.urgent())
                .addLong(wanted.customerId())
                .addString(wanted.callerNumber())
                .addString(wanted.subject())
                .addString(wanted.description())
                .addString(wanted.location())
                .addString(wanted.district())
                .addString(wanted.category())
                .addValue(wanted.details())
                .addValue(SqlTime.param(now))
                .addValue(SqlTime.param(closedAt))
                .addString(actor.username())
                .addString(channel.code())
                .addString(change.action())
                .addValue(changes)
                .addValue(change.eventData())
                .addString(OUTBOX_TOPIC);
        return tx.preparedQuery(TicketSql.CHANGE).execute(params).compose(rows -> {
            Row row = rows.iterator().next();
            Ticket after = TicketRows.ticket(row);
            TicketEvent event = new TicketEvent(row.getLong("event_id"), after.id(), now, actor.username(), channel,
                    change.action(), changes, change.eventData());
            return runListeners(listener -> listener.onChanged(tx, before, after, event))
                    .map(new Written(after, event));
        });
    }

    /**
     * The ticket this actor created under {@code key}, when the request is the same as then; a different request under
     * a used key is refused (422), as payment APIs do, so a second report is never silently lost.
     */
    private Future<Ticket> byKey(Principal actor, String key, TicketDraft draft) {
        return pool.preparedQuery(TicketSql.BY_KEY).execute(Tuple.of(actor.username(), key)).compose(rows -> {
            if (rows.size() != 1) {
                // Only reachable if the key's ticket vanished between the two statements, which nothing does.
                return Future.failedFuture(new IllegalStateException("idempotency key held by no ticket"));
            }
            Row row = rows.iterator().next();
            String claimed = row.getString("request_hash");
            if (claimed != null && !claimed.equals(NewTicket.fingerprint(draft))) {
                return Future.failedFuture(new InvalidInputException(IDEMPOTENCY_FIELD,
                        "was already used for a different ticket request; use a new key for a new request"));
            }
            return Future.succeededFuture(TicketRows.ticket(row));
        });
    }

    private Future<Void> runListeners(Function<TicketListener, Future<Void>> call) {
        Future<Void> chain = Future.succeededFuture();
        for (TicketListener listener : listeners) {
            chain = chain.compose(done -> call.apply(listener));
        }
        return chain;
    }

    private void announce(Ticket ticket, String action) {
        vertx.eventBus().publish(BUS_ADDRESS, new JsonObject()
                .put("id", ticket.id())
                .put("number", ticket.number())
                .put("action", action)
                .put("status", ticket.status().code())
                .put("type", ticket.type().code())
                .put("district", ticket.district()));
    }

    private static Ticket single(RowSet<Row> rows, long id) {
        if (rows.size() == 0) {
            throw new NotFoundException("no ticket with id " + id);
        }
        return TicketRows.ticket(rows.iterator().next());
    }

    private static String checkKey(String key) {
        if (key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw new InvalidInputException(IDEMPOTENCY_FIELD,
                    "must be 1 to " + MAX_KEY_LENGTH + " printable ASCII characters without spaces");
        }
        return key;
    }

    private static Throwable translate(Throwable failure) {
        if (failure instanceof PgException e && "23503".equals(e.getSqlState())
                && CUSTOMER_FOREIGN_KEY.equals(e.getConstraint())) {
            return new InvalidInputException("customerId", "no customer has this id");
        }
        return failure;
    }

    private record Written(Ticket ticket, TicketEvent event) {
    }
}
