package hotline.console.internal;

import hotline.telephony.switchboard.WrapUpCode;
import hotline.common.Code;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The agent desk's live parts — status bar, caller card, context column, wrap-up panel — drawn by the same fragment
 * templates for the first page load and for every live update, so there is one way to draw each thing.
 */
public final class Desk {

    static final List<String> CODES = Code.codes(WrapUpCode.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Templates templates;
    private final Assets assets;
    private final AgentStates agents;
    private final CurrentCalls calls;
    private final CallerCards cards;
    private final PauseReasons pauseReasons;
    private final ZoneId zone;

    public Desk(Templates templates, Assets assets, AgentStates agents, CurrentCalls calls, CallerCards cards,
                PauseReasons pauseReasons, ZoneId zone) {
        this.templates = templates;
        this.assets = assets;
        this.agents = agents;
        this.calls = calls;
        this.cards = cards;
        this.pauseReasons = pauseReasons;
        this.zone = zone;
    }

    /** The whole desk model for {@code viewer}, whose phone is {@code phone} (may be null). */
    public Future<Map<String, Object>> model(Viewer viewer, String phone) {
        Map<String, Object> model = viewer.model(assets);
        model.putAll(statusModel(phone, viewer.lang()));
        Optional<CurrentCalls.CurrentCall> current = calls.of(viewer.principal().id());
        if (current.isEmpty()) {
            model.put("codes", CODES);
            return Future.succeededFuture(model);
        }
        return card(current.get()).map(card -> {
            model.putAll(cardModel(card));
            return model;
        });
    }

    /** The caller card of {@code call}, with the tickets made during it ({@code made}). */
    public Future<JsonObject> card(CurrentCalls.CurrentCall call) {
        return cards.card(call.pop(), call.ended()).map(card -> card.put("made", new JsonArray(call.tickets())));
    }

    Map<String, Object> statusModel(String phone, Lang lang) {
        AgentStates.AgentState state = agents.of(phone);
        Map<String, Object> agent = new HashMap<>();
        agent.put("state", state.state());
        if (state.reason() != null) {
            agent.put("reason", state.reason());
            agent.put("reasonLabel", pauseReasons.label(state.reason(), lang));
        }
        if (state.since() != null) {
            agent.put("since", state.since().toString());
            agent.put("elapsed", agents.elapsedText(state.since()));
            agent.put("sinceText", TIME.format(state.since().atZone(zone)));
        }
        AgentStates.QueueLoad load = agents.load();
        return Map.of("agent", agent,
                "queue", Map.of("waiting", load.waiting(), "longest", load.longestSeconds(),
                        "longestText", AgentStates.clockText(load.longestSeconds())),
                "pauseReasons", pauseReasons.options(lang));
    }

    static Map<String, Object> cardModel(JsonObject card) {
        return Map.of("card", Models.plain(card), "codes", CODES);
    }

    /** The wrap-up panel of {@code card}, marked to replace the page's one out of band (in another fragment's answer). */
    public String wrapUpOutOfBand(Viewer viewer, JsonObject card) {
        Map<String, Object> model = viewer.model(assets);
        model.putAll(cardModel(card));
        model.put("oob", true);
        return templates.render("fragments/wrapup.ftlh", model);
    }

    /** The fragments a new or ended call changes, rendered for {@code viewer}. */
    public List<Map<String, String>> callSwaps(Viewer viewer, JsonObject card) {
        Map<String, Object> model = viewer.model(assets);
        model.putAll(cardModel(card));
        return List.of(swap("card", "fragments/card.ftlh", model), swap("context", "fragments/context.ftlh", model),
                swap("wrapup", "fragments/wrapup.ftlh", model));
    }

    public Map<String, String> statusSwap(Viewer viewer, String phone) {
        Map<String, Object> model = viewer.model(assets);
        model.putAll(statusModel(phone, viewer.lang()));
        return swap("statusbar", "fragments/status.ftlh", model);
    }

    /** Everything live on the desk, as swaps: what a (re)connected stream sends first. */
    public Future<List<Map<String, String>>> allSwaps(Viewer viewer, String phone) {
        return model(viewer, phone).map(model -> List.of(
                swap("statusbar", "fragments/status.ftlh", model),
                swap("card", "fragments/card.ftlh", model),
                swap("context", "fragments/context.ftlh", model),
                swap("wrapup", "fragments/wrapup.ftlh", model)));
    }

    public String render(String template, Map<String, Object> model) {
        return templates.render(template, model);
    }

    private Map<String, String> swap(String target, String template, Map<String, Object> model) {
        return Map.of("target", target, "html", templates.render(template, model));
    }
}
