package hotline.telephony;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import hotline.auth.AuthModule;
import hotline.config.Config;
import hotline.health.Health;
import hotline.store.DbEndpoint;
import hotline.telephony.ivr.FakeIvrServices;
import hotline.telephony.ami.AmiLink;
import hotline.telephony.peer.AmiPeer;
import hotline.testing.Await;
import hotline.testing.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static hotline.telephony.peer.AmiPeer.channelSnapshot;
import static hotline.telephony.peer.AmiPeer.fields;
import static hotline.telephony.peer.AmiPeer.with;
import static org.assertj.core.api.Assertions.assertThat;

/** The AMI bridge against the AMI peer over TCP: call records, screen pops, the queue board, link loss. */
class AmiBridgeTest {

    private static final String SECRET = "ami-secret-Ω";
    private static AmiPeer peer;
    private static Vertx vertx;
    private static Pool pool;
    private static TelephonyModule module;
    private static Health health;
    private static long agentId;
    private static final BlockingQueue<JsonObject> screenPops = new LinkedBlockingQueue<>();
    private static final BlockingQueue<JsonObject> calls = new LinkedBlockingQueue<>();
    private static final AtomicReference<JsonObject> board = new AtomicReference<>();
    private static final Logger linkLog = (Logger) LoggerFactory.getLogger(AmiLink.class);
    private static final FailedLogins failedLogins = new FailedLogins();
    private static Level linkLogLevel;

    /** Counts the AMI link's failed log-ins (a debug line each), to know how far its backoff has grown. */
    private static final class FailedLogins extends AppenderBase<ILoggingEvent> {
        final AtomicInteger count = new AtomicInteger();

        @Override
        protected void append(ILoggingEvent event) {
            if (event.getFormattedMessage().startsWith("AMI login to")) {
                count.incrementAndGet();
            }
        }
    }

    @BeforeAll
    static void start() throws Exception {
        linkLogLevel = linkLog.getLevel();
        linkLog.setLevel(Level.DEBUG);
        failedLogins.start();
        linkLog.addAppender(failedLogins);
        peer = new AmiPeer("hotline", SECRET).start();
        DbEndpoint db = TestDatabase.fresh();
        vertx = Vertx.vertx();
        pool = PgBuilder.pool().connectingTo(db.connectOptions()).using(vertx).build();
        agentId = pool.preparedQuery("INSERT INTO users (username, display_name, role, password_hash, phone_interface, created_at) "
                        + "VALUES ('agent1', '李娜', 'agent', 'x', 'PJSIP/agent1', now()) RETURNING id")
                .execute().await().iterator().next().getLong(0);
        health = new Health(vertx);
        Config config = new Config(new JsonObject()
                .put("agi", new JsonObject().put("port", 0))
                .put("ami", new JsonObject().put("host", "127.0.0.1").put("port", peer.port()).put("user", "hotline")
                        .put("secret", SECRET)), Map.of());
        var meters = new SimpleMeterRegistry();
        var tickets = new hotline.ticket.TicketService(vertx, pool, Clock.systemUTC(), java.time.ZoneId.of("Asia/Shanghai"), meters);
        var users = new AuthModule(vertx, pool, config, Clock.systemUTC(), false).users();
        module = new TelephonyModule(vertx, config, pool, db.connectOptions(), Clock.systemUTC(), meters, tickets, users,
                new FakeIvrServices());
        module.registerHealth(health);
        module.start().await();
        for (var consumer : java.util.List.of(
                vertx.eventBus().<JsonObject>consumer(TelephonyAddresses.screenPop(agentId), m -> screenPops.add(m.body())),
                vertx.eventBus().<JsonObject>consumer(TelephonyAddresses.CALLS, m -> calls.add(m.body())),
                vertx.eventBus().<JsonObject>consumer(TelephonyAddresses.QUEUES, m -> board.set(m.body())))) {
            consumer.completion().await();
        }
        Await.until(module::amiUp, Duration.ofSeconds(10));
        Await.until(() -> board.get() != null, Duration.ofSeconds(10));
    }

    @AfterAll
    static void stop() {
        module.stop().await();
        vertx.close().await();
        peer.close();
        linkLog.detachAppender(failedLogins);
        linkLog.setLevel(linkLogLevel);
    }

    private static Map<String, String> caller(String uniqueid) {
        return channelSnapshot("", "PJSIP/trunk-0000000" + uniqueid.charAt(uniqueid.length() - 1), uniqueid, uniqueid,
                "13800138000", 6, "Up", "hotline-inbound", "96655");
    }

    private static Row callRow(String uniqueid) throws InterruptedException {
        AtomicReference<Row> row = new AtomicReference<>();
        Await.until(() -> {
            var rows = pool.preparedQuery("SELECT * FROM calls WHERE uniqueid = $1").execute(Tuple.of(uniqueid))
                    .await();
            row.set(rows.size() == 1 ? rows.iterator().next() : null);
            return row.get() != null;
        }, Duration.ofSeconds(5));
        return row.get();
    }

    @Test
    @DisplayName("logs in with the MD5 challenge (the secret never crosses the wire) and asks for the live state")
    void loginAndResync() throws Exception {
        // given the link established in start()
        // when we look at the actions the peer received
        var seen = new java.util.ArrayList<String>();
        Map<String, String> action;
        while ((action = peer.nextAction(200)) != null) {
            seen.add(AmiPeer.header(action, "Action"));
            assertThat(action.values()).doesNotContain(SECRET);
        }

        // then the log-in used a challenge and the state was resynchronised
        assertThat(seen).containsSubsequence("Challenge", "Login", "QueueStatus", "CoreShowChannels");
        assertThat(health.report().await().getJsonObject("checks")
                .getJsonObject("ami").getString("status")).isEqualTo("UP");
    }

    @Test
    @DisplayName("a queued call answered by agent1 pops the screen with the IVR's findings and is recorded as answered")
    void answeredCallPopsScreen() throws Exception {
        // given a caller who went through the IVR and joined the queue
        String uid = "1700000100.11";
        Map<String, String> caller = caller(uid);
        peer.emit("Newchannel", caller);
        peer.emit("VarSet", with(caller, "Variable", "HOTLINE_CUSTOMER_ID", "Value", "7"));
        peer.emit("VarSet", with(caller, "Variable", "HOTLINE_TIER", "Value", "ordinary"));
        peer.emit("VarSet", with(caller, "Variable", "HOTLINE_IVR_PATH", "Value", "identify>main_menu>agent"));
        peer.emit("VarSet", with(caller, "Variable", "HOTLINE_RECORDING", "Value", "hotline/20261123/" + uid + ".wav"));
        peer.emit("VarSet", with(caller, "Variable", "CHANNEL_IRRELEVANT", "Value", "x"));
        peer.emit("QueueCallerJoin", with(caller, "Queue", "hotline", "Position", "1", "Count", "1"));
        Map<String, String> agentLeg = channelSnapshot("Dest", "PJSIP/agent1-00000012", "1700000100.12", uid,
                "13800138000", 5, "Ringing", "from-queue", "s");
        peer.emit("AgentCalled", with(with(caller, "Queue", "hotline", "MemberName", "李娜", "Interface", "PJSIP/agent1"), flat(agentLeg)));

        // when agent1 answers
        long sent = System.nanoTime();
        peer.emit("AgentConnect", with(with(caller, "Queue", "hotline", "MemberName", "李娜", "Interface", "PJSIP/agent1",
                "RingTime", "3", "HoldTime", "12"), flat(agentLeg)));

        // then the screen pop reaches agent1 at once
        JsonObject pop = screenPops.poll(2, TimeUnit.SECONDS);
        long latencyMs = (System.nanoTime() - sent) / 1_000_000;
        assertThat(pop).isNotNull();
        assertThat(latencyMs).isLessThan(500);
        assertThat(pop.getJsonObject("call").getString("uniqueid")).isEqualTo(uid);
        assertThat(pop.getJsonObject("call").getString("callerNumber")).isEqualTo("13800138000");
        assertThat(pop.getJsonObject("customer").getLong("id")).isEqualTo(7L);
        assertThat(pop.getJsonObject("ivr").getString("path")).isEqualTo("identify>main_menu>agent");
        assertThat(pop.getJsonObject("agent").getString("username")).isEqualTo("agent1");

        // and when the call ends it is recorded with wait, talk time, agent and recording
        peer.emit("AgentComplete", with(with(caller, "Queue", "hotline", "MemberName", "李娜", "Interface", "PJSIP/agent1",
                "HoldTime", "12", "TalkTime", "95", "Reason", "caller"), flat(agentLeg)));
        peer.emit("Hangup", with(caller, "Cause", "16", "Cause-txt", "Normal Clearing"));
        Row row = callRow(uid);
        assertThat(row.getString("disposition")).isEqualTo("answered");
        assertThat(row.getInteger("wait_seconds")).isEqualTo(12);
        assertThat(row.getInteger("talk_seconds")).isEqualTo(95);
        assertThat(row.getLong("agent_user_id")).isEqualTo(agentId);
        assertThat(row.getString("recording")).isEqualTo("hotline/20261123/" + uid + ".wav");
        assertThat(row.getString("caller_number")).isEqualTo("13800138000");
        Await.until(() -> board.get() != null && member(board.get(), "PJSIP/agent1") != null
                && "wrap_up".equals(member(board.get(), "PJSIP/agent1").getString("state")), Duration.ofSeconds(2));
    }

    @Test
    @DisplayName("a caller who hangs up while queued is recorded as abandoned and counted on the board")
    void abandonedCall() throws Exception {
        // given a queued caller with no caller ID
        String uid = "1700000200.21";
        Map<String, String> caller = channelSnapshot("", "PJSIP/trunk-00000021", uid, uid, null, 6, "Up", "hotline-inbound", "96655");
        peer.emit("Newchannel", caller);
        peer.emit("QueueCallerJoin", with(caller, "Queue", "hotline", "Position", "1", "Count", "1"));
        Await.until(() -> board.get() != null && waiting(board.get()).size() == 1, Duration.ofSeconds(2));

        // when the caller gives up after 31 s
        peer.emit("QueueCallerAbandon", with(caller, "Queue", "hotline", "Position", "1", "OriginalPosition", "1", "HoldTime", "31"));
        peer.emit("QueueCallerLeave", with(caller, "Queue", "hotline", "Position", "1", "Count", "0"));
        peer.emit("Hangup", with(caller, "Cause", "16", "Cause-txt", "Normal Clearing"));

        // then the record says abandoned and the board has no waiting call and one more abandoned
        Row row = callRow(uid);
        assertThat(row.getString("disposition")).isEqualTo("abandoned");
        assertThat(row.getString("caller_number")).isNull();
        Await.until(() -> waiting(board.get()).isEmpty(), Duration.ofSeconds(2));
        assertThat(today(board.get()).getInteger("abandoned")).isGreaterThanOrEqualTo(1);
    }

    @Test
    @DisplayName("when the link drops and Asterisk returns, the link is back within 5 s and the state is resynchronised")
    void linkDroppedAndRestored() throws Exception {
        // given a live link
        Await.until(module::amiUp, Duration.ofSeconds(5));
        int failedBefore = failedLogins.count.get();

        // when Asterisk goes away
        peer.stop();
        Await.until(() -> !module.amiUp(), Duration.ofSeconds(5));
        JsonObject down = health.report().await();
        assertThat(down.getString("status")).isEqualTo("DEGRADED");
        assertThat(down.getJsonObject("checks").getJsonObject("ami").getString("status")).isEqualTo("DOWN");
        // and the link has failed to log in often enough for its backoff to reach its 300 ms cap (100 ms doubling)
        Await.until(() -> failedLogins.count.get() >= failedBefore + 6, Duration.ofSeconds(10));

        // and comes back with agent1 paused for lunch and one caller waiting 40 s
        peer.clearState();
        peer.queueMember(fields("Queue", "hotline", "Name", "李娜", "Location", "PJSIP/agent1", "StateInterface", "PJSIP/agent1",
                "Membership", "dynamic", "Penalty", "0", "CallsTaken", "3", "LastCall", "0", "LastPause", "0",
                "LoginTime", "0", "InCall", "0", "Status", "1", "Paused", "1", "PausedReason", "lunch", "Wrapuptime", "0"));
        peer.queueEntry(fields("Queue", "hotline", "Position", "1", "Channel", "PJSIP/trunk-00000031", "Uniqueid", "1700000300.31",
                "CallerIDNum", "13900139000", "CallerIDName", "unknown", "ConnectedLineNum", "unknown",
                "ConnectedLineName", "unknown", "Wait", "40", "Priority", "3"));
        long back = System.nanoTime();
        peer.restart();

        // then the link is up again within 5 s and the board shows what Asterisk reported
        Await.until(module::amiUp, Duration.ofSeconds(5));
        assertThat(Duration.ofNanos(System.nanoTime() - back)).isLessThan(Duration.ofSeconds(5));
        Await.until(() -> member(board.get(), "PJSIP/agent1") != null
                && "paused".equals(member(board.get(), "PJSIP/agent1").getString("state"))
                && waiting(board.get()).size() == 1, Duration.ofSeconds(5));
        assertThat(member(board.get(), "PJSIP/agent1").getString("pausedReason")).isEqualTo("lunch");
        assertThat(waiting(board.get())).singleElement().satisfies(w ->
                assertThat(((JsonObject) w).getLong("waitSeconds")).isGreaterThanOrEqualTo(40));
    }

    @Test
    @DisplayName("garbage and truncated AMI lines are ignored and the next real event is still handled")
    void garbageLines() throws Exception {
        // given garbage, a line without a colon, an event without an Event header and a truncated event
        peer.sendToAll("garbage without colon\r\n\r\n");
        peer.sendToAll("Foo: bar\r\nBaz: qux\r\n\r\n");
        peer.sendToAll("Event: Hangup\r\nPrivilege: call,all\r\nUniqueid: \r\n\r\n");
        peer.sendToAll("Event: QueueCallerJoin\r\nPrivilege: call,all\r\nQueue: hot");

        // when a proper call follows (the truncated event's blank line ends it first)
        peer.sendToAll("\r\n\r\n");
        String uid = "1700000400.41";
        Map<String, String> caller = caller(uid);
        peer.emit("Newchannel", caller);
        peer.emit("VarSet", with(caller, "Variable", "HOTLINE_IVR_ENDING", "Value", "completed"));
        peer.emit("VarSet", with(caller, "Variable", "HOTLINE_CUSTOMER_ID", "Value", "not-a-number"));
        peer.emit("Hangup", with(caller, "Cause", "16", "Cause-txt", "Normal Clearing"));

        // then it is recorded and the link stayed up
        Row row = callRow(uid);
        assertThat(row.getString("disposition")).isEqualTo("ivr_completed");
        assertThat(row.getLong("customer_id")).isNull();
        assertThat(module.amiUp()).isTrue();
        assertThat(board.get().getJsonArray("queues").stream().map(q -> ((JsonObject) q).getString("name")))
                .doesNotContain("hot");
    }

    private static String[] flat(Map<String, String> map) {
        return map.entrySet().stream().flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue())).toArray(String[]::new);
    }

    private static JsonObject hotline(JsonObject snapshot) {
        for (Object queue : snapshot.getJsonArray("queues")) {
            if ("hotline".equals(((JsonObject) queue).getString("name"))) {
                return (JsonObject) queue;
            }
        }
        return new JsonObject().put("waiting", new JsonArray()).put("members", new JsonArray()).put("today", new JsonObject());
    }

    private static JsonArray waiting(JsonObject snapshot) {
        return hotline(snapshot).getJsonArray("waiting");
    }

    private static JsonObject today(JsonObject snapshot) {
        return hotline(snapshot).getJsonObject("today");
    }

    private static JsonObject member(JsonObject snapshot, String iface) {
        if (snapshot == null) {
            return null;
        }
        for (Object member : hotline(snapshot).getJsonArray("members")) {
            if (iface.equals(((JsonObject) member).getString("interface"))) {
                return (JsonObject) member;
            }
        }
        return null;
    }
}
