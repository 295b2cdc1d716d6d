package hotline.console.internal;

import hotline.auth.Role;
import hotline.auth.UserService;
import hotline.console.internal.slaboard.SlaLive;
import hotline.sla.SlaScheduler;
import hotline.telephony.TelephonyAddresses;
import hotline.ticket.TicketService;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code GET /console/events}: the one Server-Sent Events stream of a signed-in browser. It carries only what concerns
 * this user — their screen pops and call endings, their status and the queue counts (at most once a second, and for a
 * supervisor the wallboard with them), SLA notices addressed to them, a notice when someone else changes a ticket they
 * have open ({@link TicketWatch}), and, to supervisors, the swaps a supervisor area prepared for them
 * ({@link #SUPERVISOR_SWAPS}) and the SLA board's refreshes and unread badge, which differ per user ({@link SlaLive}) — as
 * {@code live} events of rendered fragments, an {@code ended} event before it closes when the user's sessions were
 * ended (deactivated, password reset: {@link UserService#SESSIONS_ENDED}), and a {@code ping} every
 * {@value #HEARTBEAT_MS} ms. On every (re)connect it first sends the whole current state. Uncompressed and flushed per
 * event: compression would hold events back until a buffer fills. In a cluster every address it follows is
 * cluster-wide (pops and board from the instance holding the AMI link, notices from any instance) except
 * {@link #SUPERVISOR_SWAPS}, which each instance draws for its own supervisors; the state is sent once the stream's
 * subscriptions are registered across the cluster.
 */
public final class LiveStream implements Handler<RoutingContext> {

    /**
     * Local event-bus address of swaps a supervisor area drew for every supervisor, once per language:
     * {@code {"zh": [{"target", "html"}], "en": [...]}}. Each supervisor's stream passes on those of their language; a
     * page without the target ignores them.
     */
    public static final String SUPERVISOR_SWAPS = "hotline.console.supervisor-swaps";
    static final long HEARTBEAT_MS = 15_000;
    static final long BOARD_EVERY_MS = 1_000;
    private static final Logger log = LoggerFactory.getLogger(LiveStream.class);
    private static final String INSTANCE = UUID.randomUUID().toString().substring(0, 8);
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final Vertx vertx;
    private final UserService users;
    private final Desk desk;
    private final CurrentCalls calls;
    private final CallerCards cards;
    private final TicketNotices tickets;
    private final SlaLive sla;
    private final SupervisorViews supervisorViews;

    public LiveStream(Vertx vertx, UserService users, Desk desk, CurrentCalls calls, CallerCards cards,
                      TicketNotices tickets, SlaLive sla, SupervisorViews supervisorViews) {
        this.vertx = vertx;
        this.users = users;
        this.desk = desk;
        this.calls = calls;
        this.cards = cards;
        this.tickets = tickets;
        this.sla = sla;
        this.supervisorViews = supervisorViews;
    }

    /** The live fragments of the supervisor's pages (wallboard, TV, agents), sent to supervisors with the queue board. */
    public interface SupervisorViews {
        Future<List<Map<String, String>>> swaps(Viewer viewer);
    }

    @Override
    public void handle(RoutingContext ctx) {
        Viewer viewer = Viewer.of(ctx);
        long userId = viewer.principal().id();
        HttpServerResponse response = ctx.response()
                .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("Cache-Control", "no-cache, no-transform")
                .putHeader("Content-Encoding", "identity")
                .putHeader("X-Accel-Buffering", "no")
                .setChunked(true);
        users.find(userId).onFailure(ctx::fail).onSuccess(user -> {
            String phone = user.map(hotline.auth.User::phoneInterface).orElse(null);
            new Connection(viewer, phone, response).open();
        });
    }

    /** One open stream; lives on the event loop of its request. */
    private final class Connection {
        private final Viewer viewer;
        private final String phone;
        private final HttpServerResponse response;
        private final List<MessageConsumer<JsonObject>> consumers = new ArrayList<>();
        private final SlaLive.Feed slaBoard;
        private long heartbeat;
        private long lastBoard;
        private boolean boardPending;
        private boolean closed;

        Connection(Viewer viewer, String phone, HttpServerResponse response) {
            this.viewer = viewer;
            this.phone = phone;
            this.response = response;
            this.slaBoard = sla.feed(viewer, swaps -> send(swaps, null, null));
        }

        void open() {
            response.write("retry: 2000\n\n");
            response.closeHandler(v -> close());
            long userId = viewer.principal().id();
            consumers.add(vertx.eventBus().consumer(TelephonyAddresses.screenPop(userId), m -> popped(m.body())));
            consumers.add(vertx.eventBus().consumer(TelephonyAddresses.CALLS, m -> callFinished(m.body())));
            consumers.add(vertx.eventBus().consumer(TelephonyAddresses.QUEUES, m -> boardChanged()));
            consumers.add(vertx.eventBus().consumer(SlaScheduler.BUS_ADDRESS, m -> slaNotice(m.body())));
            consumers.add(vertx.eventBus().consumer(TicketService.BUS_ADDRESS, m -> ticketChanged(m.body())));
            consumers.add(vertx.eventBus().consumer(UserService.SESSIONS_ENDED, m -> sessionsEnded(m.body())));
            if (viewer.principal().role().includes(Role.SUPERVISOR)) {
                consumers.add(vertx.eventBus().consumer(SUPERVISOR_SWAPS, m -> supervisorSwaps(m.body())));
            }
            heartbeat = vertx.setPeriodic(HEARTBEAT_MS, id -> write("ping", "{}"));
            // The state goes out once every subscription is known to the cluster: no pop falls between state and feed.
            Future.all(consumers.stream().map(MessageConsumer::completion).toList())
                    .compose(registered -> desk.allSwaps(viewer, phone))
                    .map(swaps -> {
                        send(swaps, null, null);
                        return swaps;
                    })
                    .onFailure(e -> log.warn("Console state for a stream could not be drawn: {}", e.getMessage()));
            slaBoard.start();
            supervisorBoards();
        }

        private void popped(JsonObject pop) {
            cards.card(pop, false).map(card -> {
                JsonObject call = pop.getJsonObject("call", new JsonObject());
                String who = card.getJsonObject("customer") != null ? card.getJsonObject("customer").getString("name")
                        : call.getString("callerNumber", viewer.lang().message("card.unknown"));
                String text = viewer.lang().message("notify.call").replace("{0}", who);
                send(desk.callSwaps(viewer, card), viewer.lang().message("live.call").replace("{0}", who),
                        new JsonObject().put("title", text).put("body", call.getString("callerNumber", ""))
                                .put("tag", "call-" + call.getString("uniqueid")));
                return card;
            }).onFailure(e -> log.warn("Caller card could not be drawn: {}", e.getMessage()));
        }

        private void callFinished(JsonObject record) {
            if (phone == null || !phone.equals(record.getString("agentInterface"))) {
                return;
            }
            calls.of(viewer.principal().id())
                    .filter(current -> current.uniqueid().equals(record.getString("uniqueid")))
                    .ifPresent(current -> desk.card(new CurrentCalls.CurrentCall(current.pop(), true, current.tickets()))
                            .map(card -> {
                                send(desk.callSwaps(viewer, card), viewer.lang().message("card.ended"), null);
                                return card;
                            })
                            .onFailure(e -> log.warn("Ended call could not be drawn: {}", e.getMessage())));
        }

        private void boardChanged() {
            long now = System.currentTimeMillis();
            if (now - lastBoard >= BOARD_EVERY_MS) {
                lastBoard = now;
                send(List.of(desk.statusSwap(viewer, phone)), null, null);
                supervisorBoards();
            } else if (!boardPending) {
                boardPending = true;
                vertx.setTimer(BOARD_EVERY_MS - (now - lastBoard), id -> {
                    boardPending = false;
                    boardChanged();
                });
            }
        }

        /** A supervisor's stream also redraws the wallboard, the TV view and the agents (whichever page is open). */
        private void supervisorBoards() {
            if (viewer.principal().role().includes(Role.SUPERVISOR)) {
                supervisorViews.swaps(viewer).onSuccess(swaps -> send(swaps, null, null))
                        .onFailure(e -> log.warn("Wallboard could not be drawn: {}", e.getMessage()));
            }
        }

        private void slaNotice(JsonObject notice) {
            slaBoard.sla(notice);
            if (!viewer.principal().username().equals(notice.getString("to"))) {
                return;
            }
            String text = notice.getString("kind") + " · " + notice.getString("number") + " · " + notice.getString("deadline");
            send(List.of(), text, new JsonObject().put("title", text).put("body", notice.getString("dueAt", ""))
                    .put("tag", "sla-" + notice.getLong("ticketId") + "-" + notice.getString("level")));
        }

        /** A ticket this user has open changed: the notice on its page, read out by screen readers. */
        private void ticketChanged(JsonObject hint) {
            slaBoard.ticket(hint);
            tickets.changed(viewer, hint)
                    .onSuccess(notice -> notice.ifPresent(swap -> send(List.of(swap),
                            viewer.lang().message("ticket.live.changed").replace("{0}", hint.getString("number", "")),
                            null)))
                    .onFailure(e -> log.warn("Ticket notice could not be drawn: {}", e.getMessage()));
        }

        /** This user may no longer be signed in: the page leaves for the log-in, and the stream ends. */
        private void sessionsEnded(JsonObject ended) {
            if (ended.getLong("userId", -1L) == viewer.principal().id()) {
                write("ended", "{}");
                close();
                response.end();
            }
        }

        private void supervisorSwaps(JsonObject byLanguage) {
            JsonArray swaps = byLanguage.getJsonArray(viewer.lang().code(), new JsonArray());
            send(swaps.stream().map(swap -> Map.of("target", ((JsonObject) swap).getString("target"),
                    "html", ((JsonObject) swap).getString("html"))).toList(), null, null);
        }

        private void send(List<Map<String, String>> swaps, String announce, JsonObject notify) {
            JsonObject data = new JsonObject().put("swaps", new JsonArray(swaps.stream()
                    .map(s -> new JsonObject().put("target", s.get("target")).put("html", s.get("html"))).toList()));
            if (announce != null) {
                data.put("announce", announce);
            }
            if (notify != null) {
                data.put("notify", notify);
            }
            write("live", data.encode());
        }

        private void write(String event, String data) {
            if (closed) {
                return;
            }
            String id = INSTANCE + "-" + SEQUENCE.incrementAndGet();
            response.write("id: " + id + "\nevent: " + event + "\ndata: " + data + "\n\n");
        }

        private void close() {
            if (closed) {
                return;
            }
            closed = true;
            vertx.cancelTimer(heartbeat);
            slaBoard.close();
            consumers.forEach(MessageConsumer::unregister);
        }
    }
}
