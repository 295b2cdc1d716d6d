package hotline.console.internal.slaboard;

import hotline.auth.Role;
import hotline.console.internal.Templates;
import hotline.console.internal.Viewer;
import hotline.sla.EscalationInbox;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The SLA board's share of a supervisor's live stream. When the scheduler warns or escalates ({@code hotline.sla}) or
 * a ticket changes ({@code hotline.tickets}), the board's rows are drawn again, and "my escalations" with the tab's
 * unread badge when something may have been addressed to this user — at most every {@value #EVERY_MS} ms per stream
 * (a scan's burst of warnings is one refresh, and a new warning still shows well within a second). The rows and
 * the panel are fetched by the page itself (the swap carries an htmx request that fires on load and takes the page's
 * own filters), so the stream needs no copy of each page's filters; the badge is drawn here. An agent's stream gets
 * nothing of it.
 */
public final class SlaLive {

    static final long EVERY_MS = 250;
    private static final Logger log = LoggerFactory.getLogger(SlaLive.class);
    /** What an agent's stream gets: nothing. */
    private static final Feed NONE = new Feed() {
    };

    private final Vertx vertx;
    private final Function<String, Future<Long>> unread;
    private final Templates templates;

    /** @param unread how many unread warnings and escalations a user has ({@link EscalationInbox#unread}) */
    public SlaLive(Vertx vertx, Function<String, Future<Long>> unread, Templates templates) {
        this.vertx = vertx;
        this.unread = unread;
        this.templates = templates;
    }

    /** The feed of one stream; {@code send} writes swaps to it (on the stream's event loop). */
    public Feed feed(Viewer viewer, Consumer<List<Map<String, String>>> send) {
        return viewer.principal().role().includes(Role.SUPERVISOR) ? new SupervisorFeed(viewer, send) : NONE;
    }

    /** What one stream gets of the board; called on that stream's event loop. */
    public interface Feed {

        /** On (re)connect: the badge as it is now. */
        default void start() {
        }

        /** A warning or escalation of the scheduler. */
        default void sla(JsonObject notice) {
        }

        /** A ticket changed. */
        default void ticket(JsonObject hint) {
        }

        default void close() {
        }
    }

    private final class SupervisorFeed implements Feed {

        private final Viewer viewer;
        private final Consumer<List<Map<String, String>>> send;
        private boolean rowsStale;
        private boolean inboxStale;
        private long lastSent;
        private long timer = -1;

        SupervisorFeed(Viewer viewer, Consumer<List<Map<String, String>>> send) {
            this.viewer = viewer;
            this.send = send;
        }

        @Override
        public void start() {
            inboxStale = true;
            flush(false);
        }

        /** It concerns this user's inbox when addressed to them. */
        @Override
        public void sla(JsonObject notice) {
            stale(viewer.principal().username().equals(notice.getString("to")));
        }

        /** An escalation by hand may be addressed to this user (the hint does not say to whom). */
        @Override
        public void ticket(JsonObject hint) {
            stale("escalate".equals(hint.getString("action")));
        }

        @Override
        public void close() {
            if (timer >= 0) {
                vertx.cancelTimer(timer);
            }
        }

        private void stale(boolean mine) {
            rowsStale = true;
            inboxStale |= mine;
            if (timer >= 0) {
                return; // a flush is coming and will carry this too
            }
            long wait = lastSent + EVERY_MS - System.currentTimeMillis();
            if (wait <= 0) {
                flush(true);
            } else {
                timer = vertx.setTimer(wait, id -> {
                    timer = -1;
                    flush(true);
                });
            }
        }

        /** Sends what is stale; {@code refresh} false sends only the badge (on connect, which costs the page nothing). */
        private void flush(boolean refresh) {
            if (refresh) {
                lastSent = System.currentTimeMillis();
            }
            List<Map<String, String>> swaps = new ArrayList<>();
            if (rowsStale && refresh) {
                swaps.add(swap("sla-live", "rows", null));
            }
            if (inboxStale && refresh) {
                swaps.add(swap("sla-inbox-live", "inbox", null));
            }
            boolean badge = inboxStale;
            rowsStale = false;
            inboxStale = false;
            if (!badge) {
                send.accept(swaps);
                return;
            }
            unread.apply(viewer.principal().username())
                    .onSuccess(count -> {
                        swaps.add(swap("sla-badge", "badge", count));
                        send.accept(swaps);
                    })
                    .onFailure(e -> {
                        log.warn("Unread escalations could not be counted: {}", e.getMessage());
                        send.accept(swaps);
                    });
        }

        private Map<String, String> swap(String target, String part, Long unread) {
            Map<String, Object> model = new HashMap<>();
            model.put("part", part);
            model.put("m", viewer.lang().messages());
            if (unread != null) {
                model.put("unread", unread);
            }
            return Map.of("target", target, "html", templates.render("supervisor/sla-live.ftlh", model));
        }
    }
}
