package hotline.telephony.switchboard;

import hotline.auth.UserService;
import hotline.http.ApiRoutes;
import hotline.telephony.TelephonyAddresses;
import hotline.telephony.switchboard.internal.AgentActions;
import hotline.telephony.switchboard.internal.AgentBoard;
import hotline.telephony.switchboard.internal.Interventions;
import hotline.telephony.switchboard.internal.LinkRelay;
import hotline.telephony.switchboard.internal.CallRecordStore;
import hotline.telephony.switchboard.internal.CallRecordWriter;
import hotline.telephony.switchboard.internal.DayReader;
import hotline.telephony.switchboard.internal.DayRules;
import hotline.telephony.switchboard.internal.QueueBoard;
import hotline.telephony.switchboard.internal.RecordingFiles;
import hotline.telephony.switchboard.internal.RecordingStreamer;
import hotline.telephony.switchboard.internal.SwitchboardRoutes;
import hotline.telephony.switchboard.internal.SwitchboardVerticle;
import hotline.telephony.switchboard.internal.Today;
import hotline.telephony.switchboard.internal.WrapUps;
import hotline.ticket.TicketService;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import org.asteriskjava.manager.ManagerConnection;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The switchboard: follows calls and queues through the AMI messages on {@link TelephonyAddresses#AMI_EVENTS}, pops
 * the answering agent's screen, keeps the queue board, stores finished calls, and carries the agents' actions to
 * Asterisk. The constructor only wires; {@link #start} deploys the call-record writer, then the verticle that consumes
 * the AMI messages; {@link #stop} undeploys them in reverse order, writing the call records still pending.
 */
public final class Switchboard {

    /**
     * @param queue               the Asterisk queue agents log in to
     * @param zone                where the board's daily figures restart at midnight
     * @param serviceLevelSeconds a call answered within this many seconds counts towards the service level
     * @param shortAbandonSeconds a caller who hangs up after waiting less than this is a short abandon, left out of
     *                            the service level and the abandon rate
     * @param wrapUp              how long an agent stays in wrap-up after a call
     * @param wrapUpCap           the most wrap-up time one call adds to the average handle time
     * @param recordings          where this instance reads Asterisk's recordings (its monitor directory or a mount of
     *                            it), null when it cannot
     */
    public record Settings(String queue, ZoneId zone, int serviceLevelSeconds, int shortAbandonSeconds, Duration wrapUp,
                           Duration wrapUpCap, Path recordings) {
    }

    private final Vertx vertx;
    private final CallRecordWriter writer;
    private final SwitchboardVerticle verticle;
    private final LinkRelay relay;
    private final AgentActions agents;
    private final SwitchboardRoutes routes;
    private final CallRecordStore calls;
    private final AgentBoard agentBoard;
    private String writerDeployment;
    private String verticleDeployment;

    /**
     * Tickets (linked to calls, opened from them) go through {@code tickets}, agents and their phones through
     * {@code users}; {@code link} gives this instance's logged-in AMI connection for agent actions, or null while it
     * holds none (then they go to the instance that does); {@code liveHere} is true while this instance's own view of
     * the calls is the live one — it holds the AMI link, no Asterisk is configured, or it is not clustered (a standby
     * alone shows its own board, with today's figures from the call records) — and false while it keeps a replica
     * of the board the holder publishes.
     */
    public Switchboard(Vertx vertx, Pool pool, Clock clock, MeterRegistry meters, TicketService tickets,
                       UserService users, Supplier<ManagerConnection> link, BooleanSupplier liveHere,
                       Settings settings) {
        this.vertx = vertx;
        this.calls = new CallRecordStore(pool, clock, tickets);
        this.writer = new CallRecordWriter(calls, this::callsStored);
        DayRules rules = new DayRules(settings.serviceLevelSeconds(), settings.shortAbandonSeconds(), settings.wrapUpCap());
        this.verticle = new SwitchboardVerticle(new QueueBoard(clock, settings.queue(), settings.wrapUp()),
                new Today(rules, settings.zone(), clock), new DayReader(pool, settings.zone(), rules), writer, users,
                meters, liveHere);
        this.relay = new LinkRelay(vertx, link);
        this.agents = new AgentActions(users, settings.queue(), relay);
        Interventions interventions = new Interventions(pool, users, agents, clock);
        this.agentBoard = new AgentBoard(users, verticle, interventions, clock, settings.zone());
        this.routes = new SwitchboardRoutes(verticle::snapshot, calls, agents, new WrapUps(pool, tickets, clock),
                new RecordingStreamer(calls, new RecordingFiles(settings.recordings())), agentBoard, interventions);
    }

    /** The writer stored calls: the board reads the day's figures again. */
    private void callsStored() {
        verticle.callsStored();
    }

    public Future<Void> start() {
        return vertx.deployVerticle(writer)
                .compose(id -> {
                    writerDeployment = id;
                    return vertx.deployVerticle(verticle);
                })
                .map(id -> {
                    verticleDeployment = id;
                    relay.start();
                    return null;
                });
    }

    public Future<Void> stop() {
        relay.stop();
        Future<Void> verticleStopped = verticleDeployment == null ? Future.succeededFuture()
                : vertx.undeploy(verticleDeployment);
        // stopping the writer writes the calls still pending
        return verticleStopped.eventually(() -> writerDeployment == null ? Future.succeededFuture()
                : vertx.undeploy(writerDeployment));
    }

    /** The agents with their state, current call and today's figures (the body of {@code GET /api/agents}). */
    public Future<JsonArray> agents() {
        return agentBoard.list();
    }

    /** The queue board as of now (the body of {@code GET /api/queues}); safe to read from any thread. */
    public JsonObject snapshot() {
        return verticle.snapshot();
    }

    /**
     * Rings {@code phone} (an agent's interface), then {@code number}, with channel {@code variables}; succeeds once
     * the agent's phone answered, fails when it did not or Asterisk refused.
     */
    public Future<Void> originateAndWait(String phone, String number, Map<String, String> variables) {
        return agents.originateAndWait(phone, number, variables);
    }

    /** The latest {@code limit} finished calls of customer {@code customerId}, newest first. */
    public Future<List<CallRecord>> callsOfCustomer(long customerId, int limit) {
        return calls.ofCustomer(customerId, limit);
    }

    /**
     * {@code listQueues}, {@code listCalls}, {@code changeAgentQueueState}, {@code originateCall}, {@code wrapUpCall},
     * {@code openCallInquiry}, {@code getCallRecording}, {@code listAgents} and {@code superviseAgentQueue}.
     */
    public ApiRoutes routes() {
        return routes;
    }
}
