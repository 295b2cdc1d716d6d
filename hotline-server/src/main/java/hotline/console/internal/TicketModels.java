package hotline.console.internal;

import hotline.auth.Role;
import hotline.common.Code;
import hotline.sla.Teams;
import hotline.ticket.workflow.Assignee;
import hotline.ticket.workflow.Assignment;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a ticket as {@code GET /api/tickets/{id}} answers it (with {@code events}, {@code workflow}, {@code sla}) into
 * what the ticket templates draw: times as text in the utility's zone, the SLA deadlines with their state, the steps
 * done, the forms of the allowed actions the viewer's role may perform with their fields, who a reassignment gave the
 * ticket to (a team by its label), and what others changed since a given moment. Pure.
 */
final class TicketModels {

    /** A deadline this close is shown as a warning. */
    static final Duration WARN_BEFORE = Duration.ofMinutes(30);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final Set<String> NOT_STEPS = Set.of("created", "updated");

    private final Clock clock;
    private final ZoneId zone;
    private final Teams teams;

    TicketModels(Clock clock, ZoneId zone, Teams teams) {
        this.clock = clock;
        this.zone = zone;
        this.teams = teams;
    }

    /** The model of {@code ticket} for {@code viewer}; {@code since} (may be null) asks for the changes after it. */
    Map<String, Object> of(JsonObject ticket, Viewer viewer, Instant since) {
        Map<String, Object> model = new HashMap<>();
        Map<String, Object> t = Models.plain(ticket);
        t.put("createdText", text(ticket.getString("createdAt")));
        model.put("t", t);
        model.put("events", events(ticket.getJsonArray("events", new JsonArray()), viewer.lang()));
        model.put("done", done(ticket.getJsonArray("events", new JsonArray())));
        model.put("actions", actions(ticket.getJsonObject("workflow", new JsonObject()), viewer.principal().role()));
        model.put("sla", sla(ticket.getJsonObject("sla")));
        JsonObject details = ticket.getJsonObject("details", new JsonObject());
        model.put("level", details.getJsonObject("escalation", new JsonObject()).getString("level", "agent"));
        String mood = details.getJsonObject("vent", new JsonObject()).getString("mood");
        if (mood != null) {
            model.put("mood", mood);
        }
        String caller = ticket.getString("callerNumber");
        model.put("prefill", Map.of("contact", caller == null ? "" : caller, "owner", viewer.principal().displayName()));
        if (since != null) {
            model.put("changes", changes(ticket.getJsonArray("events", new JsonArray()), since, viewer.lang()));
        }
        return model;
    }

    private List<Map<String, Object>> events(JsonArray events, Lang lang) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (int i = events.size() - 1; i >= 0; i--) {
            JsonObject event = events.getJsonObject(i);
            Map<String, Object> e = Models.plain(event);
            e.put("atText", text(event.getString("at")));
            // details.<step> is the step's own data, shown by the action's name; the plain fields are named.
            e.put("changed", event.getJsonObject("changes", new JsonObject()).fieldNames().stream()
                    .filter(name -> !name.startsWith("details")).sorted().toList());
            if (event.getJsonObject("data", new JsonObject()).getValue(Assignment.KEY) instanceof JsonObject given) {
                e.put("assignment", assignment(given, lang));
            }
            list.add(e);
        }
        return list;
    }

    /** The workflow actions performed so far, oldest first (the steps behind the ticket). */
    private static List<String> done(JsonArray events) {
        List<String> done = new ArrayList<>();
        events.forEach(item -> {
            String action = ((JsonObject) item).getString("action");
            if (!NOT_STEPS.contains(action)) {
                done.add(action);
            }
        });
        return done;
    }

    /** A reassignment's {@code from} (absent while nobody was named), {@code to} and {@code reason} as shown. */
    private Map<String, Object> assignment(JsonObject given, Lang lang) {
        Map<String, Object> shown = new HashMap<>();
        if (given.getValue("from") instanceof String from) {
            shown.put("from", ownerText(from, lang));
        }
        shown.put("to", ownerText(given.getString("to", ""), lang));
        shown.put("reason", given.getString("reason", ""));
        return shown;
    }

    /** A user by user name (as the timeline names actors), a team by its label. */
    private String ownerText(String key, Lang lang) {
        Assignee owner = Assignee.ofKey(key);
        return owner.team() ? teams.find(owner.name()).map(team -> team.label(lang.code())).orElse(owner.name())
                : owner.name();
    }

    /**
     * One form per allowed action the {@code role} may perform, in the workflow's order, each with its fields as the
     * workflow describes them.
     */
    private static List<Map<String, Object>> actions(JsonObject workflow, Role role) {
        JsonObject required = workflow.getJsonObject("requiredFields", new JsonObject());
        JsonObject roles = workflow.getJsonObject("roles", new JsonObject());
        List<Map<String, Object>> actions = new ArrayList<>();
        workflow.getJsonArray("allowedActions", new JsonArray()).forEach(action -> {
            if (!role.includes(Code.parse(Role.class, roles.getString((String) action)).orElse(Role.AGENT))) {
                return;
            }
            Map<String, Object> form = new LinkedHashMap<>();
            form.put("name", action);
            List<Object> fields = new ArrayList<>();
            required.getJsonArray((String) action, new JsonArray()).forEach(field -> fields.add(Models.plain((JsonObject) field)));
            form.put("fields", fields);
            actions.add(form);
        });
        return actions;
    }

    private Map<String, Object> sla(JsonObject sla) {
        if (sla == null) {
            return null;
        }
        Map<String, Object> model = new HashMap<>();
        model.put("rule", sla.getString("rule"));
        model.put("firstResponse", deadline(sla.getString("firstResponseDue"), sla.getBoolean("responded", false)));
        model.put("resolution", deadline(sla.getString("resolutionDue"), sla.getBoolean("resolved", false)));
        model.put("level", sla.getString("level"));
        return model;
    }

    private Map<String, Object> deadline(String due, boolean met) {
        Instant at = Instant.parse(due);
        Instant now = clock.instant();
        String state = met ? "met" : now.isAfter(at) ? "breached" : now.plus(WARN_BEFORE).isAfter(at) ? "warning" : "on_time";
        return Map.of("due", due, "dueText", text(due), "state", state);
    }

    /** Events after {@code since}, newest first: what someone else did while the agent was typing. */
    private List<Map<String, Object>> changes(JsonArray events, Instant since, Lang lang) {
        return events(events, lang).stream().filter(e -> Instant.parse((String) e.get("at")).isAfter(since)).toList();
    }

    String text(String instant) {
        return instant == null ? "" : TIME.format(Instant.parse(instant).atZone(zone));
    }
}
