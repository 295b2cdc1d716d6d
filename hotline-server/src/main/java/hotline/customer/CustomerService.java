package hotline.customer;

import hotline.auth.Principal;
import hotline.auth.Role;
import hotline.common.ConflictException;
import hotline.common.InvalidInputException;
import hotline.common.NotFoundException;
import hotline.customer.internal.CustomerCsv;
import hotline.customer.internal.CustomerRows;
import hotline.customer.internal.CustomerSql;
import hotline.store.SqlTime;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Reader;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one way customers are read and changed. Every change writes the row, its phones, a {@link CustomerEvent} and an
 * outbox row (topic {@value #OUTBOX_TOPIC}) in one transaction. All methods are non-blocking and may be called from
 * any thread; results complete on a Vert.x context.
 *
 * <p>Other capabilities use {@link #findByPhone} for caller ID (the number is normalised with {@link PhoneNumbers};
 * several customers may share a number, so a list comes back) and {@link #findByAccount}.
 */
public final class CustomerService {

    private static final Logger log = LoggerFactory.getLogger(CustomerService.class);
    /** Every change of a customer writes, with its event, an outbox row of this topic (the customer's id). */
    public static final String OUTBOX_TOPIC = "customer";
    /** How many events {@link #events} returns at most. */
    public static final int RECENT_EVENTS = 50;
    public static final int DEFAULT_PAGE_SIZE = 20;
    public static final int MAX_PAGE_SIZE = 100;

    private final Vertx vertx;
    private final Pool pool;
    private final TierRules tierRules;
    private final Clock clock;
    private final List<CustomerListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    public CustomerService(Vertx vertx, Pool pool, TierRules tierRules, Clock clock) {
        this.vertx = vertx;
        this.pool = pool;
        this.tierRules = tierRules;
        this.clock = clock;
    }

    /**
     * Creates a customer; without a tier the {@link TierRules} decide it. An explicit tier is a manual override only
     * a supervisor or admin may make (422 on {@code tier} otherwise). A taken account number is a 409.
     */
    public Future<Customer> create(CustomerDraft draft, Principal actor) {
        if (draft.tier() != null && !actor.role().includes(Role.SUPERVISOR)) {
            return Future.failedFuture(new InvalidInputException("tier",
                    "only a supervisor or admin may set a tier by hand; leave it out to apply the tier rules"));
        }
        CustomerDraft ruled = draft.withRuleTier(tierRules);
        Instant now = clock.instant();
        return pool.withTransaction(conn -> conn.preparedQuery(CustomerSql.INSERT).execute(CustomerRows.insert(ruled, now))
                        .compose(rows -> {
                            long id = rows.iterator().next().getLong("id");
                            return replacePhones(conn, List.of(id), List.of(ruled.phones()))
                                    .compose(done -> appendEvents(conn, now, actor, List.of(id), "created",
                                            List.of(ruled.fields()), ruled.tierReason()))
                                    .compose(done -> load(conn, CustomerSql.SELECT_BY_ID, id));
                        }))
                .recover(CustomerService::duplicateAccount);
    }

    public Future<Customer> get(long id) {
        return load(pool, CustomerSql.SELECT_BY_ID, id);
    }

    /** The customers of {@code ids} in one round trip, in id order; unknown ids are left out. */
    public Future<List<Customer>> findByIds(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Future.succeededFuture(List.of());
        }
        return pool.preparedQuery(CustomerSql.SELECT_BY_IDS).execute(Tuple.of(ids.toArray(Long[]::new)))
                .map(rows -> map(rows, CustomerRows::customer));
    }

    /** The latest {@link #RECENT_EVENTS} events of a customer, newest first. */
    public Future<List<CustomerEvent>> events(long customerId) {
        return pool.preparedQuery(CustomerSql.SELECT_EVENTS).execute(Tuple.of(customerId, RECENT_EVENTS))
                .map(rows -> map(rows, CustomerRows::event));
    }

    /**
     * Applies a patch read at {@code patch.version()}: 404 for an unknown id, 409 when someone changed the customer
     * since. A patch that changes nothing changes nothing (no event, same version).
     */
    public Future<Customer> patch(long id, CustomerPatch patch, Principal actor) {
        return change(id, patch.version(), actor, "updated", null, current -> patch.applyTo(current, tierRules, clock.instant()));
    }

    /** A supervisor's manual tier with its reason; from now on the rules leave this customer's tier alone. */
    public Future<Customer> overrideTier(long id, Tier tier, String reason, Principal actor) {
        if (!actor.role().includes(Role.SUPERVISOR)) {
            return Future.failedFuture(new InvalidInputException("tier", "only a supervisor or admin may set a tier"));
        }
        if (reason == null || reason.isBlank()) {
            return Future.failedFuture(new InvalidInputException("reason", "is required"));
        }
        return change(id, null, actor, "tier_overridden", reason,
                current -> current.withTier(tier, reason, clock.instant()));
    }

    /**
     * Hands a manual tier back to the {@link TierRules} (event {@code tier_cleared} with the reason): the customer gets
     * the rules' tier now and after every later change. A tier the rules gave already stays as it is (no event).
     */
    public Future<Customer> clearTierOverride(long id, String reason, Principal actor) {
        if (!actor.role().includes(Role.SUPERVISOR)) {
            return Future.failedFuture(new InvalidInputException("tier", "only a supervisor or admin may set a tier"));
        }
        if (reason == null || reason.isBlank()) {
            return Future.failedFuture(new InvalidInputException("reason", "is required"));
        }
        return change(id, null, actor, "tier_cleared", reason, current -> current.tierReason() == null ? current
                : current.withTier(tierRules.tierFor(current.waterUse(), current.kind(), current.monthlyConsumption()),
                null, clock.instant()));
    }

    /**
     * The customers whose tier was set by hand, the latest first, each with who set it and when (from its history);
     * {@code tier} null for every tier, {@code page} from 1, {@code size} 1 to {@link #MAX_PAGE_SIZE}.
     */
    public Future<TierOverrides> tierOverrides(Tier tier, int page, int size) {
        if (page < 1 || size < 1 || size > MAX_PAGE_SIZE) {
            return Future.failedFuture(new InvalidInputException(page < 1 ? "page" : "size", "out of range"));
        }
        String code = tier == null ? null : tier.code();
        Future<List<TierOverride>> items = pool.preparedQuery(CustomerSql.TIER_OVERRIDES)
                .execute(Tuple.of(code, size, (long) (page - 1) * size))
                .map(rows -> map(rows, CustomerRows::tierOverride));
        Future<Long> total = pool.preparedQuery(CustomerSql.COUNT_TIER_OVERRIDES).execute(Tuple.of(code))
                .map(rows -> rows.iterator().next().getLong(0));
        return Future.all(items, total).map(both -> new TierOverrides(items.result(), total.result()));
    }

    private Future<Customer> change(long id, Integer readVersion, Principal actor, String action, String reason,
                                    Function<Customer, Customer> edit) {
        return pool.withTransaction(conn -> load(conn, CustomerSql.SELECT_BY_ID_FOR_UPDATE, id).compose(current -> {
            if (readVersion != null && readVersion != current.version()) {
                return Future.failedFuture(new ConflictException("the customer was changed by someone else; reload it",
                        Map.of("field", "version", "currentVersion", current.version())));
            }
            Customer after = edit.apply(current);
            JsonObject changes = current.changesTo(after);
            if (changes.isEmpty()) {
                return Future.succeededFuture(current);
            }
            Future<?> phones = changes.containsKey("phones")
                    ? replacePhones(conn, List.of(id), List.of(after.phones())) : Future.succeededFuture();
            return conn.preparedQuery(CustomerSql.UPDATE).execute(CustomerRows.update(after, current.version()))
                    .compose(updated -> phones)
                    .compose(done -> appendEvents(conn, after.updatedAt(), actor, List.of(id), action, List.of(changes), reason))
                    .compose(done -> load(conn, CustomerSql.SELECT_BY_ID, id))
                    .compose(stored -> tell(conn, current, stored).map(stored));
        }));
    }

    /** Adds a listener told of each change (not of imports) inside its transaction. */
    public void addListener(CustomerListener listener) {
        listeners.add(listener);
    }

    private Future<Void> tell(SqlConnection conn, Customer before, Customer after) {
        Future<Void> chain = Future.succeededFuture();
        for (CustomerListener listener : listeners) {
            chain = chain.compose(done -> listener.onChanged(conn, before, after));
        }
        return chain;
    }

    /** Customers with the number {@code raw} after normalisation; empty when it is no telephone number. */
    public Future<List<Customer>> findByPhone(String raw) {
        Optional<String> phone = PhoneNumbers.normalise(raw);
        if (phone.isEmpty()) {
            return Future.succeededFuture(List.of());
        }
        return pool.preparedQuery(CustomerSql.SELECT_BY_PHONE).execute(Tuple.of(phone.get()))
                .map(rows -> map(rows, CustomerRows::customer));
    }

    public Future<Optional<Customer>> findByAccount(String accountNumber) {
        return pool.preparedQuery(CustomerSql.SELECT_BY_ACCOUNT).execute(Tuple.of(accountNumber))
                .map(rows -> map(rows, CustomerRows::customer).stream().findFirst());
    }

    /**
     * Customers whose name or address contains {@code q} or whose account number starts with it (case-insensitive),
     * ordered by name;
     * {@code page} counts from 1, {@code size} is 1 to {@link #MAX_PAGE_SIZE}.
     */
    public Future<List<Customer>> search(String q, int page, int size) {
        if (page < 1 || size < 1 || size > MAX_PAGE_SIZE) {
            return Future.failedFuture(new InvalidInputException(page < 1 ? "page" : "size", "out of range"));
        }
        String literal = q.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return pool.preparedQuery(CustomerSql.SEARCH)
                .execute(Tuple.of("%" + literal + "%", literal + "%", size, (page - 1) * size))
                .map(rows -> map(rows, CustomerRows::customer));
    }

    /**
     * Imports a CSV file (docs/customers-import.md) as upserts keyed by account number, in one transaction with
     * batched statements. In {@link ImportMode#ALL} a file with any bad row imports nothing. The text is read and
     * parsed on a worker thread as it arrives (a blocking reader, such as an upload's body, is fine).
     */
    public Future<ImportReport> importCsv(Reader csv, ImportMode mode, Principal actor) {
        if (!actor.role().includes(Role.SUPERVISOR)) {
            return Future.failedFuture(new InvalidInputException("body", "only a supervisor or admin may import"));
        }
        return vertx.executeBlocking(() -> CustomerCsv.parse(csv), false).compose(parsed -> {
            if (parsed.good().isEmpty() || mode == ImportMode.ALL && parsed.errorCount() > 0) {
                return Future.succeededFuture(new ImportReport(mode, parsed.rows(), 0, 0, parsed.errors(),
                        parsed.errorCount()));
            }
            long started = System.nanoTime();
            return upsert(parsed.good(), actor).map(created -> {
                int total = parsed.good().size();
                log.info("Imported {} customers ({} new) for {} in {} ms", total, created, actor.username(),
                        (System.nanoTime() - started) / 1_000_000);
                return new ImportReport(mode, parsed.rows(), created, total - created, parsed.errors(),
                        parsed.errorCount());
            });
        });
    }

    /** The number of customers created (the others were updated). */
    private Future<Integer> upsert(List<CustomerCsv.Row> rows, Principal actor) {
        Instant now = clock.instant();
        // In account order, so concurrent imports lock the rows they share in the same order (no deadlock).
        List<CustomerDraft> drafts = rows.stream().map(row -> row.draft().withRuleTier(tierRules))
                .sorted(Comparator.comparing(CustomerDraft::accountNumber)).toList();
        return pool.withTransaction(conn -> conn.preparedQuery(CustomerSql.UPSERT_MANY)
                .execute(CustomerRows.upsertMany(drafts, now)).compose(result -> {
                    Map<String, Long> idsByAccount = new HashMap<>();
                    int created = 0;
                    for (Row row : result) {
                        idsByAccount.put(row.getString("account_number"), row.getLong("id"));
                        created += row.getBoolean("created") ? 1 : 0;
                    }
                    List<Long> ids = drafts.stream().map(draft -> idsByAccount.get(draft.accountNumber())).toList();
                    int createdCount = created;
                    return replacePhones(conn, ids, drafts.stream().map(CustomerDraft::phones).toList())
                            .compose(done -> appendEvents(conn, now, actor, ids, "imported",
                                    drafts.stream().map(CustomerDraft::fields).toList(), null))
                            .map(done -> createdCount);
                })).recover(CustomerService::duplicateAccount);
    }

    private static Future<Void> replacePhones(SqlConnection conn, List<Long> ids, List<List<String>> phones) {
        List<Long> owners = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            List<String> own = phones.get(i);
            for (int position = 0; position < own.size(); position++) {
                owners.add(ids.get(i));
                numbers.add(own.get(position));
                positions.add(position);
            }
        }
        return conn.preparedQuery(CustomerSql.DELETE_PHONES).execute(Tuple.of(ids.toArray(Long[]::new)))
                .compose(deleted -> conn.preparedQuery(CustomerSql.INSERT_PHONES).execute(Tuple.of(
                        owners.toArray(Long[]::new), numbers.toArray(String[]::new), positions.toArray(Integer[]::new))))
                .mapEmpty();
    }

    private static Future<Void> appendEvents(SqlConnection conn, Instant at, Principal actor, List<Long> ids,
                                             String action, List<JsonObject> changes, String reason) {
        String[] actions = new String[ids.size()];
        String[] reasons = new String[ids.size()];
        Arrays.fill(actions, action);
        Arrays.fill(reasons, reason);
        return conn.preparedQuery(CustomerSql.INSERT_EVENTS).execute(Tuple.of(ids.toArray(Long[]::new),
                        SqlTime.param(at), actor.username(), actions,
                        changes.stream().map(JsonObject::encode).toArray(String[]::new), reasons))
                .mapEmpty();
    }

    private static Future<Customer> load(SqlClient client, String sql, long id) {
        return client.preparedQuery(sql).execute(Tuple.of(id)).compose(rows -> rows.size() == 0
                ? Future.failedFuture(new NotFoundException("no customer " + id))
                : Future.succeededFuture(CustomerRows.customer(rows.iterator().next())));
    }

    private static <T> List<T> map(RowSet<Row> rows, Function<Row, T> mapper) {
        List<T> list = new ArrayList<>(rows.size());
        rows.forEach(row -> list.add(mapper.apply(row)));
        return list;
    }

    private static <T> Future<T> duplicateAccount(Throwable failure) {
        if (failure instanceof PgException e && "23505".equals(e.getSqlState())
                && "customers_account_number_key".equals(e.getConstraint())) {
            return Future.failedFuture(new ConflictException("the account number belongs to another customer",
                    Map.of("field", "accountNumber")));
        }
        return Future.failedFuture(failure);
    }
}
