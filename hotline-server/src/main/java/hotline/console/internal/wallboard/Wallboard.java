package hotline.console.internal.wallboard;

import hotline.console.internal.AgentStates;
import hotline.console.internal.Models;
import hotline.incident.IncidentService;
import hotline.incident.IncidentStatus;
import hotline.surveillance.QualityAlert;
import hotline.surveillance.QualityAlerts;
import hotline.telephony.TelephonyModule;
import hotline.telephony.callback.CallbackSummary;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the wallboard shows, gathered from the capabilities that own it — the queue board with today's figures and the
 * agents (telephony), callbacks still to make (telephony), open incidents, water-quality alerts of the last
 * {@value #ALERT_HOURS} hours (surveillance) — and judged against the {@link Thresholds}: a template model of plain
 * maps, the same for the wallboard, the TV view and their live updates. The reads other than the queue board are
 * shared for {@value #EXTRAS_MS} ms, so many open boards cost the database no more than one. {@code link} says whether
 * this instance holds the AMI link: on a standby the calls waiting and the agents' states are on the instance that
 * does (unless clustered: then {@code shared}, the holder's board is shown here too), while today's figures, read
 * from the call records, are the same everywhere. Thread-safe.
 */
public final class Wallboard {

    static final int ALERT_HOURS = 24;
    static final long EXTRAS_MS = 2_000;
    /** Agent states in the order the board groups them. */
    static final List<String> STATES = List.of("available", "ringing", "in_call", "wrap_up", "paused", "unavailable",
            "logged_out");

    private final TelephonyModule telephony;
    private final IncidentService incidents;
    private final QualityAlerts alerts;
    private final Thresholds thresholds;
    private final ZoneId zone;
    private volatile Future<Map<String, Object>> extras;
    private volatile long extrasAt;

    public Wallboard(TelephonyModule telephony, IncidentService incidents, QualityAlerts alerts, Thresholds thresholds,
                     ZoneId zone) {
        this.telephony = telephony;
        this.incidents = incidents;
        this.alerts = alerts;
        this.thresholds = thresholds;
        this.zone = zone;
    }

    /**
     * The board as of now: {@code at}, {@code zone} (the hotline's, for clocks), {@code link} (connected, standby, down,
     * shared or none), {@code queues}, {@code agentStates}, {@code hourly}, {@code callbacks}, ...
     */
    public Future<Map<String, Object>> model() {
        JsonObject board = telephony.queueBoard();
        return telephony.agents().compose(agents -> extras().map(more -> {
            Map<String, Object> model = new LinkedHashMap<>(more);
            model.put("at", board.getString("at"));
            model.put("zone", zone.getId());
            model.put("link", telephony.boardSource());
            List<Map<String, Object>> queues = new ArrayList<>();
            board.getJsonArray("queues").forEach(queue -> queues.add(queue((JsonObject) queue)));
            model.put("queues", queues);
            model.put("agentStates", byState(agents));
            model.put("agents", agents(agents));
            model.put("hourly", hourly(board.getJsonObject("callsPerHour")));
            return model;
        }));
    }

    private Future<Map<String, Object>> extras() {
        long now = System.currentTimeMillis();
        Future<Map<String, Object>> cached = extras;
        if (cached != null && now - extrasAt < EXTRAS_MS && !cached.failed()) {
            return cached;
        }
        Future<CallbackSummary> callbacks = telephony.callbackSummary();
        Future<Integer> open = incidents.list(IncidentStatus.OPEN, null).map(List::size);
        Future<List<QualityAlert>> recent = alerts.recent(ALERT_HOURS);
        Future<Map<String, Object>> fresh = Future.all(callbacks, open, recent).map(all -> {
            Map<String, Object> model = new LinkedHashMap<>();
            CallbackSummary summary = callbacks.result();
            model.put("callbacks", Map.of("pending", summary.pending(), "overdue", summary.overdue(),
                    "level", (summary.overdue() > 0 ? Thresholds.Level.WARN : Thresholds.Level.OK).name().toLowerCase()));
            model.put("openIncidents", open.result());
            model.put("alerts", recent.result().stream().limit(5).map(alert -> Map.<String, Object>of(
                    "district", alert.district(), "count", alert.count(),
                    "hourStart", alert.hourStart().toString())).toList());
            model.put("alertCount", recent.result().size());
            return model;
        });
        extras = fresh;
        extrasAt = now;
        return fresh;
    }

    private Map<String, Object> queue(JsonObject queue) {
        Map<String, Object> model = new LinkedHashMap<>();
        JsonObject today = queue.getJsonObject("today", new JsonObject());
        JsonArray waiting = queue.getJsonArray("waiting", new JsonArray());
        long longest = waiting.stream().mapToLong(w -> ((JsonObject) w).getLong("waitSeconds", 0L)).max().orElse(0);
        model.put("name", queue.getString("name"));
        model.put("waiting", figure(waiting.size(), Integer.toString(waiting.size()), "", thresholds.waiting()));
        model.put("longestWait", figure(longest, AgentStates.clockText(longest), "", thresholds.longestWait()));
        model.put("oldestJoinedAt", waiting.isEmpty() ? null : waiting.getJsonObject(0).getString("joinedAt"));
        model.put("serviceLevel", figure(today.getNumber("serviceLevel"), percent(today.getNumber("serviceLevel")), "%",
                thresholds.serviceLevel()));
        model.put("abandonRate", figure(today.getNumber("abandonRate"), percent(today.getNumber("abandonRate")), "%",
                thresholds.abandonRate()));
        model.put("asa", seconds(today.getNumber("averageSpeedOfAnswerSeconds")));
        model.put("aht", seconds(today.getNumber("averageHandleSeconds")));
        model.put("talk", seconds(today.getNumber("averageTalkSeconds")));
        model.put("hold", seconds(today.getNumber("averageHoldSeconds")));
        model.put("wrapUp", seconds(today.getNumber("averageWrapUpSeconds")));
        for (String count : List.of("offered", "answered", "answeredWithinThreshold", "abandoned", "shortAbandoned",
                "missed", "serviceLevelSeconds", "shortAbandonSeconds")) {
            model.put(count, today.getInteger(count, 0));
        }
        return model;
    }

    /**
     * A figure as the page draws it: its text and unit (none while there is no value), and its level with the word and
     * sign that go with the colour.
     */
    private static Map<String, Object> figure(Number value, String text, String unit, Thresholds.Limit limit) {
        return Map.of("text", text, "unit", value == null ? "" : unit, "level", limit.level(value).name().toLowerCase());
    }

    /** The agents grouped by state, in {@link #STATES} order; each with name, since, reason. */
    private static List<Map<String, Object>> byState(JsonArray agents) {
        Map<String, List<Object>> groups = new LinkedHashMap<>();
        STATES.forEach(state -> groups.put(state, new ArrayList<>()));
        Models.plain(agents).forEach(agent -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> one = (Map<String, Object>) agent;
            groups.computeIfAbsent((String) one.get("state"), s -> new ArrayList<>()).add(one);
        });
        List<Map<String, Object>> list = new ArrayList<>();
        groups.forEach((state, members) -> list.add(Map.of("state", state, "agents", members, "count", members.size())));
        return list;
    }

    /** The agents as {@code GET /api/agents} gives them, each with {@code aht}, its average handle time as text. */
    private static List<Object> agents(JsonArray agents) {
        List<Object> list = Models.plain(agents);
        for (int i = 0; i < list.size(); i++) {
            @SuppressWarnings("unchecked")
            Map<String, Object> agent = (Map<String, Object>) list.get(i);
            agent.put("aht", seconds(agents.getJsonObject(i).getJsonObject("today").getNumber("averageHandleSeconds")));
        }
        return list;
    }

    private static Map<String, Object> hourly(JsonObject perHour) {
        if (perHour == null) {
            return Map.of("today", "[]", "usual", "null", "total", 0);
        }
        JsonArray today = perHour.getJsonArray("today");
        int total = today.stream().mapToInt(n -> ((Number) n).intValue()).sum();
        Object usual = perHour.getValue("usual");
        return Map.of("today", today.encode(), "usual", usual == null ? "null" : ((JsonArray) usual).encode(),
                "total", total, "hasUsual", usual != null, "usualWeeks", perHour.getInteger("usualWeeks", 4));
    }

    private static String seconds(Number value) {
        return value == null ? "–" : AgentStates.clockText(Math.round(value.doubleValue()));
    }

    private static String percent(Number value) {
        return value == null ? "–" : String.format(Locale.ROOT, "%.1f", value.doubleValue());
    }
}
