package hotline.sla;

import hotline.common.Code;
import hotline.common.ConflictException;
import hotline.customer.Customer;
import hotline.customer.Tier;
import hotline.sla.internal.SlaRows;
import hotline.sla.internal.SlaSql;
import hotline.store.SqlTime;
import hotline.ticket.Priority;
import hotline.ticket.Ticket;
import hotline.ticket.TicketEvent;
import hotline.ticket.TicketListener;
import hotline.ticket.TicketStatus;
import hotline.ticket.TicketType;
import hotline.ticket.workflow.Assignee;
import hotline.ticket.workflow.Assignment;
import hotline.ticket.workflow.Escalation;
import hotline.ticket.workflow.EscalationLevel;
import hotline.ticket.workflow.Workflow;
import hotline.ticket.workflow.Workflows;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps every ticket's due times ({@code ticket_sla}) inside the ticket's own transaction: computed on create,
 * recomputed on every change (tier and critical flag read from the customer, type, priority, urgency and status from
 * the ticket), together with what the SLA board filters and sorts by: type, district, owner ({@link Assignment}) and
 * the earliest target not yet met. An {@code escalate} event carrying {@code data.sla.deadline} records that breach; if the deadline was
 * already escalated the change fails with a {@link ConflictException} and rolls back, so no breach escalates twice.
 * Runs on the event loop; never blocks.
 */
public final class SlaTracker implements TicketListener {

    /** Key of the scheduler's breach description in an escalation event's data. */
    public static final String EVENT_KEY = "sla";

    private final SlaPolicy policy;
    private final Clock clock;

    public SlaTracker(SlaPolicy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    /** What the due times of one ticket are computed from, and what the board filters it by (district, owner). */
    private record Input(long id, TicketType type, TicketStatus status, Priority priority, boolean urgent,
                         Long customerId, Instant createdAt, EscalationLevel level, String district, String owner) {

        static Input of(Ticket ticket) {
            return new Input(ticket.id(), ticket.type(), ticket.status(), ticket.priority(), ticket.urgent(),
                    ticket.customerId(), ticket.createdAt(), Escalation.level(ticket.details()), ticket.district(),
                    owner(ticket.details()));
        }

        static Input of(Row row) {
            return new Input(row.getLong("id"), SlaRows.code(TicketType.class, row.getString("type")),
                    SlaRows.code(TicketStatus.class, row.getString("status")), SlaRows.code(Priority.class, row.getString("priority")),
                    row.getBoolean("urgent"), row.getLong("customer_id"), SqlTime.instant(row, "created_at"),
                    SlaRows.code(EscalationLevel.class, row.getString("escalation_level")), row.getString("ticket_district"),
                    owner((JsonObject) row.getJson("ticket_details")));
        }

        private static String owner(JsonObject details) {
            return Assignment.owner(details).map(Assignee::key).orElse(null);
        }
    }

    @Override
    public Future<Void> onCreated(SqlConnection tx, Ticket created) {
        return recompute(tx, Input.of(created), null);
    }

    /** A batch in two round trips whatever its size: its customers' tiers, then every ticket's due times. */
    @Override
    public Future<Void> onCreated(SqlConnection tx, List<Ticket> created) {
        List<Tuple> customerIds = created.stream().map(Ticket::customerId).filter(Objects::nonNull).distinct()
                .map(Tuple::of).toList();
        Future<Map<Long, Row>> customers = customerIds.isEmpty() ? Future.succeededFuture(new HashMap<>())
                : tx.preparedQuery(SlaSql.CUSTOMER).executeBatch(customerIds).map(results -> {
                    Map<Long, Row> byId = new HashMap<>();
                    RowSet<Row> result = results;
                    for (Tuple id : customerIds) {
                        if (result.size() == 1) {
                            byId.put(id.getLong(0), result.iterator().next());
                        }
                        result = result.next();
                    }
                    return byId;
                });
        return customers.compose(byId -> tx.preparedQuery(SlaSql.UPSERT).executeBatch(created.stream()
                        .map(ticket -> upsert(Input.of(ticket), byId.get(ticket.customerId()), null)).toList()))
                .mapEmpty();
    }

    @Override
    public Future<Void> onChanged(SqlConnection tx, Ticket before, Ticket after, TicketEvent event) {
        JsonObject breach = event.data().getJsonObject(EVENT_KEY);
        Future<Void> recorded = breach == null ? Future.succeededFuture()
                : tx.preparedQuery(SlaSql.BREACH).execute(Tuple.of(after.id(), breach.getString("deadline")))
                .compose(rows -> rows.size() == 1 ? Future.<Void>succeededFuture()
                        : Future.failedFuture(new ConflictException("deadline " + breach.getString("deadline")
                        + " of ticket " + after.id() + " was already escalated")));
        return recorded.compose(done -> tx.preparedQuery(SlaSql.BY_TICKET).execute(Tuple.of(after.id())))
                .compose(rows -> recompute(tx, Input.of(after),
                        rows.size() == 0 ? null : SlaRows.state(rows.iterator().next())));
    }

    /** As a {@link hotline.customer.CustomerListener}: recomputes when the tier or the critical flag moved. */
    public Future<Void> customerChanged(SqlConnection tx, Customer before, Customer after) {
        boolean matters = before.tier() != after.tier() || before.criticalFacility() != after.criticalFacility();
        return matters ? customerChanged(tx, after.id()) : Future.succeededFuture();
    }

    /**
     * Recomputes the due times of every open ticket of customer {@code customerId} (after its tier or critical flag
     * changed), inside the caller's transaction ({@code tx}, the one that changed the customer).
     */
    public Future<Void> customerChanged(SqlClient tx, long customerId) {
        return tx.preparedQuery(SlaSql.OPEN_OF_CUSTOMER).execute(Tuple.of(customerId)).compose(rows -> {
            Future<Void> chain = Future.succeededFuture();
            for (Row row : rows) {
                chain = chain.compose(done -> recompute(tx, Input.of(row), SlaRows.state(row)));
            }
            return chain;
        });
    }

    /** Stops the ticket's own escalation (an incident carries it); inside the caller's transaction. */
    public Future<Void> suspend(SqlClient tx, long ticketId) {
        return tx.preparedQuery(SlaSql.SUSPEND).execute(Tuple.of(ticketId)).mapEmpty();
    }

    /** The stored SLAs of {@code ticketIds} (those that have one), in one round trip. */
    public static Future<List<SlaState>> findAll(SqlClient client, List<Long> ticketIds) {
        return client.preparedQuery(SlaSql.BY_TICKETS).execute(Tuple.of(ticketIds.toArray(Long[]::new)))
                .map(rows -> rows.stream().map(SlaRows::state).toList());
    }

    /** The stored SLA of a ticket, if it has one. */
    public static Future<Optional<SlaState>> find(SqlClient client, long ticketId) {
        return client.preparedQuery(SlaSql.BY_TICKET).execute(Tuple.of(ticketId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(SlaRows.state(rows.iterator().next())));
    }

    private Future<Void> recompute(SqlClient tx, Input ticket, SlaState previous) {
        Future<Row> customer = ticket.customerId() == null ? Future.succeededFuture(null)
                : tx.preparedQuery(SlaSql.CUSTOMER).execute(Tuple.of(ticket.customerId()))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next());
        return customer.compose(row -> tx.preparedQuery(SlaSql.UPSERT).execute(upsert(ticket, row, previous)))
                .mapEmpty();
    }

    /** The {@link SlaSql#UPSERT} parameters of {@code ticket}; its customer's row ({@link SlaSql#CUSTOMER}) or null. */
    private Tuple upsert(Input ticket, Row customer, SlaState previous) {
        Tier tier = customer == null ? Tier.ORDINARY
                : Code.parse(Tier.class, customer.getString("tier")).orElse(Tier.ORDINARY);
        boolean critical = customer != null && customer.getBoolean("critical_facility");
        SlaSubject subject = new SlaSubject(tier, ticket.type(), ticket.priority(), ticket.urgent(), critical);
        SlaRule rule = policy.ruleFor(subject.effective());
        DueTimes due = policy.dueTimes(subject, ticket.createdAt());
        Workflow workflow = Workflows.of(ticket.type());
        boolean responded = workflow.responded(ticket.status());
        boolean resolved = workflow.resolved(ticket.status());
        Set<String> warned = previous == null ? Set.of() : previous.warned();
        Set<String> breached = previous == null ? Set.of() : previous.breached();
        List<Deadline> open = EscalationSchedule.deadlines(due, responded, resolved);
        Instant next = EscalationSchedule.nextCheck(open, warned, breached);
        // The board shows the earliest target not yet met; none once resolved.
        Deadline risk = open.isEmpty() ? null : open.getFirst();
        return Tuple.tuple()
                .addLong(ticket.id()).addString(rule.name()).addString(tier.code()).addBoolean(critical)
                .addValue(SqlTime.param(due.firstResponseDue())).addValue(SqlTime.param(due.resolutionDue()))
                .addValue(SqlTime.param(due.firstResponseWarnAt())).addValue(SqlTime.param(due.resolutionWarnAt()))
                .addLong(due.followUpDelay().toSeconds()).addLong(due.escalateEvery().toSeconds())
                .addDouble(due.warning()).addBoolean(responded).addBoolean(resolved)
                .addString(ticket.level().code()).addValue(SqlTime.param(next))
                .addValue(SqlTime.param(clock.instant()))
                .addString(ticket.type().code()).addString(ticket.district()).addString(ticket.owner())
                .addString(risk == null ? null : risk.name())
                .addValue(SqlTime.param(risk == null ? null : risk.warnAt()))
                .addValue(SqlTime.param(risk == null ? null : risk.dueAt()));
    }
}
