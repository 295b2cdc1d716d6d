package hotline.telephony.switchboard.internal;

import hotline.auth.UserService;
import hotline.telephony.TelephonyAddresses;
import hotline.telephony.ami.AmiEvents;
import hotline.telephony.switchboard.CallRecord;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * Consumes the AMI events on {@link TelephonyAddresses#AMI_EVENTS} in order, on one event loop: feeds the
 * {@link CallTracker} and the {@link QueueBoard}, publishes screen pops at once and the queue board at most every
 * {@value #BOARD_PUBLISH_MS} ms, and hands finished calls to the {@link CallRecordWriter}. Today's figures on the board
 * ({@link Today}) are read again from the call records after the writer stored calls (at most every
 * {@value #READ_MIN_MS} ms) and every {@value #READ_EVERY_MS} ms (wrap-ups, satisfaction, a standby instance, midnight).
 * Screen-pop latency (AMI event received → published) is timed as {@code hotline_screenpop_seconds}; events handled
 * are counted as {@code hotline_ami_events_total}. In a cluster only the instance holding the AMI link publishes its
 * board to every instance; the others take each one it publishes as theirs (a replica), so every instance shows the
 * same live board. Having heard nothing from a holder for {@value #REPLICA_STALE_MS} ms (none holds the link), an
 * instance shows its own board again to its own browsers: nothing live, today's figures fresh from the call records.
 */
public final class SwitchboardVerticle extends VerticleBase {

    private static final Logger log = LoggerFactory.getLogger(SwitchboardVerticle.class);
    private static final long DIRECTORY_RELOAD_MS = 30_000;
    /** The board is published at most this often: a burst of events costs one snapshot, not one per event. */
    private static final long BOARD_PUBLISH_MS = 100;
    static final long READ_MIN_MS = 1_000;
    static final long READ_EVERY_MS = 5_000;
    /** A holder publishes at least every {@value #READ_EVERY_MS} ms; a replica older than this has no holder. */
    static final long REPLICA_STALE_MS = 3 * READ_EVERY_MS;
    /** Headers of a published board: the instance that drew it, and whether it holds the AMI link. */
    private static final String FROM = "from";
    private static final String HOLDER = "holder";

    private final CallTracker tracker = new CallTracker();
    private final QueueBoard board;
    private final Today today;
    private final DayReader days;
    private final CallRecordWriter writer;
    private final AgentDirectory agents;
    private final Timer screenPopLatency;
    private final io.micrometer.core.instrument.Counter eventsHandled;
    private final BooleanSupplier liveHere;
    private final String instance = UUID.randomUUID().toString();
    /** When a holder's board last came; from the start, so a holder has the time to speak before this one does. */
    private long lastFromHolder = System.currentTimeMillis();
    private final AtomicReference<JsonObject> snapshot = new AtomicReference<>();
    private final AtomicReference<Map<Long, StoredDay.AgentDay>> agentDays = new AtomicReference<>(Map.of());
    private boolean boardChanged;
    private boolean reading;
    private boolean readAgain;
    private long lastRead;

    /**
     * {@code liveHere}: true while this instance's own view of the calls is the live one (it holds the AMI link, no
     * Asterisk is configured, or it is not clustered); while false the board is a replica of the one the holder
     * publishes.
     */
    public SwitchboardVerticle(QueueBoard board, Today today, DayReader days, CallRecordWriter writer, UserService users,
                               MeterRegistry meters, BooleanSupplier liveHere) {
        this.liveHere = liveHere;
        this.board = board;
        this.today = today;
        this.days = days;
        this.writer = writer;
        this.agents = new AgentDirectory(users);
        this.screenPopLatency = Timer.builder("hotline_screenpop_seconds")
                .description("From the AMI event to the screen pop on the event bus")
                .publishPercentiles(0.5, 0.99).register(meters);
        this.eventsHandled = io.micrometer.core.instrument.Counter.builder("hotline_ami_events_total").register(meters);
        snapshot.set(current());
    }

    /** The queue board as of now (waits counted to this moment); safe to read from any thread. */
    public JsonObject snapshot() {
        return board.live(snapshot.get());
    }

    /** Each agent's day (by user id) as last read from the call records; safe to read from any thread. */
    Map<Long, StoredDay.AgentDay> agentDays() {
        return agentDays.get();
    }

    /** The writer stored calls: read the day again (from any thread). */
    public void callsStored() {
        context.runOnContext(v -> requestRead());
    }

    @Override
    public Future<?> start() {
        vertx.setPeriodic(DIRECTORY_RELOAD_MS, id -> reloadAgents());
        vertx.setPeriodic(BOARD_PUBLISH_MS, id -> {
            if (boardChanged) {
                publishBoard();
            }
        });
        vertx.setPeriodic(READ_EVERY_MS, id -> requestRead());
        vertx.eventBus().<JsonObject>localConsumer(TelephonyAddresses.AMI_EVENTS, message -> handle(message.body()));
        vertx.eventBus().<JsonObject>consumer(TelephonyAddresses.QUEUES, this::replicate);
        read();
        return agents.reload().recover(e -> {
            log.warn("Agent phone interfaces not loaded yet: {}", e.getMessage());
            return Future.succeededFuture();
        });
    }

    private void reloadAgents() {
        agents.reload().onFailure(e -> log.warn("Reloading agent phone interfaces failed: {}", e.getMessage()));
    }

    private void handle(JsonObject event) {
        eventsHandled.increment();
        if (AmiEvents.RESYNC.equals(event.getString("type"))) {
            resync(event);
            return;
        }
        CallTracker.Effect effect = tracker.apply(event);
        if (effect.screenPop() != null) {
            screenPop(effect.screenPop(), event);
        }
        if (effect.finished() != null) {
            finished(effect.finished());
        }
        if (board.apply(event) || AmiEvents.NEW_CHANNEL.equals(event.getString("type"))) {
            boardChanged = true;
        }
    }

    private void screenPop(JsonObject pop, JsonObject event) {
        String phone = event.getString("interface");
        AgentDirectory.Agent agent = agents.find(phone);
        if (agent != null) {
            send(agent, pop, event);
            return;
        }
        // A phone not seen before: the directory may be stale (a new agent); look once more.
        agents.reload().onComplete(done -> {
            AgentDirectory.Agent found = agents.find(phone);
            if (found == null) {
                log.info("Screen pop for phone {} dropped: no active user has that phone interface", phone);
            } else {
                send(found, pop, event);
            }
        });
    }

    private void send(AgentDirectory.Agent agent, JsonObject pop, JsonObject event) {
        pop.put("agent", new JsonObject().put("userId", agent.userId()).put("username", agent.username()));
        vertx.eventBus().publish(TelephonyAddresses.screenPop(agent.userId()), pop);
        vertx.eventBus().publish(TelephonyAddresses.SCREEN_POPS, pop);
        screenPopLatency.record(System.nanoTime() - event.getLong("nanos"), TimeUnit.NANOSECONDS);
    }

    private void finished(CallRecord record) {
        today.finished(record);
        boardChanged = true;
        AgentDirectory.Agent agent = agents.find(record.agentInterface());
        vertx.eventBus().publish(TelephonyAddresses.CALLS, record.toJson());
        writer.submit(new CallRecordStore.Finished(record, agent == null ? null : agent.userId()));
    }

    private void resync(JsonObject event) {

        JsonArray channels = event.getJsonArray("channels");
        Set<String> live = new HashSet<>();
        for (int i = 0; i < channels.size(); i++) {
            JsonObject channel = channels.getJsonObject(i);
            live.add(channel.getString("uniqueid"));
            tracker.apply(channel);
        }
        Instant askedAt = Instant.ofEpochMilli(event.getLong("at"));
        tracker.resync(live, askedAt).forEach(this::finished);
        List<JsonObject> status = new ArrayList<>();
        event.getJsonArray("status").forEach(item -> status.add((JsonObject) item));
        board.resync(status, askedAt);
        // A resync comes only through a link held here, though the link may count as up a moment later.
        publish(true);
    }

    /**
     * Publishes the board if it is the live one, or if no holder has published one for a while; an instance without
     * the link otherwise shows the holder's.
     */
    private void publishBoard() {
        if (liveHere.getAsBoolean()) {
            publish(true);
        } else if (System.currentTimeMillis() - lastFromHolder > REPLICA_STALE_MS) {
            publish(false);
        }
    }

    /** A board another instance published: this one's, if that one holds the link and this one does not. */
    private void replicate(Message<JsonObject> published) {
        if (instance.equals(published.headers().get(FROM)) || !"true".equals(published.headers().get(HOLDER))) {
            return;
        }
        lastFromHolder = System.currentTimeMillis();
        if (!liveHere.getAsBoolean()) {
            boardChanged = false;
            snapshot.set(published.body());
        }
    }

    /** To every instance from the holder; to this instance's own browsers only from one that stands in for none. */
    private void publish(boolean holder) {
        boardChanged = false;
        JsonObject current = current();
        snapshot.set(current);
        vertx.eventBus().publish(TelephonyAddresses.QUEUES, current, new DeliveryOptions().setLocalOnly(!holder)
                .addHeader(FROM, instance).addHeader(HOLDER, Boolean.toString(holder)));
    }

    private JsonObject current() {
        List<CallTracker.OpenCall> open = tracker.open();
        return board.snapshot(today.queues(open, board.names())).put("callsPerHour", today.callsPerHour(open));
    }

    private void requestRead() {
        if (reading) {
            readAgain = true;
            return;
        }
        long wait = lastRead + READ_MIN_MS - System.currentTimeMillis();
        if (wait > 0) {
            if (!readAgain) {
                readAgain = true;
                vertx.setTimer(wait, id -> {
                    readAgain = false;
                    requestRead();
                });
            }
            return;
        }
        read();
    }

    /** Reads today's figures (and, once a day, the usual calls per hour) from the call records. */
    private void read() {
        reading = true;
        var day = today.day();
        Future<Void> usual = !today.needsUsual() ? Future.succeededFuture()
                : days.usual(day).map(perHour -> {
                    today.usual(day, perHour);
                    return null;
                });
        days.read(day, today.now(), today.pendingIds())
                .map(stored -> {
                    today.stored(stored);
                    agentDays.set(today.agents());
                    return null;
                })
                .compose(v -> usual)
                .onSuccess(v -> boardChanged = true)
                .onFailure(e -> log.warn("Today's figures not read from the call records: {}", e.getMessage()))
                .onComplete(done -> {
                    reading = false;
                    lastRead = System.currentTimeMillis();
                    if (readAgain) {
                        readAgain = false;
                        requestRead();
                    }
                });
    }
}
