package hotline.demo;

import hotline.app.TicketWork;
import hotline.auth.Principal;
import hotline.billing.BillingService;
import hotline.config.Config;
import hotline.crew.Crew;
import hotline.crew.CrewService;
import hotline.customer.CustomerService;
import hotline.customer.ImportMode;
import hotline.followup.FollowUp;
import hotline.followup.FollowUpService;
import hotline.followup.Reason;
import hotline.incident.Incident;
import hotline.incident.IncidentService;
import hotline.incident.IncidentStatus;
import hotline.ticket.Channel;
import hotline.ticket.Priority;
import hotline.ticket.Ticket;
import hotline.ticket.TicketDraft;
import hotline.ticket.TicketService;
import hotline.ticket.TicketType;
import hotline.ticket.workflow.VisitAnswers;
import hotline.ticket.workflow.WorkflowService;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The demo data of {@code --demo}: about 300 customers (Chinese and English names, every district and tier, a few
 * critical facilities) with a year of bills, payments and meter readings in the billing ledger ({@link DemoBilling}),
 * and about 3,000 past tickets of every type and status, made deterministically. What callers say
 * and how their cases end comes from the {@link CaseBook}: each ticket's story is worded once, when it is made, and
 * its later steps (crew notes, resolutions, key points, answers, follow-up comments) are told from the same story.
 * Everything goes through the real services (the customer import, the ticket service, the workflows and incidents),
 * with their clocks set to the moments of a made-up past, so events, SLA rows and incidents are what the live system
 * would have written. Loaded only into a database without tickets.
 */
public final class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    static final int CUSTOMERS = 300;
    static final int TICKETS = 3_000;
    private static final int DAYS = 120;
    /**
     * Repair reports of one category and district this close together tell of one problem: the default window in
     * which the incident capability puts them into one incident, whose resolution they then share.
     */
    private static final Duration SAME_PROBLEM = Duration.ofHours(2);

    private final DemoText text = new DemoText(20261123L);
    /** Draws the wording apart from the rest, so new phrases leave customers, times and statuses as they were. */
    private final DemoText wording = new DemoText(20261124L);
    /** Dice of their own for return-call answers, so the rest of the demo comes out as it always did. */
    private final DemoText visits = new DemoText(20261130L);
    private final CaseBook book = CaseBook.load();
    private final Map<String, Recent> recentRepairs = new HashMap<>();
    private final Map<Long, DemoCase> repairStories = new HashMap<>();
    private final DemoClock clock;
    private final Instant now;
    private final ZoneId zone;
    private final Pool pool;
    private final CustomerService customers;
    private final TicketService tickets;
    private final WorkflowService workflows;
    private final IncidentService incidents;
    private final CrewService crews;
    private final FollowUpService followUps;
    /** The reasons a dissatisfied demo customer gives: those of the programme that need no written text. */
    private final List<String> reasons;
    private final Principal agent = Principal.system("agent1");
    private final Principal supervisor = Principal.system("supervisor1");
    private final List<DemoCustomer> demoCustomers = new ArrayList<>();
    private final List<DemoBilling.Account> billingAccounts = new ArrayList<>();
    private final BillingService billing;
    private final List<Crew> demoCrews = new ArrayList<>();

    /** The case of the latest repair report in one category and district, and when it came. */
    private record Recent(CaseBook.Scenario scenario, Instant at) {
    }

    private record DemoCustomer(String account, String phone, String district, String address, long id) {
        DemoCustomer withId(long newId) {
            return new DemoCustomer(account, phone, district, address, newId);
        }
    }

    private DemoData(Config config, Vertx vertx, Pool pool, ZoneId zone, CustomerService customers,
                     BillingService billing, Clock realClock) {
        this.billing = billing;
        this.now = realClock.instant();
        this.zone = zone;
        this.clock = new DemoClock(now.minus(Duration.ofDays(DAYS)));
        this.pool = pool;
        this.customers = customers;
        // Services of their own on the demo clock; a throwaway registry keeps the live metrics about live tickets.
        this.tickets = new TicketService(vertx, pool, clock, zone, new SimpleMeterRegistry());
        TicketWork work = new TicketWork(config, vertx, pool, clock, zone, tickets);
        this.workflows = work.workflows().service();
        this.incidents = work.incidents().service();
        this.crews = work.crews().service();
        this.followUps = work.followUps().service();
        this.reasons = followUps.policy().reasons().stream().filter(reason -> !reason.text()).map(Reason::code).toList();
    }

    /** Loads the demo data unless the database already has tickets; completes when everything is stored. */
    public static Future<Void> loadOnce(Config config, Vertx vertx, Pool pool, ZoneId zone, CustomerService customers,
                                        BillingService billing, Clock realClock) {
        return pool.query("SELECT (SELECT count(*) FROM ticket_facts) + (SELECT count(*) FROM customers)").execute()
                .compose(rows -> {
                    if (rows.iterator().next().getLong(0) > 0) {
                        log.info("Demo data: the database already has customers or tickets; nothing loaded");
                        return Future.succeededFuture();
                    }
                    long started = System.nanoTime();
                    DemoData demo = new DemoData(config, vertx, pool, zone, customers, billing, realClock);
                    return demo.load().onSuccess(done -> log.info(
                            "Demo data loaded: {} customers, {} tickets in {} s", CUSTOMERS, TICKETS,
                            (System.nanoTime() - started) / 1_000_000_000));
                });
    }

    private Future<Void> load() {
        return importCustomers()
                .compose(done -> importBilling())
                .compose(done -> createCrews())
                .compose(done -> sequentially(TICKETS, n -> ticket(n).compose(v -> n % 50 == 49
                        ? settleIncidents(clock.instant()) : Future.succeededFuture())))
                .compose(done -> settleIncidents(now))
                .compose(done -> workThroughReturnCalls());
    }

    private Future<Void> importCustomers() {
        StringBuilder csv = new StringBuilder(
                "accountNumber,name,phones,address,district,waterUse,kind,tier,criticalFacility,criticalReason,"
                        + "monthlyConsumption,notes\n");
        for (int i = 0; i < CUSTOMERS; i++) {
            String[] district = text.district();
            String account = account(i);
            String phone = text.mobile();
            String phones = text.chance(0.3) ? phone + ";" + text.landline() : phone;
            String address = text.address(district);
            String[] organisation = i % 12 == 0 ? organisation(i / 12, district) : null;
            String name = organisation != null ? organisation[0] : text.chance(0.08) ? text.englishName()
                    : text.chineseName();
            String waterUse = organisation != null ? organisation[1] : text.chance(0.1) ? "commercial" : "residential";
            String kind = organisation != null ? "organisation" : "individual";
            String critical = organisation != null ? organisation[2] : i % 50 == 7 ? "home_dialysis" : "";
            String consumption = organisation != null ? organisation[3]
                    : Integer.toString(text.chance(0.1) ? 1 + text.nextInt(2) : 5 + text.nextInt(30));
            String tier = i % 97 == 3 ? "key" : "";
            csv.append(String.join(",", account, quote(name), phones, quote(address), district[0], waterUse, kind,
                    tier, critical.isEmpty() ? "false" : "true", critical, consumption,
                    critical.equals("home_dialysis") ? "居家透析，停水需优先保障" : "")).append('\n');
            demoCustomers.add(new DemoCustomer(account, phone, district[0], address, 0));
            billingAccounts.add(new DemoBilling.Account(i, account, waterUse, Integer.parseInt(consumption)));
        }
        StringReader file = new StringReader(csv.toString());
        return customers.importCsv(file, ImportMode.ALL, Principal.system("demo")).compose(report -> {
            if (!report.errors().isEmpty()) {
                return Future.failedFuture("demo customers did not import: " + report.errors());
            }
            return sequentially(demoCustomers.size(), i -> customers.findByAccount(demoCustomers.get(i).account())
                    .map(found -> {
                        demoCustomers.set(i, demoCustomers.get(i).withId(found.orElseThrow().id()));
                        return null;
                    }));
        });
    }

    /** The account number of demo customer {@code i}. */
    static String account(int i) {
        return "88" + String.format("%08d", 10_000 + i * 37);
    }

    /** The customers' bills, payments and readings, loaded as the CIS's export into the billing ledger. */
    private Future<Void> importBilling() {
        String export = new DemoBilling(LocalDate.ofInstant(now, zone)).export(billingAccounts);
        return billing.importLedger(new StringReader(export), Principal.system("demo")).compose(report ->
                report.errorCount() == 0 ? Future.succeededFuture()
                        : Future.failedFuture("demo billing did not import: " + report.errors()));
    }

    /** Name, water use, critical reason (empty: none) and monthly consumption of organisation number {@code n}. */
    private static String[] organisation(int n, String[] district) {
        String place = district[1].replace("片区", "");
        return switch (n % 6) {
            case 0 -> new String[] {place + "第一人民医院", "public", "hospital", "1800"};
            case 1 -> new String[] {place + "实验小学", "public", "school", "420"};
            case 2 -> new String[] {place + "消防救援站", "public", "fire_service", "150"};
            case 3 -> new String[] {place + "纺织印染厂", "industrial", "", "2600"};
            case 4 -> new String[] {"Riverside Hotel " + district[2], "commercial", "", "2400"};
            default -> new String[] {place + "颐养院", "public", "care_home", "380"};
        };
    }

    private Future<Void> createCrews() {
        return sequentially(DemoText.DISTRICTS.size() * 2, i -> {
            String[] district = DemoText.DISTRICTS.get(i / 2);
            return crews.create(district[1].replace("片区", "") + "抢修" + (i % 2 + 1) + "班", district[0],
                    "0571" + (88_000_000 + i), true).map(crew -> {
                        demoCrews.add(crew);
                        return null;
                    });
        });
    }

    /** Ticket {@code n}: created at its moment in the past and moved through its workflow as far as its age allows. */
    private Future<Void> ticket(int n) {
        Instant at = now.minus(Duration.ofMinutes((long) (DAYS * 24 * 60) * (TICKETS - n) / TICKETS))
                .plusSeconds(text.nextInt(600));
        clock.set(at);
        DemoCustomer customer = text.chance(0.8) ? text.pick(demoCustomers) : null;
        boolean english = text.chance(0.15);
        int roll = text.nextInt(100);
        TicketType type = roll < 45 ? TicketType.REPAIR : roll < 60 ? TicketType.COMPLAINT : roll < 85
                ? TicketType.INQUIRY : roll < 90 ? TicketType.SUGGESTION : TicketType.HELP;
        String district = customer != null ? customer.district() : text.district()[0];
        DemoCase story = story(type, district, at, english);
        String category = story.category();
        String location = customer != null ? customer.address() : text.address(districtRow(district));
        Channel channel = text.chance(0.6) ? Channel.PHONE : text.chance(0.5) ? Channel.IVR
                : text.chance(0.7) ? Channel.WEB : Channel.WALK_IN;
        boolean urgent = type == TicketType.REPAIR && "burst_main".equals(category) && text.chance(0.5);
        TicketDraft draft = new TicketDraft(type, channel, urgent ? Priority.HIGH : null, urgent,
                customer == null ? null : customer.id(), customer != null ? customer.phone() : text.mobile(),
                story.text("subject"), story.text("statement"), location, district, category, new JsonObject());
        double age = Duration.between(at, now).toHours() / 24.0;
        return tickets.create(draft, channel == Channel.IVR ? Principal.system("ivr") : agent, Optional.empty())
                .compose(ticket -> switch (type) {
                    case COMPLAINT -> complaintSteps(ticket, story, age);
                    case REPAIR -> {
                        repairStories.put(ticket.id(), story);
                        yield text.chance(0.03) ? step(ticket, "cancel", new JsonObject().put("reason", "duplicate")
                                .put("note", story.text("duplicate")), Duration.ofMinutes(5))
                                : Future.succeededFuture();
                    }
                    case INQUIRY -> age > 1 || text.chance(0.5) ? step(ticket, "answer",
                            new JsonObject().put("answer", story.text("answer")), Duration.ofMinutes(20))
                            : Future.succeededFuture();
                    default -> age > 1 || text.chance(0.5) ? step(ticket, "close",
                            new JsonObject().put("note", story.text("note")), Duration.ofMinutes(20))
                            : Future.succeededFuture();
                });
    }

    /**
     * The story of a new ticket. A repair report close after another of its category and district retells that one's
     * case in its own words: the two will be one incident and share its resolution.
     */
    private DemoCase story(TicketType type, String district, Instant at, boolean english) {
        CaseBook.Scenario scenario = book.pick(type, at.atZone(zone).getMonth(), wording);
        if (type == TicketType.REPAIR) {
            String place = scenario.category() + "|" + district;
            Recent recent = recentRepairs.get(place);
            if (recent != null && !at.isAfter(recent.at().plus(SAME_PROBLEM))) {
                scenario = recent.scenario();
            }
            recentRepairs.put(place, new Recent(scenario, at));
        }
        return DemoCase.write(scenario, english, wording);
    }

    private static String[] districtRow(String code) {
        return DemoText.DISTRICTS.stream().filter(d -> d[0].equals(code)).findFirst().orElseThrow();
    }

    /** A complaint goes as far through the four steps as its age (and its luck) allows. */
    private Future<Void> complaintSteps(Ticket ticket, DemoCase story, double ageDays) {
        int stages = ageDays > 14 ? 4 : text.nextInt(5);
        Future<Void> done = Future.succeededFuture();
        if (stages >= 1) {
            String mood = text.pick("calm", "emotional", "stubborn", "prepared");
            done = done.compose(v -> step(ticket, "vent", new JsonObject()
                    .put("statement", ticket.description()).put("mood", mood).put("feelingsAcknowledged", true),
                    Duration.ofMinutes(8)));
        }
        if (stages >= 2) {
            Duration before = Duration.ofHours(6 + text.nextInt(90));
            done = done.compose(v -> step(ticket, "record", new JsonObject()
                    .put("complainant", story.text("complainant"))
                    .put("aboutKind", story.code("aboutKind"))
                    .put("about", story.text("about"))
                    .put("whatHappened", story.text("whatHappened"))
                    .put("happenedAt", ticket.createdAt().minus(before).toString())
                    .put("wantedOutcome", story.text("wantedOutcome"))
                    .put("contact", story.text("contact"))
                    .put("founded", story.code("founded"))
                    .put("foundedReason", story.text("foundedReason")),
                    Duration.ofMinutes(10)));
        }
        if (stages >= 3) {
            done = done.compose(v -> step(ticket, "resolve", new JsonObject()
                    .put("solution", story.text("solution"))
                    .put("owner", story.text("owner")).put("accepted", true), Duration.ofHours(26)));
        }
        if (stages >= 4) {
            done = done.compose(v -> step(ticket, "follow_up", visitAnswers(story.text("satisfied"),
                    story.text("unhappy")), Duration.ofDays(3)));
        }
        return done;
    }

    /**
     * A return call's answers: the overall, and speed, attitude and result near it; a dissatisfied customer (one in
     * ten) gives a reason.
     */
    private JsonObject visitAnswers(String satisfied, String unhappy) {
        int satisfaction = text.chance(0.1) ? 2 : 3 + text.nextInt(3);
        JsonObject answers = new JsonObject().put("satisfaction", satisfaction)
                .put("comment", satisfaction >= 3 ? satisfied : unhappy);
        for (String indicator : VisitAnswers.INDICATORS) {
            answers.put(indicator, Math.clamp(satisfaction + visits.nextInt(3) - 1, 1, 5));
        }
        return satisfaction <= VisitAnswers.DISSATISFIED_UP_TO && !reasons.isEmpty()
                ? answers.put("reasons", new JsonArray().add(visits.pick(reasons))) : answers;
    }

    /**
     * The return calls due more than two days before now are made, each soon after it fell due, as the hotline works
     * through its list (a page of the earliest at a time): about one customer in eight is not reached in the
     * programme's attempts two hours apart, the others answer. The calls due since stay on the agents' lists.
     */
    private Future<Void> workThroughReturnCalls() {
        clock.set(now.minus(Duration.ofDays(2)));
        return followUps.list(FollowUpService.Due.OVERDUE, null).compose(due -> due.isEmpty() ? Future.succeededFuture()
                : sequentially(due.size(), i -> returnCall(due.get(i))).compose(done -> workThroughReturnCalls()));
    }

    private Future<?> returnCall(FollowUp call) {
        clock.set(call.dueAt().plus(Duration.ofMinutes(5 + visits.nextInt(120))));
        if (!visits.chance(0.12)) {
            return followUps.recordOutcome(call.id(), visitAnswers("都处理好了，谢谢", "问题还在"), agent);
        }
        return sequentially(followUps.policy().unreachableAfterAttempts(), attempt -> {
            clock.set(clock.instant().plus(Duration.ofHours(2)));
            return followUps.recordOutcome(call.id(), new JsonObject().put("outcome", "unreachable"), agent);
        });
    }

    /** Moves the clock on by {@code after} and performs {@code action} on the ticket as it is now. */
    private Future<Void> step(Ticket ticket, String action, JsonObject fields, Duration after) {
        clock.set(clock.instant().plus(after));
        return workflows.transition(ticket.id(), action, fields, agent, Channel.PHONE, null).mapEmpty();
    }

    /** Every open incident settles as far as {@code horizon} allows (the list holds the newest 200 incidents). */
    private Future<Void> settleIncidents(Instant horizon) {
        Instant resume = clock.instant();
        return incidents.list(IncidentStatus.OPEN, null)
                .compose(open -> sequentially(open.size(), i -> settle(open.get(i), horizon)))
                .onComplete(done -> clock.set(resume));
    }

    /**
     * An incident is dispatched two hours after its last report; its crew arrives, repairs and has the first report
     * confirmed; two days after the last report the incident closes with all its reports. Only steps before
     * {@code horizon} happen.
     */
    private Future<Void> settle(Incident incident, Instant horizon) {
        Instant quiet = incident.lastReportAt();
        if (quiet.plus(Duration.ofHours(2)).isAfter(horizon)) {
            return Future.succeededFuture();
        }
        Future<Void> done = Future.succeededFuture();
        if (incident.crewId() == null) {
            Crew crew = demoCrews.stream().filter(c -> c.district().equals(incident.district())).findFirst()
                    .orElse(demoCrews.getFirst());
            clock.set(quiet.plus(Duration.ofHours(2)));
            done = incidents.dispatch(incident.id(), crew.id(), quiet.plus(Duration.ofHours(3)).toString(),
                    supervisor).mapEmpty();
        }
        long first = incident.firstTicketId();
        DemoCase story = repairStories.get(first);
        if (story == null) {
            return Future.failedFuture(new IllegalStateException("incident " + incident.id()
                    + " starts with ticket " + first + ", which the demo did not make"));
        }
        done = onFirstReport(done, first, "dispatched", "arrive", new JsonObject(), quiet.plus(Duration.ofHours(5)),
                horizon);
        done = onFirstReport(done, first, "on_site", "complete", new JsonObject()
                .put("cause", story.text("cause")).put("workDone", story.text("work")),
                quiet.plus(Duration.ofHours(20)), horizon);
        done = onFirstReport(done, first, "repaired", "verify", new JsonObject().put("confirmedBy", "customer")
                .put("comment", story.text("verify")), quiet.plus(Duration.ofHours(30)), horizon);
        if (quiet.plus(Duration.ofHours(48)).isAfter(horizon)) {
            return done;
        }
        return done.compose(v -> {
            clock.set(quiet.plus(Duration.ofHours(48)));
            return incidents.close(incident.id(), story.text("resolution"), null, supervisor).mapEmpty();
        });
    }

    /** Performs {@code action} on the incident's first report at {@code at} when it is in {@code status} by then. */
    private Future<Void> onFirstReport(Future<Void> before, long ticketId, String status, String action,
                                       JsonObject fields, Instant at, Instant horizon) {
        if (at.isAfter(horizon)) {
            return before;
        }
        return before.compose(v -> tickets.get(ticketId)).compose(view -> {
            if (!view.ticket().status().code().equals(status)) {
                return Future.succeededFuture();
            }
            clock.set(at);
            return workflows.transition(ticketId, action, fields, agent, Channel.PHONE, null).mapEmpty();
        });
    }

    /** Runs {@code work(0) .. work(count-1)} one after another (the demo clock is shared). */
    private static Future<Void> sequentially(int count, java.util.function.IntFunction<Future<?>> work) {
        Future<Void> chain = Future.succeededFuture();
        for (int i = 0; i < count; i++) {
            int index = i;
            chain = chain.compose(v -> work.apply(index).mapEmpty());
        }
        return chain;
    }

    private static String quote(String cell) {
        return "\"" + cell.replace("\"", "\"\"") + "\"";
    }
}
