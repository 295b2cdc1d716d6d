package hotline.telephony;

import hotline.auth.AuthModule;
import hotline.config.Config;
import hotline.store.DbEndpoint;
import hotline.telephony.ivr.FakeIvrServices;
import hotline.telephony.peer.AgiPeer;
import hotline.telephony.peer.AgiPeer.Caller;
import hotline.telephony.peer.AgiPeer.Transcript;
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

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static hotline.telephony.peer.AmiPeer.channelSnapshot;
import static hotline.telephony.peer.AmiPeer.with;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Callback instead of waiting, end to end over both protocols: the AGI peer plays callers through the IVR, the AMI
 * peer plays Asterisk's queue (a caller already waiting, no agent, then an agent free) and receives the Originate.
 */
class CallbackScenarioTest {

    private static final String SECRET = "ami-secret";
    private static AmiPeer peer;
    private static Vertx vertx;
    private static Pool pool;
    private static TelephonyModule module;
    private static final AtomicReference<JsonObject> board = new AtomicReference<>(new JsonObject().put("queues", new JsonArray()));

    @BeforeAll
    static void start() throws Exception {
        peer = new AmiPeer("hotline", SECRET).start();
        DbEndpoint db = TestDatabase.fresh();
        vertx = Vertx.vertx();
        pool = PgBuilder.pool().connectingTo(db.connectOptions()).using(vertx).build();
        Config config = new Config(new JsonObject()
                .put("agi", new JsonObject().put("port", 0))
                .put("ami", new JsonObject().put("host", "127.0.0.1").put("port", peer.port()).put("user", "hotline")
                        .put("secret", SECRET))
                .put("telephony", new JsonObject().put("callbackDialIntervalMs", 100)), Map.of());
        var meters = new SimpleMeterRegistry();
        var tickets = new hotline.ticket.TicketService(vertx, pool, Clock.systemUTC(), java.time.ZoneId.of("Asia/Shanghai"), meters);
        var users = new AuthModule(vertx, pool, config, Clock.systemUTC(), false).users();
        module = new TelephonyModule(vertx, config, pool, db.connectOptions(), Clock.systemUTC(), meters, tickets, users,
                new FakeIvrServices());
        module.start().await();
        vertx.eventBus().<JsonObject>consumer(TelephonyAddresses.QUEUES, m -> board.set(m.body()))
                .completion().await();
        Await.until(module::amiUp, Duration.ofSeconds(10));
    }

    @AfterAll
    static void stop() {
        module.stop().await();
        vertx.close().await();
        peer.close();
    }

    @Test
    @DisplayName("a caller facing a long wait presses 1, is called back on their number once an agent is free: Originate agent first")
    void callbackBookedAndDialled() throws Exception {
        // given a caller already waiting in the queue and no agent logged in (an unbounded wait)
        Map<String, String> waiting = channelSnapshot("", "PJSIP/trunk-00000001", "1700000100.1", "1700000100.1",
                "13700137000", 6, "Up", "hotline-inbound", "96655");
        peer.emit("QueueCallerJoin", with(waiting, "Queue", "hotline", "Position", "1", "Count", "1"));
        Await.until(() -> !queueWaiting().isEmpty(), Duration.ofSeconds(5));

        // when an unknown caller asks for an agent (0), takes the callback (1) on their own number (1)
        Transcript call = AgiPeer.call(module.agiPort(), Caller.of("13900001111", "0", "1", "1"));

        // then the callback is booked for that number, the caller hears it and is hung up on, and no ticket was made
        assertThat(call.prompts()).contains("hotline/callback-offer", "hotline/callback-on-number", "hotline/callback-booked");
        assertThat(call.saidDigits()).containsExactly("13900001111");
        assertThat(call.variables()).containsEntry("HOTLINE_IVR_ENDING", "completed").containsKey("HOTLINE_CALLBACK_ID");
        assertThat(call.hungUpByIvr()).isTrue();
        Row booked = callback(call.uniqueid());
        assertThat(booked.getString("caller_number")).isEqualTo("13900001111");
        assertThat(booked.getString("status")).isEqualTo("requested");
        assertThat(booked.getLong("customer_id")).isNull();
        assertThat(booked.getOffsetDateTime("due_at")).isEqualTo(booked.getOffsetDateTime("requested_at").plusMinutes(30));
        assertThat(count("SELECT count(*) FROM tickets", Tuple.tuple())).isZero();

        // when an agent becomes free on the queue board
        peer.emit("QueueMemberStatus", Map.of("Queue", "hotline", "MemberName", "李娜", "Interface", "PJSIP/agent1",
                "StateInterface", "PJSIP/agent1", "Status", "1", "Paused", "0", "InCall", "0"));

        // then Asterisk is asked to ring the agent's phone, then the caller's number, with the callback's id
        Map<String, String> originate = peer.nextAction("Originate", 5_000);
        assertThat(originate).as("Originate sent").isNotNull();
        assertThat(AmiPeer.header(originate, "Channel")).isEqualTo("PJSIP/agent1");
        assertThat(AmiPeer.header(originate, "Exten")).isEqualTo("13900001111");
        assertThat(AmiPeer.header(originate, "Context")).isEqualTo("hotline-agents");
        assertThat(originate.toString()).contains("HOTLINE_CALLBACK_ID=" + booked.getLong("id"));
        // and Asterisk answering Success marks it connected, with one attempt through that agent
        Await.until(() -> "connected".equals(callback(call.uniqueid()).getString("status")), Duration.ofSeconds(5));
        Row connected = callback(call.uniqueid());
        assertThat(connected.getInteger("attempts")).isEqualTo(1);
        assertThat(connected.getString("agent_interface")).isEqualTo("PJSIP/agent1");
        // and the agent, just dialled, gets no second Originate for it
        assertThat(peer.nextAction("Originate", 500)).isNull();
    }

    @Test
    @DisplayName("a caller facing a long wait who presses 2 keeps waiting in the queue and books nothing")
    void keepWaiting() throws Exception {
        // given a caller waiting and no agent free (the booking test may have logged one in: it logs out)
        Map<String, String> waiting = channelSnapshot("", "PJSIP/trunk-00000002", "1700000200.2", "1700000200.2",
                "13700137001", 6, "Up", "hotline-inbound", "96655");
        peer.emit("QueueCallerJoin", with(waiting, "Queue", "hotline", "Position", "1", "Count", "1"));
        peer.emit("QueueMemberRemoved", Map.of("Queue", "hotline", "MemberName", "李娜", "Interface", "PJSIP/agent1"));
        Await.until(() -> queueWaiting().contains("1700000200.2"), Duration.ofSeconds(5));

        // when the caller asks for an agent and presses 2 at the offer
        Transcript call = AgiPeer.call(module.agiPort(), Caller.of("13900002222", "0", "2"));

        // then the call goes to the queue, with nothing booked
        assertThat(call.prompts()).contains("hotline/callback-offer");
        assertThat(call.variables()).containsEntry("HOTLINE_IVR_ENDING", "to_queue");
        assertThat(call.variables().get("HOTLINE_IVR_PATH")).endsWith("agent>offer_callback>to_queue");
        assertThat(call.hungUpByIvr()).isFalse();
        assertThat(count("SELECT count(*) FROM callbacks WHERE call_uniqueid = $1", Tuple.of(call.uniqueid()))).isZero();
    }

    private static List<String> queueWaiting() {
        List<String> ids = new ArrayList<>();
        board.get().getJsonArray("queues").forEach(queue -> ((JsonObject) queue).getJsonArray("waiting")
                .forEach(call -> ids.add(((JsonObject) call).getString("uniqueid"))));
        return ids;
    }

    private static Row callback(String uniqueid) {
        return pool.preparedQuery("SELECT * FROM callbacks WHERE call_uniqueid = $1").execute(Tuple.of(uniqueid))
                .await().iterator().next();
    }

    private static long count(String sql, Tuple args) {
        return pool.preparedQuery(sql).execute(args).await().iterator().next().getLong(0);
    }
}
