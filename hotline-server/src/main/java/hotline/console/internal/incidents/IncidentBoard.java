package hotline.console.internal.incidents;

import hotline.console.internal.Assets;
import hotline.console.internal.Lang;
import hotline.console.internal.LiveStream;
import hotline.console.internal.Models;
import hotline.console.internal.Templates;
import hotline.console.internal.Viewer;
import hotline.crew.Crew;
import hotline.crew.CrewService;
import hotline.incident.Incident;
import hotline.incident.IncidentService;
import hotline.incident.IncidentStatus;
import hotline.surveillance.QualityAlert;
import hotline.surveillance.QualityAlerts;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The supervisor's incident board: every open incident (newest first, with its summary), the water-quality alerts of
 * the last {@value #ALERT_HOURS} hours and the crews, read together. When incidents change ({@link
 * IncidentService#BUS_ADDRESS}) it reads the board again, at most once every {@value #EVERY_MS} ms however many
 * changes come, draws the list and the alerts once per language, and a notice on the page of each incident that
 * changed, and hands them to every supervisor's stream ({@link LiveStream#SUPERVISOR_SWAPS}). Its state lives on the
 * event loop of its consumer.
 */
final class IncidentBoard {

    static final long EVERY_MS = 1_000;
    static final int ALERT_HOURS = 24;
    private static final Logger log = LoggerFactory.getLogger(IncidentBoard.class);

    /** What the board shows; {@code limited} when there are more open incidents than one list holds. */
    record Board(List<Incident> open, List<QualityAlert> alerts, List<Crew> crews) {
        boolean limited() {
            return open.size() >= IncidentService.MAX_LIST;
        }
    }

    private final Vertx vertx;
    private final IncidentService incidents;
    private final QualityAlerts alerts;
    private final CrewService crews;
    private final Templates templates;
    private final Assets assets;
    private final IncidentViews views;
    private final Map<Long, JsonObject> changes = new LinkedHashMap<>();
    private MessageConsumer<JsonObject> consumer;
    private long lastDrawn;
    private boolean drawPending;

    IncidentBoard(Vertx vertx, IncidentService incidents, QualityAlerts alerts, CrewService crews, Templates templates,
                  Assets assets, IncidentViews views) {
        this.vertx = vertx;
        this.incidents = incidents;
        this.alerts = alerts;
        this.crews = crews;
        this.templates = templates;
        this.assets = assets;
        this.views = views;
    }

    Future<Board> read() {
        Future<List<Incident>> open = incidents.list(IncidentStatus.OPEN, null, IncidentService.MAX_LIST);
        Future<List<QualityAlert>> raised = alerts.recent(ALERT_HOURS);
        Future<List<Crew>> all = crews.list();
        return Future.all(open, raised, all).map(done -> new Board(open.result(), raised.result(), all.result()));
    }

    Future<Void> start() {
        consumer = vertx.eventBus().consumer(IncidentService.BUS_ADDRESS, message -> changed(message.body()));
        return consumer.completion();
    }

    Future<Void> stop() {
        return consumer == null ? Future.succeededFuture() : consumer.unregister();
    }

    private void changed(JsonObject change) {
        changes.put(change.getLong("id"), change);
        Long other = change.getLong("otherId");
        if (other != null) {
            changes.put(other, change);
        }
        if (drawPending) {
            return;
        }
        drawPending = true;
        long wait = lastDrawn + EVERY_MS - System.currentTimeMillis();
        vertx.setTimer(Math.max(1, wait), id -> draw());
    }

    private void draw() {
        drawPending = false;
        lastDrawn = System.currentTimeMillis();
        Map<Long, JsonObject> changed = new LinkedHashMap<>(changes);
        changes.clear();
        read().onSuccess(board -> {
            JsonObject byLanguage = new JsonObject();
            for (Lang lang : Lang.values()) {
                byLanguage.put(lang.code(), swaps(lang, board, changed));
            }
            vertx.eventBus().publish(LiveStream.SUPERVISOR_SWAPS, byLanguage, new DeliveryOptions().setLocalOnly(true));
        }).onFailure(e -> log.warn("The incident board could not be read: {}", e.getMessage()));
    }

    private JsonArray swaps(Lang lang, Board board, Map<Long, JsonObject> changed) {
        Map<String, Object> model = Viewer.anonymousModel(lang, assets);
        model.putAll(views.board(board));
        List<JsonObject> swaps = new ArrayList<>();
        swaps.add(swap("incidents-list", templates.render("supervisor/incidents-list.ftlh", model)));
        swaps.add(swap("incidents-alerts", templates.render("supervisor/incidents-alerts.ftlh", model)));
        changed.forEach((id, change) -> {
            Map<String, Object> notice = Viewer.anonymousModel(lang, assets);
            notice.put("notice", Models.plain(change.copy().put("id", id)));
            swaps.add(swap("incident-changed-" + id, templates.render("supervisor/incident-changed.ftlh", notice)));
        });
        return new JsonArray(swaps);
    }

    private static JsonObject swap(String target, String html) {
        return new JsonObject().put("target", target).put("html", html);
    }
}
