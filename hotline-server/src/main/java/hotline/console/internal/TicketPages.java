package hotline.console.internal;

import hotline.auth.Role;
import hotline.auth.SessionService;
import hotline.common.Code;
import hotline.common.InvalidInputException;
import hotline.crew.Crew;
import hotline.crew.CrewService;
import hotline.followup.VisitPolicy;
import hotline.incident.Incident;
import hotline.incident.IncidentService;
import hotline.search.SearchService;
import hotline.sla.Teams;
import hotline.ticket.Channel;
import hotline.ticket.Ticket;
import hotline.ticket.TicketDraft;
import hotline.ticket.TicketService;
import hotline.ticket.TicketType;
import hotline.ticket.TicketViewExtension;
import hotline.ticket.workflow.RepairCategory;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The ticket pages of the console:
 * <ul>
 *   <li>{@code GET /tickets/new[?bill=yyyy-MM|?leak]}: the form of a new ticket, prefilled from the agent's current
 *   call (caller, customer, IVR findings; a complaint about a bill of the card, or a repair of a possible leak after
 *   the meter: see {@link BillingPrefill}), drawn into the desk's work area;</li>
 *   <li>{@code POST /tickets}: creates it through the {@link TicketService} under the draft's idempotency key (a
 *   double click makes one ticket), notes it on the current call for the wrap-up, answers its work panel;</li>
 *   <li>{@code GET /tickets/{id}}: the ticket page; {@code GET /tickets/{id}/work[?since=instant]}: the work panel of
 *   the current step (with what others changed since then);</li>
 *   <li>{@code GET /tickets/{id}/incident?category=}: the incident a repair report would join;
 *   {@code POST /console/similar}: past cases like the text being typed.</li>
 * </ul>
 * The work panel is drawn from the ticket's {@code workflow} (allowed actions and their fields) exactly as
 * {@code GET /api/tickets/{id}} returns it; the browser sends actions to {@code POST /api/tickets/{id}/transitions}.
 */
public final class TicketPages implements Handler<Router> {

    private static final int SIMILAR = 12;

    private final SessionService sessions;
    private final TicketService tickets;
    private final List<TicketViewExtension> views;
    private final IncidentService incidents;
    private final CrewService crews;
    private final SearchService search;
    private final CurrentCalls calls;
    private final Desk desk;
    private final TicketWatch watch;
    private final Templates templates;
    private final Assets assets;
    private final TicketModels models;
    private final PageKit kit;
    /** The return-visit programme: the reasons a complaint's follow_up action offers. */
    private final VisitPolicy visits;

    public TicketPages(SessionService sessions, TicketService tickets, List<TicketViewExtension> views,
                       IncidentService incidents, CrewService crews, SearchService search, CurrentCalls calls, Desk desk,
                       TicketWatch watch, Templates templates, Assets assets, java.time.Clock clock, java.time.ZoneId zone,
                       Teams teams, VisitPolicy visits) {
        this.sessions = sessions;
        this.tickets = tickets;
        this.views = List.copyOf(views);
        this.incidents = incidents;
        this.crews = crews;
        this.search = search;
        this.calls = calls;
        this.desk = desk;
        this.watch = watch;
        this.templates = templates;
        this.assets = assets;
        this.models = new TicketModels(clock, zone, teams);
        this.kit = new PageKit(sessions, templates, assets);
        this.visits = visits;
    }

    @Override
    public void handle(Router router) {
        Handler<RoutingContext> agent = kit.only(Role.AGENT);
        Handler<RoutingContext> forms = kit.forms();
        kit.page(router.get("/tickets/new"), agent, this::newTicket);
        kit.page(router.post("/tickets"), forms, agent, this::create);
        kit.page(router.getWithRegex("/tickets/(?<id>[0-9]{1,18})"), agent, this::ticketPage);
        kit.page(router.getWithRegex("/tickets/(?<id>[0-9]{1,18})/work"), agent, this::work);
        kit.page(router.getWithRegex("/tickets/(?<id>[0-9]{1,18})/incident"), agent, this::incident);
        kit.page(router.post("/console/similar"), forms, agent, this::similar);
    }

    private void newTicket(RoutingContext ctx) {
        Viewer viewer = Viewer.of(ctx);
        Map<String, Object> model = viewer.model(assets);
        model.put("types", Code.codes(TicketType.class));
        model.put("idempotencyKey", UUID.randomUUID().toString());
        Optional<CurrentCalls.CurrentCall> current = calls.of(viewer.principal().id());
        Future<JsonObject> card = current.map(desk::card).orElse(Future.succeededFuture(null));
        card.onFailure(ctx::fail).onSuccess(found -> {
            if (found != null) {
                model.put("card", Models.plain(found));
                model.put("suggested", suggestedType(found.getJsonObject("ivr", new JsonObject())));
                BillingPrefill.of(found.getJsonObject("billing"), ctx.request().getParam("bill"),
                        ctx.request().getParam("leak") != null, viewer.lang()).ifPresent(prefill -> model.put("prefill", prefill));
            }
            PageKit.html(ctx, templates.render("fragments/new-ticket.ftlh", model));
        });
    }

    /** The type the IVR's findings point to: a leak or repair path a repair, a complaint path a complaint. */
    static String suggestedType(JsonObject ivr) {
        String path = ivr.getString("path", "") + " " + ivr.getString("reason", "");
        if (path.contains("repair") || path.contains("leak")) {
            return TicketType.REPAIR.code();
        }
        return path.contains("complaint") ? TicketType.COMPLAINT.code() : TicketType.INQUIRY.code();
    }

    private void create(RoutingContext ctx) {
        Viewer viewer = Viewer.of(ctx);
        var form = ctx.request().formAttributes();
        TicketDraft draft;
        try {
            draft = new TicketDraft(Code.parse(TicketType.class, form.get("type"))
                    .orElseThrow(() -> new InvalidInputException("type", "choose a ticket type")),
                    Channel.PHONE, null, "on".equals(form.get("urgent")), customerId(form.get("customerId")),
                    blankToNull(form.get("callerNumber")), form.get("subject"), form.get("description"),
                    form.get("location"), form.get("district"), blankToNull(form.get("category")),
                    BillingPrefill.details(form));
        } catch (InvalidInputException invalid) {
            fieldError(ctx, invalid);
            return;
        }
        tickets.create(draft, viewer.principal(), Optional.ofNullable(blankToNull(form.get("idempotencyKey"))))
                .compose(ticket -> {
                    String uniqueid = form.get("uniqueid");
                    Optional<CurrentCalls.CurrentCall> call = calls.of(viewer.principal().id())
                            .filter(current -> current.uniqueid().equals(uniqueid));
                    call.filter(current -> !current.tickets().contains(ticket.number()))
                            .ifPresent(current -> calls.ticketMade(viewer.principal().id(), ticket.number()));
                    Future<String> wrapUp = calls.of(viewer.principal().id()).filter(c -> call.isPresent())
                            .map(current -> desk.card(current).map(card -> desk.wrapUpOutOfBand(viewer, card)))
                            .orElse(Future.succeededFuture(""));
                    return workPanel(ticket.id(), viewer, null).compose(panel -> wrapUp.map(oob -> panel + oob));
                })
                .onSuccess(body -> PageKit.html(ctx, body))
                .onFailure(e -> {
                    if (e instanceof InvalidInputException invalid) {
                        fieldError(ctx, invalid);
                    } else {
                        ctx.fail(e);
                    }
                });
    }

    private void ticketPage(RoutingContext ctx) {
        Viewer viewer = Viewer.of(ctx);
        long id = id(ctx);
        watch.watch(viewer.principal().id(), id);
        Future<Map<String, Object>> model = ticketModel(id, viewer, null);
        Future<JsonArray> similar = search.similarTo(id, SIMILAR, true).map(CallerCards::collapse)
                .recover(e -> Future.succeededFuture(new JsonArray()));
        Future.all(model, similar).onFailure(ctx::fail).onSuccess(both -> {
            Map<String, Object> page = model.result();
            page.putAll(viewer.model(assets));
            page.put("similar", Models.plain(new JsonObject().put("list", similar.result())).get("list"));
            PageKit.html(ctx, templates.render("ticket.ftlh", page));
        });
    }

    private void work(RoutingContext ctx) {
        Viewer viewer = Viewer.of(ctx);
        long id = id(ctx);
        watch.watch(viewer.principal().id(), id);
        Instant since;
        try {
            String raw = ctx.request().getParam("since");
            since = raw == null || raw.isBlank() ? null : Instant.parse(raw);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("since", "must be an ISO-8601 instant");
        }
        workPanel(id, viewer, since).onSuccess(body -> PageKit.html(ctx, body)).onFailure(ctx::fail);
    }

    private void incident(RoutingContext ctx) {
        Viewer viewer = Viewer.of(ctx);
        String category = ctx.request().getParam("category", "");
        Map<String, Object> model = viewer.model(assets);
        if (Code.parse(RepairCategory.class, category).isEmpty()) {
            PageKit.html(ctx, templates.render("fragments/would-join.ftlh", model));
            return;
        }
        tickets.get(id(ctx))
                .compose(view -> incidents.wouldJoin(category, view.ticket().district(), view.ticket().location()))
                .onFailure(ctx::fail)
                .onSuccess(found -> {
                    model.put("category", category);
                    found.map(Incident::toJson).map(Models::plain).ifPresent(incident -> model.put("incident", incident));
                    PageKit.html(ctx, templates.render("fragments/would-join.ftlh", model));
                });
    }

    private void similar(RoutingContext ctx) {
        Viewer viewer = Viewer.of(ctx);
        String text = ctx.request().formAttributes().entries().stream()
                .filter(entry -> !Csrf.FIELD.equals(entry.getKey())).map(Map.Entry::getValue)
                .collect(Collectors.joining(" ")).strip();
        Map<String, Object> model = viewer.model(assets);
        Future<JsonArray> found = text.isEmpty() ? Future.succeededFuture(new JsonArray())
                : search.similarToText(text.length() > 2000 ? text.substring(0, 2000) : text, SIMILAR)
                .map(CallerCards::collapse).recover(e -> Future.succeededFuture(new JsonArray()));
        found.onSuccess(list -> {
            model.put("similar", Models.plain(new JsonObject().put("list", list)).get("list"));
            PageKit.html(ctx, templates.render("fragments/similar.ftlh", model));
        });
    }

    private Future<String> workPanel(long id, Viewer viewer, Instant since) {
        return ticketModel(id, viewer, since).map(model -> {
            model.putAll(viewer.model(assets));
            return templates.render("fragments/ticket-work.ftlh", model);
        });
    }

    /** The ticket as the API shows it, turned into the model of the ticket templates, with crews and incident. */
    private Future<Map<String, Object>> ticketModel(long id, Viewer viewer, Instant since) {
        return tickets.get(id).compose(view -> {
            Future<JsonObject> json = Future.succeededFuture(view.toJson());
            for (TicketViewExtension extension : views) {
                json = json.compose(body -> extension.extend(view.ticket()).map(body::mergeIn));
            }
            Ticket ticket = view.ticket();
            Future<List<Crew>> crewList = ticket.type() == TicketType.REPAIR ? crews.list() : Future.succeededFuture(List.of());
            Future<Optional<Incident>> incident = ticket.type() == TicketType.REPAIR ? incidents.ofTicket(id)
                    : Future.succeededFuture(Optional.empty());
            Future<JsonObject> body = json;
            return Future.all(body, crewList, incident).map(all -> {
                Map<String, Object> model = models.of(body.result(), viewer, since);
                model.put("crews", crewList.result().stream().map(crew -> Models.plain(crew.toJson())).toList());
                model.put("categories", Code.codes(RepairCategory.class));
                model.put("codeChoices", Map.of("reasons", visits.reasons().stream().map(reason -> Map.of(
                        "code", reason.code(), "label", reason.label(viewer.lang().code()))).toList()));
                incident.result().map(Incident::toJson).map(Models::plain).ifPresent(i -> model.put("incident", i));
                return model;
            });
        });
    }

    private static long id(RoutingContext ctx) {
        return Long.parseLong(ctx.pathParam("id"));
    }

    private static Long customerId(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(raw);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("customerId", "must be a customer id");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** A refused form field as the API says it ({@code {"error","field"}}, 422), so the page names the field. */
    private static void fieldError(RoutingContext ctx, InvalidInputException invalid) {
        ctx.response().setStatusCode(422).putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("error", invalid.getMessage()).put("field", invalid.field()).encode());
    }
}
