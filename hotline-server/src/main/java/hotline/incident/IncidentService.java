package hotline.incident;

import hotline.auth.Principal;
import hotline.common.Code;
import hotline.common.ConflictException;
import hotline.common.InvalidInputException;
import hotline.common.NotFoundException;
import hotline.crew.CrewService;
import hotline.incident.internal.IncidentSql;
import hotline.notify.Notice;
import hotline.notify.NoticeKind;
import hotline.notify.Notices;
import hotline.store.SqlTime;
import hotline.ticket.Channel;
import hotline.ticket.Ticket;
import hotline.ticket.TicketChange;
import hotline.ticket.TicketService;
import hotline.ticket.TicketStatus;
import hotline.ticket.workflow.ActionContext;
import hotline.ticket.workflow.ActionGuard;
import hotline.ticket.workflow.RepairCategory;
import hotline.ticket.workflow.WorkflowService;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Incidents: listing (the IVR's "we know about the burst in district X", the supervisor's board), dispatching (only the
 * incident: its crew and eta, and the dispatch of its first report through the repair workflow), closing (every open
 * report is closed through {@link TicketService#change} with action {@value #CLOSED_ACTION}, which queues a
 * notice per reporter; dispatching queues an update to every reporter), merging and splitting. After each change commits, the event-bus address
 * {@value #BUS_ADDRESS} is told {@code {"id", "kind", "category", "district", "otherId", "actorId"}} (kind an
 * {@link IncidentChange}; {@code otherId} the incident merged in or split off; {@code actorId} the user who changed
 * it, null for a report). Thread-safe; never blocks.
 */
public final class IncidentService {

    /** The ticket action with which an incident closes its reports. */
    public static final String CLOSED_ACTION = "incident_closed";
    /** Where a committed change of an incident is told (published to every instance). */
    public static final String BUS_ADDRESS = "hotline.incidents";
    /** How many incidents a list answers unless asked for another number. */
    public static final int DEFAULT_LIST = 200;
    /** The most incidents one list answers. */
    public static final int MAX_LIST = 1000;
    /** Reports in these statuses are done: closing the incident leaves them (and their reporters) alone. */
    private static final String[] FINAL = Arrays.stream(TicketStatus.values()).filter(TicketStatus::isFinal)
            .map(TicketStatus::code).toArray(String[]::new);

    private final Pool pool;
    private final TicketService tickets;
    private final CrewService crews;
    private final IncidentMatcher matcher;
    private final Clock clock;
    private final IncidentNews news;

    /** @param matcher the rule new reports are attached by (the same one the {@link IncidentAttacher} applies) */
    IncidentService(Pool pool, TicketService tickets, CrewService crews, IncidentMatcher matcher, Clock clock,
                    IncidentNews news) {
        this.pool = pool;
        this.tickets = tickets;
        this.crews = crews;
        this.matcher = matcher;
        this.clock = clock;
        this.news = news;
    }

    /** The newest {@value #DEFAULT_LIST} incidents of {@code status} in {@code district} (null: any), with summaries. */
    public Future<List<Incident>> list(IncidentStatus status, String district) {
        return list(status, district, DEFAULT_LIST);
    }

    /**
     * The newest {@code limit} (1 to {@value #MAX_LIST}) incidents of {@code status} in {@code district} (null: any),
     * each with its summary (reporters to tell, critical facilities).
     */
    public Future<List<Incident>> list(IncidentStatus status, String district, int limit) {
        if (limit < 1 || limit > MAX_LIST) {
            return Future.failedFuture(new InvalidInputException("limit", "must be between 1 and " + MAX_LIST));
        }
        Tuple criteria = Tuple.tuple().addArrayOfString(FINAL).addString(status == null ? null : status.code())
                .addString(district).addInteger(limit);
        return pool.withTransaction(tx -> tx.query(IncidentSql.CUSTOM_PLANS).execute()
                        .compose(set -> tx.preparedQuery(IncidentSql.LIST).execute(criteria)))
                .map(rows -> rows.stream().map(Incident::of).toList());
    }

    /**
     * The open incident a repair report of {@code category} at {@code district} (or, without a district, at
     * {@code location}) made now would join, by the attaching rule; empty when it would open a new one. A read only:
     * the report itself attaches when it is saved.
     */
    public Future<Optional<Incident>> wouldJoin(String category, String district, String location) {
        if (Code.parse(RepairCategory.class, category).isEmpty()) {
            return Future.failedFuture(new InvalidInputException("category", "must be a repair category"));
        }
        Report report = new Report(0, category, district == null ? "" : district, location == null ? "" : location,
                null, clock.instant());
        return pool.preparedQuery(IncidentSql.OPEN_AT_COUNTED).execute(Tuple.of(category, report.district()))
                .map(rows -> {
                    List<Incident> open = rows.stream().map(Incident::of).toList();
                    return matcher.match(report, open.stream().map(Incident::open).toList())
                            .flatMap(match -> open.stream().filter(incident -> incident.id() == match.id()).findFirst());
                });
    }

    /**
     * The open incidents of {@code category} (the ones an incident of it may be merged with), newest first, at most
     * {@value #MAX_LIST}, with their report counts but no summary.
     */
    public Future<List<Incident>> openOf(String category) {
        return pool.preparedQuery(IncidentSql.OPEN_OF_CATEGORY).execute(Tuple.of(category, MAX_LIST))
                .map(rows -> rows.stream().map(Incident::of).toList());
    }

    /** The open or closed incident ticket {@code ticketId} is a report of, if any. */
    public Future<Optional<Incident>> ofTicket(long ticketId) {
        return pool.preparedQuery(IncidentSql.OF_TICKET).execute(Tuple.of(ticketId))
                .compose(rows -> rows.size() == 0 ? Future.succeededFuture(Optional.<Incident>empty())
                        : byId(rows.iterator().next().getLong("incident_id")).map(Optional::of));
    }

    /**
     * The incident with its summary, its reports ({@code reports: [{"id", "number", "status", "createdAt", "subject",
     * "location", "callerNumber", "customerId", "customerName", "critical"}]}, oldest first) and the critical facilities
     * it affects ({@code criticalFacilities: [{"customerId", "name", "reason", "district", "reported"}]}).
     */
    public Future<JsonObject> get(long id) {
        return byId(id).compose(incident -> {
            Future<JsonArray> reports = pool.preparedQuery(IncidentSql.REPORTS).execute(Tuple.of(id)).map(rows -> {
                JsonArray list = new JsonArray();
                rows.forEach(row -> list.add(new JsonObject().put("id", row.getLong("id"))
                        .put("number", row.getString("number")).put("status", row.getString("status"))
                        .put("createdAt", SqlTime.instant(row, "created_at").toString())
                        .put("subject", row.getString("subject")).put("location", row.getString("location"))
                        .put("callerNumber", row.getString("caller_number")).put("customerId", row.getLong("customer_id"))
                        .put("customerName", row.getString("customer_name"))
                        .put("critical", Boolean.TRUE.equals(row.getBoolean("critical_facility")))));
                return list;
            });
            Future<JsonArray> facilities = pool.preparedQuery(IncidentSql.CRITICAL_FACILITIES)
                    .execute(Tuple.of(id, incident.district())).map(rows -> {
                        JsonArray list = new JsonArray();
                        rows.forEach(row -> list.add(new JsonObject().put("customerId", row.getLong("id"))
                                .put("name", row.getString("name")).put("reason", row.getString("critical_reason"))
                                .put("district", row.getString("district")).put("reported", row.getBoolean("reported"))));
                        return list;
                    });
            return Future.all(reports, facilities).map(both -> incident.toJson().put("reports", reports.result())
                    .put("criticalFacilities", facilities.result()));
        });
    }

    /** A guard of the transitions endpoint: a report of an incident is dispatched only with its incident. */
    public ActionGuard dispatchGuard() {
        return (ticketId, action, fields) -> !"dispatch".equals(action) ? Future.succeededFuture()
                : pool.preparedQuery(IncidentSql.OF_TICKET).execute(Tuple.of(ticketId)).compose(rows -> rows.size() == 0
                ? Future.succeededFuture()
                : Future.failedFuture(new ConflictException("this report belongs to incident "
                + rows.iterator().next().getLong("incident_id") + "; dispatch the incident",
                Map.of("incidentId", rows.iterator().next().getLong("incident_id")))));
    }

    /** Sends crew {@code crewId} to the incident, due at {@code eta}; its first report is dispatched with it. */
    public Future<Incident> dispatch(long id, long crewId, String eta, Principal actor) {
        Instant due;
        try {
            due = Instant.parse(eta);
        } catch (DateTimeParseException e) {
            return Future.failedFuture(new InvalidInputException("eta", "eta must be an ISO-8601 instant"));
        }
        return crews.checkAvailable(crewId, "crewId")
                .compose(ok -> pool.withTransaction(tx -> tx.preparedQuery(IncidentSql.DISPATCH)
                        .execute(Tuple.of(id, crewId, SqlTime.param(due)))
                        .compose(rows -> rows.size() == 0 ? Future.succeededFuture((Incident) null)
                                : tellReporters(tx, Incident.of(rows.iterator().next()), due))))
                .compose(dispatched -> dispatched == null ? byId(id).compose(incident -> Future.<Incident>failedFuture(
                        new ConflictException("incident " + id + " is " + incident.status().code() + "; only an open one can be dispatched")))
                        : Future.succeededFuture(dispatched))
                .onSuccess(incident -> news.told(incident.open(), IncidentChange.DISPATCHED, null, actor))
                .compose(incident -> tickets.change(incident.firstTicketId(), actor, Channel.WEB, null,
                                current -> dispatchFirst(current, crewId, eta, actor))
                        .map(incident));
    }

    /**
     * Queues an {@link NoticeKind#INCIDENT_UPDATE} (crew expected at {@code eta}) for every reporter of an open report of
     * {@code incident}, once per reporter and eta, in the dispatching transaction.
     */
    private Future<Incident> tellReporters(SqlConnection tx, Incident incident, Instant eta) {
        return tx.preparedQuery(IncidentSql.REPORTS).execute(Tuple.of(incident.id())).compose(rows -> {
            Map<String, Notice> byReporter = new LinkedHashMap<>();
            for (Row row : rows) {
                Long customerId = row.getLong("customer_id");
                String caller = row.getString("caller_number");
                String reporter = IncidentAttacher.reporterKey(customerId, caller);
                if (reporter != null && !Arrays.asList(FINAL).contains(row.getString("status"))) {
                    byReporter.putIfAbsent(reporter, new Notice(NoticeKind.INCIDENT_UPDATE, customerId,
                            customerId == null ? caller : null, row.getLong("id"),
                            new JsonObject().put("number", row.getString("number")).put("district", incident.district())
                                    .put("expectedAt", eta.toString()),
                            "incident:" + incident.id() + ":update:" + eta.getEpochSecond() + ":" + reporter));
                }
            }
            return Notices.queueAll(tx, List.copyOf(byReporter.values()), clock.instant()).map(incident);
        });
    }

    private TicketChange dispatchFirst(Ticket current, long crewId, String eta, Principal actor) {
        if (current.status() != TicketStatus.REPORTED && current.status() != TicketStatus.DISPATCHED) {
            return new TicketChange("dispatch", current, new JsonObject()); // already under way or closed: unchanged
        }
        return WorkflowService.change(current, "dispatch", new JsonObject().put("crewId", crewId).put("eta", eta),
                new ActionContext(actor.username(), clock.instant()));
    }

    /**
     * Closes the incident and every open report of it; answers the incident and how many reports it closed now.
     * Repeating it on a closed incident closes reports a previous attempt left open. With {@code reportersToTell} (the
     * number the closer was shown) it closes only an open incident that still has exactly that many open reports, so
     * nobody closes what someone else closed meanwhile, or tells fewer reporters than they confirmed; else a 409 with
     * the incident's {@code status} and current {@code reportersToTell}.
     */
    public Future<JsonObject> close(long id, String resolution, Long reportersToTell, Principal actor) {
        Instant now = clock.instant();
        return pool.preparedQuery(IncidentSql.CLOSE).execute(Tuple.tuple().addLong(id).addString(resolution)
                        .addValue(SqlTime.param(now)).addLong(reportersToTell).addArrayOfString(FINAL))
                .compose(rows -> rows.size() == 0 ? byId(id).compose(incident -> Future.<Incident>failedFuture(
                        notClosable(incident)))
                        : Future.succeededFuture(Incident.of(rows.iterator().next())))
                .onSuccess(incident -> news.told(incident.open(), IncidentChange.CLOSED, null, actor))
                .compose(incident -> pool.preparedQuery(IncidentSql.REPORTS).execute(Tuple.of(id))
                        .compose(rows -> {
                            JsonObject data = new JsonObject().put("incident", new JsonObject().put("id", id)
                                    .put("resolution", incident.resolution()));
                            int[] closed = {0};
                            Future<Void> chain = Future.succeededFuture();
                            for (Row row : rows) {
                                long ticketId = row.getLong("id");
                                chain = chain.compose(done -> tickets.change(ticketId, actor, Channel.WEB, null, current -> {
                                    if (current.status().isFinal()) {
                                        return new TicketChange(CLOSED_ACTION, current, new JsonObject());
                                    }
                                    closed[0]++;
                                    return new TicketChange(CLOSED_ACTION, current.withStatus(TicketStatus.CLOSED)
                                            .withDetail("incident", data.getJsonObject("incident").copy()
                                                    .put("at", now.toString())), data.copy());
                                }).mapEmpty());
                            }
                            return chain.map(done -> new JsonObject().put("incident", incident.toJson())
                                    .put("closedReports", closed[0]));
                        }));
    }

    private static ConflictException notClosable(Incident incident) {
        Map<String, Object> now = Map.of("status", incident.status().code(), "reportersToTell", incident.reportersToTell());
        return new ConflictException(switch (incident.status()) {
            case MERGED -> "incident " + incident.id() + " was merged into " + incident.mergedInto();
            case CLOSED -> "incident " + incident.id() + " is already closed";
            case OPEN -> "incident " + incident.id() + " now has " + incident.reportersToTell()
                    + " reporters to tell; check them and close again";
        }, now);
    }

    /** Merges {@code sourceId} into {@code id}: the reports move, the source is marked merged. */
    public Future<Incident> merge(long id, long sourceId, Principal actor) {
        Instant now = clock.instant();
        return pool.withTransaction(tx -> tx.preparedQuery(IncidentSql.LOCK).execute(Tuple.of(new Long[]{id, sourceId}))
                .compose(rows -> {
                    Map<Long, Incident> locked = new java.util.HashMap<>();
                    rows.forEach(row -> locked.put(row.getLong("id"), Incident.of(row)));
                    Incident target = locked.get(id);
                    Incident source = locked.get(sourceId);
                    if (target == null || source == null) {
                        throw new NotFoundException("no incident with id " + (target == null ? id : sourceId));
                    }
                    IncidentRules.checkMerge(id, target.status(), target.category(), sourceId, source.status(),
                            source.category());
                    return tx.preparedQuery(IncidentSql.MOVE_ALL).execute(Tuple.of(sourceId, id))
                            .compose(moved -> tx.preparedQuery(IncidentSql.MERGED)
                                    .execute(Tuple.of(sourceId, id, SqlTime.param(now))))
                            .compose(done -> tx.preparedQuery(IncidentSql.BY_ID).execute(summaryOf(id)))
                            .map(after -> Incident.of(after.iterator().next()));
                }))
                .onSuccess(merged -> news.told(merged.open(), IncidentChange.MERGED, sourceId, actor));
    }

    /** Splits reports {@code ticketIds} off incident {@code id} into a new open incident of the same category and place. */
    public Future<Incident> split(long id, Set<Long> ticketIds, Principal actor) {
        return pool.withTransaction(tx -> tx.preparedQuery(IncidentSql.LOCK).execute(Tuple.of((Object) new Long[]{id}))
                .compose(rows -> {
                    if (rows.size() == 0) {
                        throw new NotFoundException("no incident with id " + id);
                    }
                    Incident incident = Incident.of(rows.iterator().next());
                    return tx.preparedQuery(IncidentSql.REPORTS).execute(Tuple.of(id)).compose(reports -> {
                        Set<Long> children = new HashSet<>();
                        reports.forEach(row -> children.add(row.getLong("id")));
                        IncidentRules.checkSplit(incident.status(), children, ticketIds);
                        long first = ticketIds.stream().mapToLong(Long::longValue).min().orElseThrow();
                        Coordinates at = incident.coordinates();
                        return tx.preparedQuery(IncidentSql.OPEN).execute(Tuple.tuple().addString(incident.category())
                                        .addString(incident.district()).addString(incident.location())
                                        .addValue(at == null ? null : at.latitude())
                                        .addValue(at == null ? null : at.longitude()).addLong(first)
                                        .addValue(SqlTime.param(clock.instant())))
                                .compose(opened -> {
                                    long newId = opened.iterator().next().getLong("id");
                                    return tx.preparedQuery(IncidentSql.MOVE_SOME)
                                            .execute(Tuple.of(id, newId, ticketIds.toArray(Long[]::new)))
                                            .compose(moved -> tx.preparedQuery(IncidentSql.BY_ID).execute(summaryOf(newId)))
                                            .map(after -> Incident.of(after.iterator().next()));
                                });
                    });
                }))
                .onSuccess(split -> news.told(split.open(), IncidentChange.SPLIT, id, actor));
    }

    private static Tuple summaryOf(long id) {
        return Tuple.tuple().addArrayOfString(FINAL).addLong(id);
    }

    private Future<Incident> byId(long id) {
        return pool.preparedQuery(IncidentSql.BY_ID).execute(summaryOf(id)).map(rows -> {
            if (rows.size() == 0) {
                throw new NotFoundException("no incident with id " + id);
            }
            return Incident.of(rows.iterator().next());
        });
    }
}
