package hotline.telephony.switchboard.internal;

import hotline.auth.UserService;
import hotline.telephony.TelephonyAddresses;
import hotline.telephony.ami.AmiEvents;
import hotline.telephony.switchboard.CallRecord;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Consumes the AMI events on {@link TelephonyAddresses#AMI_EVENTS} in order, on one event loop: feeds the
 * {@link CallTracker} and the {@link QueueBoard}, publishes screen pops at once and the queue board at most every
 * {@value #BOARD_PUBLISH_MS} ms, and hands finished calls to the {@link CallRecordWriter}.
 * Screen-pop latency (AMI event received → published) is timed as {@code hotline_screenpop_seconds}; events handled
 * are counted as {@code hotline_ami_events_total}.
 */
public final class SwitchboardVerticle extends VerticleBase {

    private static final Logger log = LoggerFactory.getLogger(SwitchboardVerticle.class);
    private static final long DIRECTORY_RELOAD_MS = 30_000;
    /** The board is published at most this often: a burst of events costs one snapshot, not one per event. */
    private static final long BOARD_PUBLISH_MS = 100;

    private final CallTracker tracker = new CallTracker();
    private final QueueBoard board;
    private final CallRecordWriter writer;
    private final AgentDirectory agents;
    private final Timer screenPopLatency;
    private final io.micrometer.core.instrument.Counter eventsHandled;
    private final AtomicReference<JsonObject> snapshot = new AtomicReference<>();
    private boolean boardChanged;

    public SwitchboardVerticle(QueueBoard board, CallRecordWriter writer, UserService users, MeterRegistry meters) {
        this.board = board;
        this.writer = writer;
        this.agents = new AgentDirectory(users);
        this.screenPopLatency = Timer.builder("hotline_screenpop_seconds")
                .description("From the AMI event to the screen pop on the event bus")
                .publishPercentiles(0.5, 0.99).register(meters);
        this.eventsHandled = io.micrometer.core.instrument.Counter.builder("hotline_ami_events_total").register(meters);
        snapshot.set(board.snapshot());
    }

    /** The queue board as of now (waits counted to this moment); safe to read from any thread. */
    public JsonObject snapshot() {
        return board.live(snapshot.get());
    }

    @Override
    public Future<?> start() {
        vertx.setPeriodic(DIRECTORY_RELOAD_MS, id -> reloadAgents());
        vertx.setPeriodic(BOARD_PUBLISH_MS, id -> {
            if (boardChanged) {
                publishBoard();
            }
        });
        vertx.eventBus().<JsonObject>localConsumer(TelephonyAddresses.AMI_EVENTS, message -> handle(message.body()));
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
        if (board.apply(event)) {
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
        screenPopLatency.record(System.nanoTime() - event.getLong("nanos"), TimeUnit.NANOSECONDS);
    }

    private void finished(CallRecord record) {
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
        publishBoard();
    }

    private void publishBoard() {
        boardChanged = false;
        JsonObject current = board.snapshot();
        snapshot.set(current);
        vertx.eventBus().publish(TelephonyAddresses.QUEUES, current);
    }
}
