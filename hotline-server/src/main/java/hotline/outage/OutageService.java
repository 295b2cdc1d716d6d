package hotline.outage;

import hotline.auth.Principal;
import hotline.common.ConflictException;
import hotline.common.InvalidInputException;
import hotline.common.NotFoundException;
import hotline.followup.FollowUp;
import hotline.followup.FollowUpPlanner;
import hotline.outage.internal.OutageSql;
import hotline.store.SqlTime;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Planned shut-offs: scheduling (the area's customers fixed, each sent the notice and every critical facility among
 * them given a proactive call task, all in the transaction that stores it), extending the expected end ("extended" to
 * everyone), cancelling one not started, closing one started ("restored" to everyone told); and the shut-off a
 * customer's caller is told of. A change locks its row, so a supervisor and the {@link OutageScheduler} never work on
 * one shut-off at once. Thread-safe; never blocks.
 */
public final class OutageService {

    /** The comment on the call tasks of a cancelled shut-off. */
    static final String CANCELLED_CALL = "planned shut-off cancelled";

    private final Pool pool;
    private final NoticeRule rule;
    private final Clock clock;
    private final ZoneId zone;
    private final OutageNotices notices;

    OutageService(Pool pool, NoticeRule rule, Clock clock, ZoneId zone) {
        this.pool = pool;
        this.rule = rule;
        this.clock = clock;
        this.zone = zone;
        this.notices = new OutageNotices(zone);
    }

    public NoticeRule rule() {
        return rule;
    }

    /**
     * Schedules {@code draft}: 422 naming the field for a broken rule (see {@link OutageDraft#check}), an area entry
     * no customer has ({@code area[i]}); answers the stored shut-off with its counts.
     */
    public Future<Outage> schedule(OutageDraft draft, Principal actor) {
        Instant now = clock.instant();
        try {
            draft.check(now, rule, zone);
        } catch (InvalidInputException e) {
            return Future.failedFuture(e);
        }
        Instant announceFrom = rule.met(now, draft.startsAt(), draft.endsAt())
                ? rule.latestNotice(draft.startsAt(), draft.endsAt()) : now;
        Instant remindAt = rule.reminderAt(now, draft.startsAt());
        return pool.withTransaction(tx -> unknownEntry(tx, draft).compose(unknown -> {
            if (unknown.isPresent()) {
                return Future.failedFuture(unknown.get());
            }
            Tuple insert = Tuple.tuple().addString(draft.areaKind().code())
                    .addArrayOfString(draft.area().toArray(String[]::new)).addString(draft.reason())
                    .addValue(SqlTime.param(draft.startsAt())).addValue(SqlTime.param(draft.endsAt()))
                    .addBoolean(draft.emergency()).addValue(SqlTime.param(announceFrom))
                    .addValue(SqlTime.param(remindAt))
                    .addValue(SqlTime.param(Outage.nextCheck(remindAt, draft.endsAt(), null)))
                    .addString(actor.username()).addValue(SqlTime.param(now));
            return tx.preparedQuery(OutageSql.INSERT).execute(insert).map(rows -> Outage.of(rows.iterator().next()))
                    .compose(outage -> tx.preparedQuery(OutageSql.AFFECT).execute(Tuple.of(outage.id(),
                                    outage.areaKind().code(), outage.area().toArray(String[]::new)))
                            .map(rows -> rows.iterator().next().getInteger("n"))
                            .compose(customers -> notices.notice(tx, outage, now).compose(notified ->
                                    tx.preparedQuery(OutageSql.COUNTED).execute(Tuple.of(outage.id(), customers, notified))))
                            .map(rows -> Outage.of(rows.iterator().next())))
                    .compose(outage -> FollowUpPlanner.planForOutage(tx, outage.id(), now, now).map(outage));
        }));
    }

    /** Moves the expected end of scheduled shut-off {@code id} to {@code endsAt}; everyone affected is sent "extended". */
    public Future<Outage> extend(long id, Instant endsAt, Principal actor) {
        Instant now = clock.instant();
        return pool.withTransaction(tx -> lock(tx, id).compose(outage -> {
            if (outage.status() != Outage.Status.SCHEDULED) {
                return Future.failedFuture(new ConflictException("shut-off " + id + " is " + outage.status().code()));
            }
            if (endsAt == null || !endsAt.isAfter(outage.endsAt()) || !endsAt.isAfter(now)) {
                return Future.failedFuture(new InvalidInputException("endsAt",
                        "the new end must be after the current expected end and after now"));
            }
            if (Duration.between(outage.startsAt(), endsAt).compareTo(OutageDraft.LONGEST) > 0) {
                return Future.failedFuture(new InvalidInputException("endsAt",
                        "a planned shut-off lasts at most " + OutageDraft.LONGEST.toDays() + " days"));
            }
            Instant next = Outage.nextCheck(outage.remindAt(), endsAt, outage.overrunToldAt());
            return tx.preparedQuery(OutageSql.EXTEND).execute(Tuple.of(id, SqlTime.param(endsAt), SqlTime.param(next)))
                    .map(rows -> Outage.of(rows.iterator().next()))
                    .compose(extended -> notices.extended(tx, extended, extended.extensions(), outage.endsAt(), false, now)
                            .map(extended));
        }));
    }

    /** Cancels scheduled shut-off {@code id} before it starts (409 once started: close it instead). */
    public Future<Outage> cancel(long id, Principal actor) {
        Instant now = clock.instant();
        return pool.withTransaction(tx -> lock(tx, id).compose(outage -> {
            if (outage.status() != Outage.Status.SCHEDULED || !now.isBefore(outage.startsAt())) {
                return Future.failedFuture(new ConflictException("shut-off " + id + " is "
                        + outage.phase(now).code() + ": only a planned one is cancelled; close a started one"));
            }
            return end(tx, outage, Outage.Status.CANCELLED, 0, actor, now)
                    .compose(cancelled -> FollowUpPlanner.dropForOutage(tx, id, now, actor.username(), CANCELLED_CALL)
                            .map(cancelled));
        }));
    }

    /** Closes started shut-off {@code id}: supply is back, and everyone told of it is sent "restored". */
    public Future<Outage> close(long id, Principal actor) {
        Instant now = clock.instant();
        return pool.withTransaction(tx -> lock(tx, id).compose(outage -> {
            if (outage.status() != Outage.Status.SCHEDULED || now.isBefore(outage.startsAt())) {
                return Future.failedFuture(new ConflictException("shut-off " + id + " is "
                        + outage.phase(now).code() + ": only a started one is closed; cancel a planned one"));
            }
            return notices.restored(tx, outage, now)
                    .compose(restored -> end(tx, outage, Outage.Status.CLOSED, restored, actor, now));
        }));
    }

    public Future<Outage> get(long id) {
        return pool.preparedQuery(OutageSql.BY_ID).execute(Tuple.of(id)).map(rows -> {
            if (rows.size() == 0) {
                throw new NotFoundException("no planned shut-off " + id);
            }
            return Outage.of(rows.iterator().next());
        });
    }

    /** A shut-off with its critical facilities' call tasks (follow-ups, each with the customer's name and reason). */
    public record Detail(Outage outage, List<JsonObject> criticalCalls) {

        /** As {@code getOutage} answers it. */
        public JsonObject toJson(Instant now) {
            return outage.toJson(now).put("criticalCalls", new JsonArray(criticalCalls));
        }
    }

    /** Shut-off {@code id} with its critical facilities' call tasks, open ones first. */
    public Future<Detail> detail(long id) {
        return get(id).compose(outage -> pool.preparedQuery(OutageSql.CALLS).execute(Tuple.of(id))
                .map(rows -> new Detail(outage, rows.stream().map(OutageService::call).toList())));
    }

    private static JsonObject call(Row row) {
        return FollowUp.of(row).toJson().put("customerName", row.getString("customer_name"))
                .put("criticalReason", row.getString("critical_reason"));
    }

    /** Up to 200: the scheduled ones soonest first, then the others latest first; {@code status} null for any. */
    public Future<List<Outage>> list(Outage.Status status) {
        return pool.preparedQuery(OutageSql.LIST).execute(Tuple.of(status == null ? null : status.code()))
                .map(rows -> rows.stream().map(Outage::of).toList());
    }

    /** The shut-off customer {@code customerId}'s callers are told of now (in its notice window, or started), if any. */
    public Future<Optional<Outage>> announcedFor(long customerId) {
        return pool.preparedQuery(OutageSql.FOR_CUSTOMER).execute(Tuple.of(customerId, SqlTime.param(clock.instant())))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(Outage.of(rows.iterator().next())));
    }

    public Clock clock() {
        return clock;
    }

    public ZoneId zone() {
        return zone;
    }

    private Future<Outage> end(SqlConnection tx, Outage outage, Outage.Status status, int restored, Principal actor,
                               Instant now) {
        return tx.preparedQuery(OutageSql.END).execute(Tuple.of(outage.id(), status.code(), actor.username(),
                SqlTime.param(now), restored)).map(rows -> Outage.of(rows.iterator().next()));
    }

    private static Future<Outage> lock(SqlConnection tx, long id) {
        return tx.preparedQuery(OutageSql.LOCK).execute(Tuple.of(id)).map(rows -> {
            if (rows.size() == 0) {
                throw new NotFoundException("no planned shut-off " + id);
            }
            return Outage.of(rows.iterator().next());
        });
    }

    /** The first entry of the draft's area that no customer has, as the error naming it. */
    private static Future<Optional<InvalidInputException>> unknownEntry(SqlConnection tx, OutageDraft draft) {
        String sql = switch (draft.areaKind()) {
            case DISTRICTS -> OutageSql.KNOWN_DISTRICTS;
            case STREETS -> OutageSql.KNOWN_STREETS;
            case ACCOUNTS -> OutageSql.KNOWN_ACCOUNTS;
        };
        return tx.preparedQuery(sql).execute(Tuple.of(draft.area().toArray(String[]::new))).map(rows -> {
            Set<String> known = new HashSet<>();
            rows.forEach(row -> known.add(row.getString(0)));
            for (int i = 0; i < draft.area().size(); i++) {
                String entry = draft.area().get(i);
                if (!known.contains(entry)) {
                    return Optional.of(new InvalidInputException("area[" + i + "]", switch (draft.areaKind()) {
                        case DISTRICTS -> "no customer is in district " + entry;
                        case STREETS -> "no customer's address contains " + entry;
                        case ACCOUNTS -> "no account " + entry;
                    }));
                }
            }
            return Optional.empty();
        });
    }
}
