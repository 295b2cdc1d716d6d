package hotline.console.internal;

import hotline.customer.Customer;
import hotline.customer.CustomerService;
import hotline.followup.FollowUp;
import hotline.followup.FollowUpService;
import hotline.followup.VisitPolicy;
import hotline.telephony.TelephonyModule;
import hotline.telephony.callback.Callback;
import hotline.telephony.callback.CallbackStatus;
import hotline.ticket.Ticket;
import hotline.ticket.TicketService;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code /followups}: the signed-in agent's return calls due today and overdue — theirs first, then the first
 * {@value #UNASSIGNED} unassigned ones (an empty assignee, such as the proactive calls) — each with the customer, the
 * ticket, click-to-call ({@code /api/calls/originate}), the call script of its kind in the agent's language, and the
 * outcome form ({@code /api/followups/{id}/outcome}: the satisfaction indicators and a dissatisfied customer's
 * reasons, or a failed attempt); and the callbacks the IVR booked that are still to be made.
 */
public final class FollowUpsPage implements Handler<RoutingContext> {

    static final int CALLBACKS = 50;
    static final int UNASSIGNED = 50;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    private final Templates templates;
    private final Assets assets;
    private final FollowUpService followUps;
    private final CustomerService customers;
    private final TicketService tickets;
    private final TelephonyModule telephony;
    private final Clock clock;
    private final ZoneId zone;

    public FollowUpsPage(Templates templates, Assets assets, FollowUpService followUps, CustomerService customers,
                         TicketService tickets, TelephonyModule telephony, Clock clock, ZoneId zone) {
        this.templates = templates;
        this.assets = assets;
        this.followUps = followUps;
        this.customers = customers;
        this.tickets = tickets;
        this.telephony = telephony;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public void handle(RoutingContext ctx) {
        Viewer viewer = Viewer.of(ctx);
        String me = viewer.principal().username();
        Future<List<FollowUp>> mine = followUps.list(FollowUpService.Due.TODAY, me);
        Future<List<FollowUp>> unassigned = followUps.list(FollowUpService.Due.TODAY, "");
        Future<List<FollowUp>> due = Future.all(mine, unassigned).map(both -> Stream.concat(mine.result().stream(),
                unassigned.result().stream().limit(UNASSIGNED)).toList());
        Future<List<Callback>> waiting = Future.all(telephony.callbacks(CallbackStatus.REQUESTED, CALLBACKS),
                        telephony.callbacks(CallbackStatus.FAILED, CALLBACKS))
                .map(both -> Stream.concat(both.<List<Callback>>resultAt(0).stream(),
                        both.<List<Callback>>resultAt(1).stream()).toList());
        Future.all(due, waiting)
                .compose(both -> related(due.result(), waiting.result()))
                .map(related -> {
                    Map<String, Object> model = viewer.model(assets);
                    Instant now = clock.instant();
                    VisitPolicy policy = followUps.policy();
                    String lang = viewer.lang().code();
                    model.put("followups", due.result().stream().map(f -> followUp(f, related, now, policy, lang))
                            .toList());
                    model.put("reasons", policy.reasons().stream().map(reason -> Map.of("code", reason.code(),
                            "label", reason.label(lang), "text", reason.text())).toList());
                    model.put("maxAttempts", policy.unreachableAfterAttempts());
                    model.put("callbacks", waiting.result().stream().map(c -> callback(c, related, now)).toList());
                    return templates.render("followups.ftlh", model);
                })
                .onSuccess(body -> PageKit.html(ctx, body))
                .onFailure(ctx::fail);
    }

    /** The customers and tickets the lists name, read once each. */
    private record Related(Map<Long, Customer> customers, Map<Long, Ticket> tickets) {
    }

    private Future<Related> related(List<FollowUp> due, List<Callback> waiting) {
        List<Long> customerIds = Stream.concat(due.stream().map(FollowUp::customerId),
                waiting.stream().map(Callback::customerId)).filter(Objects::nonNull).distinct().toList();
        List<Long> ticketIds = due.stream().map(FollowUp::ticketId).filter(Objects::nonNull).distinct().toList();
        Future<List<Customer>> customerReads = customers.findByIds(customerIds);
        Future<List<Ticket>> ticketReads = ticketIds.isEmpty() ? Future.succeededFuture(List.of())
                : tickets.findByIds(ticketIds);
        return Future.all(customerReads, ticketReads).map(all -> new Related(
                customerReads.result().stream().collect(Collectors.toMap(Customer::id, Function.identity())),
                ticketReads.result().stream().collect(Collectors.toMap(Ticket::id, Function.identity()))));
    }

    private Map<String, Object> followUp(FollowUp f, Related related, Instant now, VisitPolicy policy, String lang) {
        Map<String, Object> row = due(f.dueAt(), now);
        row.put("id", f.id());
        row.put("kind", f.kind().code());
        row.put("district", f.district() == null ? "" : f.district());
        row.put("attempts", f.attempts());
        customer(row, related.customers().get(f.customerId()));
        Map<String, String> script = new HashMap<>();
        if (row.get("name") instanceof String name) {
            script.put("customer", name);
        }
        Ticket ticket = f.ticketId() == null ? null : related.tickets().get(f.ticketId());
        if (ticket != null) {
            row.put("ticketNumber", ticket.number());
            row.put("subject", ticket.subject());
            row.put("type", ticket.type().code());
            script.put("ticket", ticket.number());
            script.put("subject", ticket.subject());
        }
        row.put("script", policy.scripts().get(f.kind()).lines(lang, script));
        return row;
    }

    private Map<String, Object> callback(Callback c, Related related, Instant now) {
        Map<String, Object> row = due(c.dueAt(), now);
        row.put("id", c.id());
        row.put("number", c.number());
        row.put("status", c.status().code());
        row.put("attempts", c.attempts());
        if (c.ticketNumber() != null) {
            row.put("ticketNumber", c.ticketNumber());
        }
        customer(row, c.customerId() == null ? null : related.customers().get(c.customerId()));
        row.putIfAbsent("phone", c.number());
        return row;
    }

    private static void customer(Map<String, Object> row, Customer customer) {
        if (customer != null) {
            row.put("customerId", customer.id());
            row.put("name", customer.name());
            row.put("tier", customer.tier().code());
            row.put("critical", customer.criticalFacility());
            if (!customer.phones().isEmpty()) {
                row.put("phone", customer.phones().getFirst());
            }
        }
    }

    /**
     * Due time absolute ({@code dueText}) and, within a day, relative as h:mm ({@code relative}; {@code overdue} says
     * which way): what matters on a shift is the next hours, older ones read better as a date.
     */
    private Map<String, Object> due(Instant dueAt, Instant now) {
        Map<String, Object> row = new HashMap<>();
        row.put("dueAt", dueAt.toString());
        row.put("dueText", WHEN.format(dueAt.atZone(zone)));
        long minutes = Duration.between(now, dueAt).toMinutes();
        row.put("overdue", dueAt.isBefore(now));
        long away = Math.abs(minutes);
        if (away < 24 * 60) {
            row.put("relative", away / 60 + ":" + String.format("%02d", away % 60));
        }
        return row;
    }
}
