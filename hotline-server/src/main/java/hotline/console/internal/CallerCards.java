package hotline.console.internal;

import hotline.customer.Customer;
import hotline.customer.CustomerService;
import hotline.incident.Incident;
import hotline.incident.IncidentService;
import hotline.incident.IncidentStatus;
import hotline.outage.Outage;
import hotline.outage.OutageService;
import hotline.search.SearchHit;
import hotline.search.SearchService;
import hotline.ticket.Page;
import hotline.ticket.Ticket;
import hotline.ticket.TicketFilter;
import hotline.ticket.TicketService;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The caller card of one call in one round trip: the customer (from the IVR's identification, else the caller's
 * number; several matches are returned for a chooser), open tickets, last contacts, open incidents in the customer's
 * district, the planned shut-off of the customer's address while callers are told of it ({@code outage}: planned in
 * its notice window, running or overrun), the customer's billing (or {@code pending} when the billing system is slow: see {@link BillingBlocks}) and
 * similar past cases (one per distinct resolution, with how many there were). Reads run in parallel.
 */
public final class CallerCards {

    static final int CONTACTS = 5;
    static final int SIMILAR = 12;
    static final int SIMILAR_SHOWN = 5;
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    private final CustomerService customers;
    private final TicketService tickets;
    private final IncidentService incidents;
    private final SearchService search;
    private final BillingBlocks billing;
    private final OutageService outages;
    private final ZoneId zone;

    public CallerCards(CustomerService customers, TicketService tickets, IncidentService incidents, SearchService search,
                       BillingBlocks billing, OutageService outages, ZoneId zone) {
        this.billing = billing;
        this.outages = outages;
        this.customers = customers;
        this.tickets = tickets;
        this.incidents = incidents;
        this.search = search;
        this.zone = zone;
    }

    /** The card for a screen pop ({@code call}, {@code customer}, {@code ivr}), as JSON; {@code ended} as given. */
    public Future<JsonObject> card(JsonObject pop, boolean ended) {
        JsonObject call = pop.getJsonObject("call", new JsonObject());
        JsonObject ivr = pop.getJsonObject("ivr", new JsonObject());
        JsonObject identified = pop.getJsonObject("customer");
        Future<List<Customer>> matches = identified != null && identified.getLong("id") != null
                ? customers.get(identified.getLong("id")).map(List::of)
                : call.getString("callerNumber") == null ? Future.succeededFuture(List.of())
                : customers.findByPhone(call.getString("callerNumber")).recover(e -> Future.succeededFuture(List.of()));
        return matches.compose(found -> {
            JsonObject card = new JsonObject().put("call", call.copy()).put("ivr", ivr.copy()).put("ended", ended)
                    .put("matches", new JsonArray(found.stream().map(Customer::toJson).toList()));
            if (found.size() != 1) {
                String text = ivr.getString("reason");
                return similar(text).map(similar -> card.put("openTickets", new JsonArray()).put("contacts", new JsonArray())
                        .put("incidents", new JsonArray()).put("similar", similar));
            }
            Customer customer = found.getFirst();
            card.put("customer", customer.toJson());
            Future<Page<Ticket>> history = tickets.list(new TicketFilter(null, null, customer.id(), null, 0, 20));
            Future<List<Incident>> nearby = customer.district() == null ? Future.succeededFuture(List.of())
                    : incidents.list(IncidentStatus.OPEN, customer.district());
            Future<JsonObject> account = billing.forCard(customer.accountNumber());
            Future<Optional<Outage>> outage = outages.announcedFor(customer.id());
            return Future.all(history, nearby, account, outage).compose(read -> {
                card.put("billing", account.result());
                outage.result().ifPresent(shutOff -> card.put("outage", outage(shutOff)));
                List<Ticket> all = history.result().items();
                List<Ticket> open = all.stream().filter(t -> !t.status().isFinal()).toList();
                card.put("openTickets", new JsonArray(open.stream().map(this::ticket).toList()));
                card.put("contacts", new JsonArray(all.stream().limit(CONTACTS).map(this::ticket).toList()));
                card.put("incidents", new JsonArray(nearby.result().stream().map(CallerCards::incident).toList()));
                String text = !open.isEmpty() ? open.getFirst().subject() + " " + nullToEmpty(open.getFirst().description())
                        : ivr.getString("reason");
                return similar(text).map(similar -> card.put("similar", similar));
            });
        });
    }

    private Future<JsonArray> similar(String text) {
        if (text == null || text.isBlank()) {
            return Future.succeededFuture(new JsonArray());
        }
        return search.similarToText(text, SIMILAR).map(CallerCards::collapse).recover(e -> Future.succeededFuture(new JsonArray()));
    }

    /** One hit per distinct resolution (the best-scored), with how many hits shared it. */
    static JsonArray collapse(List<SearchHit> hits) {
        Map<String, JsonObject> byResolution = new LinkedHashMap<>();
        for (SearchHit hit : hits) {
            String key = hit.resolution() == null ? "#" + hit.id() : hit.resolution();
            JsonObject kept = byResolution.get(key);
            // A hit the search already collapsed stands for itself and the near-duplicates it hid.
            int count = 1 + hit.alsoSeenIds().size();
            if (kept == null) {
                byResolution.put(key, new JsonObject().put("id", hit.id()).put("number", hit.number())
                        .put("subject", hit.subject()).put("resolution", hit.resolution()).put("count", count));
            } else {
                kept.put("count", kept.getInteger("count") + count);
            }
        }
        return new JsonArray(byResolution.values().stream().limit(SIMILAR_SHOWN).toList());
    }

    private JsonObject ticket(Ticket t) {
        return new JsonObject().put("id", t.id()).put("number", t.number()).put("status", t.status().code())
                .put("type", t.type().code()).put("subject", t.subject()).put("at", t.createdAt().toString())
                .put("atText", SHORT.format(t.createdAt().atZone(zone)));
    }

    private static JsonObject incident(Incident i) {
        return new JsonObject().put("id", i.id()).put("category", i.category()).put("district", i.district())
                .put("location", i.location()).put("reportCount", i.reportCount());
    }

    /** The shut-off as the card shows it: its phase now, its window in local time, its reason. */
    private JsonObject outage(Outage outage) {
        return new JsonObject().put("id", outage.id()).put("phase", outage.phase(outages.clock().instant()).code())
                .put("reason", outage.reason()).put("startsAt", outage.startsAt().toString())
                .put("endsAt", outage.endsAt().toString())
                .put("startsText", SHORT.format(outage.startsAt().atZone(zone)))
                .put("endsText", SHORT.format(outage.endsAt().atZone(zone)));
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
