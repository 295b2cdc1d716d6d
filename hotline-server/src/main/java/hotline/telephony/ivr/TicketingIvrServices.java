package hotline.telephony.ivr;

import hotline.auth.Principal;
import hotline.billing.BillingAnswer;
import hotline.billing.BillingService;
import hotline.customer.Customer;
import hotline.customer.CustomerService;
import hotline.incident.Incident;
import hotline.incident.IncidentService;
import hotline.incident.IncidentStatus;
import hotline.outage.Outage;
import hotline.outage.OutageService;
import hotline.ticket.Channel;
import hotline.ticket.Ticket;
import hotline.ticket.TicketDraft;
import hotline.ticket.TicketService;
import hotline.ticket.TicketType;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/**
 * The IVR's services on Hotline itself: repair tickets through {@link TicketService#create} (channel {@code ivr},
 * actor {@code ivr}, the call's uniqueid as idempotency key, so a retried request makes no second ticket), callers
 * through {@link CustomerService} (a number shared by several customers identifies nobody), ticket status by number
 * through {@link TicketService#findByNumber}, open incidents of a district through {@link IncidentService} (a report
 * with the incident's category and district is attached to it by the incident capability's ticket listener), survey
 * scores in {@code call_satisfaction}, an account's billing through {@link BillingService}, a caller's planned
 * shut-off through {@link OutageService} (its times in the utility's zone). Thread-safe.
 */
public final class TicketingIvrServices implements IvrServices {

    /** The actor the IVR's changes are recorded under. */
    public static final Principal ACTOR = Principal.system("ivr");

    /** Subjects of IVR reports by category code, in the language of the ticket list. */
    private static final Map<String, String> SUBJECTS = Map.of(
            "service_pipe_leak", "IVR报修：漏水",
            "meter_leak", "IVR报修：水表漏水",
            "burst_main", "IVR报修：爆管",
            "no_water", "IVR报修：停水",
            "low_pressure", "IVR报修：水压低",
            "water_quality", "IVR报修：水质问题");

    /**
     * Where reports are handed to the ticket service. IVR calls run on virtual threads, outside Vert.x; submitted on
     * one event-loop context, reports that arrive together (a burst main floods the lines) share one transaction.
     */
    private final Context ticketing;
    private final Pool pool;
    private final TicketService tickets;
    private final CustomerService customers;
    private final IncidentService incidents;
    private final BillingService billing;
    private final OutageService outages;
    private final ZoneId zone;
    private final Clock clock;

    public TicketingIvrServices(Vertx vertx, Pool pool, TicketService tickets, CustomerService customers,
                                IncidentService incidents, BillingService billing, OutageService outages, ZoneId zone,
                                Clock clock) {
        this.billing = billing;
        this.outages = outages;
        this.zone = zone;
        this.ticketing = vertx.getOrCreateContext();
        this.pool = pool;
        this.clock = clock;
        this.tickets = tickets;
        this.customers = customers;
        this.incidents = incidents;
    }

    @Override
    public Future<Optional<IvrCustomer>> customerByPhone(String phone) {
        return customers.findByPhone(phone).map(found -> found.size() == 1
                ? Optional.of(ivrCustomer(found.getFirst())) : Optional.empty());
    }

    @Override
    public Future<Optional<IvrCustomer>> customerByAccount(String accountNumber) {
        return customers.findByAccount(accountNumber).map(found -> found.map(TicketingIvrServices::ivrCustomer));
    }

    @Override
    public Future<String> createRepair(RepairReport report) {
        JsonObject ivr = new JsonObject().put("callUniqueid", report.callUniqueid()).put("answers", report.answers());
        if (report.incidentId() != null) {
            ivr.put("incidentId", report.incidentId());
        }
        if (report.callbackNumber() != null) {
            ivr.put("callbackNumber", report.callbackNumber());
        }
        String subject = SUBJECTS.getOrDefault(report.category(), "IVR报修");
        TicketDraft draft = new TicketDraft(TicketType.REPAIR, Channel.IVR, null, report.urgent(), report.customerId(),
                report.callerNumber() != null ? report.callerNumber() : report.callbackNumber(), subject,
                "", report.location(), report.district(), report.category(), new JsonObject().put("ivr", ivr));
        Promise<String> number = Promise.promise();
        ticketing.runOnContext(v -> tickets.create(draft, ACTOR, Optional.of("ivr-" + report.callUniqueid()))
                .map(Ticket::number).onComplete(number));
        return number.future();
    }

    @Override
    public Future<Optional<String>> ticketStatus(String ticketNumber) {
        return tickets.findByNumber(ticketNumber).map(found -> found.map(ticket -> ticket.status().code()));
    }

    @Override
    public Future<Void> recordSatisfaction(String callUniqueid, int score) {
        return pool.preparedQuery(IvrSql.RECORD_SATISFACTION)
                .execute(Tuple.of(callUniqueid, score, clock.instant().atOffset(java.time.ZoneOffset.UTC))).mapEmpty();
    }

    @Override
    public Future<Optional<KnownIncident>> openIncident(String district) {
        return incidents.list(IncidentStatus.OPEN, district).map(open -> open.stream()
                .max(java.util.Comparator.comparing(Incident::lastReportAt))
                .map(incident -> new KnownIncident(incident.id(), incident.district(), incident.category())));
    }

    @Override
    public Future<Optional<KnownOutage>> outageFor(long customerId) {
        return outages.announcedFor(customerId).map(found -> found.map(outage -> new KnownOutage(outage.id(),
                outage.phase(clock.instant()) != Outage.Phase.PLANNED,
                LocalDateTime.ofInstant(outage.startsAt(), zone), LocalDateTime.ofInstant(outage.endsAt(), zone))));
    }

    @Override
    public Future<BillingAnswer> billing(String accountNumber) {
        return billing.forAccount(accountNumber);
    }

    private static IvrCustomer ivrCustomer(Customer customer) {
        return new IvrCustomer(customer.id(), customer.accountNumber(), customer.name(), customer.address(),
                customer.district(), customer.tier(), customer.criticalFacility());
    }
}
