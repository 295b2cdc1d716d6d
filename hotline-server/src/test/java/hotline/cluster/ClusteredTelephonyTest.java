package hotline.cluster;

import hotline.App;
import hotline.auth.Principal;
import hotline.auth.Role;
import hotline.auth.UserService;
import hotline.console.Calls;
import hotline.incident.IncidentService;
import hotline.sla.SlaScheduler;
import hotline.store.DbEndpoint;
import hotline.telephony.TelephonyAddresses;
import hotline.telephony.peer.AmiPeer;
import hotline.testing.ApiClient;
import hotline.testing.ApiResponse;
import hotline.testing.Await;
import hotline.testing.LiveEvents;
import hotline.testing.MovableClock;
import hotline.testing.TestCluster;
import hotline.testing.TestDatabase;
import hotline.ticket.Channel;
import hotline.ticket.Priority;
import hotline.ticket.TicketDraft;
import hotline.ticket.TicketService;
import hotline.ticket.TicketType;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances as one hotline on the clustered event bus, one database and one Asterisk (the AMI peer), whose link
 * one of them holds: what the holder learns reaches browsers on the other, and what agents do on the other reaches
 * Asterisk through the holder.
 */
class ClusteredTelephonyTest {

    private static AmiPeer peer;
    private static TestCluster cluster;
    private static App holder;
    private static App other;
    private static ApiClient agent1;
    private static ApiClient agent2;
    private static final MovableClock clock = new MovableClock(Instant.now());

    @BeforeAll
    static void start() throws Exception {
        peer = new AmiPeer("hotline", "cluster-secret").start();
        DbEndpoint database = TestDatabase.fresh();
        long started = System.nanoTime();
        cluster = TestCluster.start(2, new JsonObject().put("ami", new JsonObject().put("host", "127.0.0.1")
                .put("port", peer.port()).put("user", "hotline").put("secret", "cluster-secret")
                .put("standbyRetryMs", 500)).put("sla", new JsonObject().put("scanIntervalMs", 200)), database, clock);
        System.out.printf("Two clustered instances started in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        Await.until(() -> cluster.apps().stream().anyMatch(app -> app.telephony().amiUp()), Duration.ofSeconds(10));
        holder = cluster.apps().stream().filter(app -> app.telephony().amiUp()).findFirst().orElseThrow();
        other = cluster.apps().stream().filter(app -> app != holder).findFirst().orElseThrow();
        agent1 = agentWithPhone(other, "PJSIP/agent1");
        agent2 = agentWithPhone(other, "PJSIP/agent2");
    }

    @AfterAll
    static void stop() {
        cluster.close();
        peer.close();
    }

    static ApiClient agentWithPhone(App app, String phone) {
        ApiClient agent = ApiClient.as(app, Role.AGENT);
        app.pool().preparedQuery("UPDATE users SET phone_interface = $1 WHERE id = $2")
                .execute(Tuple.of(phone, agent.user().getLong("id"))).await();
        return agent;
    }

    @Test
    @DisplayName("each instance's health names the cluster and sees both members")
    void healthShowsTheCluster() {
        for (App app : cluster.apps()) {
            JsonObject part = ApiClient.management(app).get("/health").json().getJsonObject("checks")
                    .getJsonObject("cluster");
            assertThat(part.getString("status")).isEqualTo("UP");
            assertThat(part.getString("name")).startsWith("hotline-test-");
            assertThat(part.getJsonArray("members")).hasSize(2).contains(part.getString("node"));
        }
    }

    @Test
    @DisplayName("a call answered on agent1's phone pops on agent1's stream on the other instance, and on nobody else's")
    void popCrossesTheCluster() throws Exception {
        try (LiveEvents mine = LiveEvents.open(other, agent1);
             LiveEvents theirs = LiveEvents.open(other, agent2);
             LiveEvents theirsOnHolder = LiveEvents.open(holder, agent2)) {
            // when Asterisk, linked to the holder, connects a caller to agent1's phone
            String uid = new Calls(peer).answered("13800138000", null, "PJSIP/agent1");

            // then agent1's browser, connected to the other instance, pops the card
            LiveEvents.Event pop = mine.nextContaining("call-" + uid, Duration.ofSeconds(3));
            assertThat(pop).as("the screen pop on the other instance").isNotNull();
            assertThat(pop.data()).contains("13800138000");
            // and agent2's browsers, on either instance, get no pop
            assertThat(theirs.nextContaining("call-" + uid, Duration.ofMillis(500))).isNull();
            assertThat(theirsOnHolder.nextContaining("call-" + uid, Duration.ofMillis(100))).isNull();
        }
    }

    @Test
    @DisplayName("a browser connecting after the pop to an instance it never used before gets the call in its first state")
    void currentCallOnEveryInstance() throws Exception {
        ApiClient agent3 = agentWithPhone(holder, "PJSIP/agent3");
        String uid;
        try (LiveEvents before = LiveEvents.open(holder, agent3)) {
            uid = new Calls(peer).answered("13900139000", null, "PJSIP/agent3");
            assertThat(before.nextContaining("call-" + uid, Duration.ofSeconds(3))).isNotNull();
        }

        // when the browser comes back through the other instance (its first stream there)
        LiveEvents.Event state;
        try (LiveEvents after = LiveEvents.openRaw(other, agent3)) {
            state = after.nextContaining(uid, Duration.ofSeconds(5));
        }

        // then the state it is sent on connect (no new pop came) shows the call
        assertThat(state).as("the call in the state sent on connect").isNotNull();
        assertThat(state.data()).contains("13900139000");
    }

    @Test
    @DisplayName("an agent on the other instance logs in and pauses: Asterisk gets both through the holder, and the other instance's board shows the pause")
    void actionsReachTheHolder() throws Exception {
        while (peer.nextAction(50) != null) {
            // earlier tests' actions
        }
        // when agent2, on the instance without the link, logs in to the queue and pauses for lunch
        assertThat(agent2.post("/api/agent/queue", new JsonObject().put("action", "login")).status()).isEqualTo(202);
        ApiResponse paused = agent2.post("/api/agent/queue", new JsonObject().put("action", "pause").put("reason", "午餐"));

        // then the holder's link carried both to Asterisk
        assertThat(paused.status()).as(paused.body()).isEqualTo(202);
        Map<String, String> pause = peer.nextAction("QueuePause", 2_000);
        assertThat(pause).as("QueuePause at the peer").isNotNull();
        assertThat(AmiPeer.header(pause, "Interface")).isEqualTo("PJSIP/agent2");
        assertThat(AmiPeer.header(pause, "Reason")).isEqualTo("午餐");
        // and the board the other instance shows (the holder's, replicated) has agent2 paused
        Await.until(() -> "paused".equals(member(agent2.get("/api/queues").json(), "PJSIP/agent2").getString("state")),
                Duration.ofSeconds(3));
        assertThat(member(agent2.get("/api/queues").json(), "PJSIP/agent2").getString("pausedReason")).isEqualTo("午餐");
    }

    @Test
    @DisplayName("the wallboard of the instance without the link shows the holder's board, without the stand-by note a lone standby shows")
    void wallboardOnTheOtherInstance() throws Exception {
        ApiClient supervisor = ApiClient.as(other, Role.SUPERVISOR);
        ApiClient agent = agentWithPhone(other, "PJSIP/agent4");
        assertThat(agent.post("/api/agent/queue", new JsonObject().put("action", "login")).status()).isEqualTo(202);
        long agentId = agent.user().getLong("id");
        Await.until(() -> supervisor.get("/api/agents").json().getJsonArray("agents").stream()
                .map(JsonObject.class::cast).anyMatch(row -> row.getLong("userId") == agentId
                        && !"logged_out".equals(row.getString("state"))), Duration.ofSeconds(3));

        ApiResponse page = supervisor.get("/supervisor");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("wb-link-standby");
    }

    @Test
    @DisplayName("while no instance holds the AMI link, an agent's action answers 503 saying so, on either instance")
    void noHolderIs503() throws Exception {
        peer.stop();
        try {
            Await.until(() -> !holder.telephony().amiUp(), Duration.ofSeconds(3));
            for (App app : List.of(other, holder)) {
                ApiClient agent = agentWithPhone(app, "PJSIP/agent9" + app.httpPort());
                Await.until(() -> agent.post("/api/agent/queue", new JsonObject().put("action", "resume")).status() == 503,
                        Duration.ofSeconds(3));
                ApiResponse refused = agent.post("/api/agent/queue", new JsonObject().put("action", "resume"));
                assertThat(refused.status()).isEqualTo(503);
                assertThat(refused.json().getString("error")).contains("no instance holds the AMI link");
            }
        } finally {
            peer.restart();
            // the link is back, and served to the other instance again (its holder checks every 200 ms)
            Await.until(() -> agent2.post("/api/agent/queue", new JsonObject().put("action", "resume")).status() == 202,
                    Duration.ofSeconds(10));
        }
    }

    @Test
    @DisplayName("every address the live stream follows carries its JSON body from one instance to the other unchanged")
    void liveAddressesCrossTheCluster() throws Exception {
        Map<String, JsonObject> bodies = Map.of(
                TelephonyAddresses.screenPop(987_654), new JsonObject().put("call", new JsonObject()
                        .put("uniqueid", "1.1").put("callerNumber", "13800138000")).putNull("customer")
                        .put("ivr", new JsonObject().put("path", "identify>agent"))
                        .put("agent", new JsonObject().put("userId", 987_654).put("username", "nobody")),
                TelephonyAddresses.CALLS, new JsonObject().put("uniqueid", "1.1").put("agentInterface", "PJSIP/none")
                        .put("disposition", "answered").put("talkSeconds", 95),
                TelephonyAddresses.QUEUES, holder.telephony().queueBoard(),
                SlaScheduler.BUS_ADDRESS, new JsonObject().put("kind", "warning").put("ticketId", -1)
                        .put("number", "HL-20261130-000001").put("deadline", "resolve").put("level", "lead")
                        .put("to", "nobody").put("dueAt", "2026-11-30T12:00:00Z"),
                TicketService.BUS_ADDRESS, new JsonObject().put("id", -1).put("number", "HL-20261130-000001")
                        .put("action", "updated").put("status", "open").put("type", "repair").put("district", "东区"),
                UserService.SESSIONS_ENDED, new JsonObject().put("userId", -1),
                IncidentService.BUS_ADDRESS, new JsonObject().put("id", -1).put("kind", "opened")
                        .put("category", "BURST_MAIN").put("district", "东区").putNull("otherId").putNull("actorId"));
        BlockingQueue<Map.Entry<String, JsonObject>> received = new LinkedBlockingQueue<>();
        List<MessageConsumer<JsonObject>> consumers = new ArrayList<>();
        for (String address : bodies.keySet()) {
            MessageConsumer<JsonObject> consumer = other.vertx().eventBus()
                    .consumer(address, message -> received.add(Map.entry(address, message.body())));
            consumers.add(consumer);
            consumer.completion().await();
        }
        try {
            // when the holder publishes each body
            bodies.forEach((address, body) -> holder.vertx().eventBus().publish(address, body));

            // then the other instance receives each, equal to what was sent
            Map<String, JsonObject> seen = new HashMap<>();
            while (seen.size() < bodies.size()) {
                Map.Entry<String, JsonObject> next = received.poll(3, TimeUnit.SECONDS);
                assertThat(next).as("bodies received: " + seen.keySet()).isNotNull();
                if (!next.getKey().equals(TelephonyAddresses.QUEUES) || next.getValue().equals(bodies.get(next.getKey()))) {
                    seen.put(next.getKey(), next.getValue());
                }
            }
            assertThat(seen).isEqualTo(bodies);
        } finally {
            consumers.forEach(MessageConsumer::unregister);
        }
    }

    @Test
    @DisplayName("a ticket created on one instance is found by a search on the other within a second (each feeds its own index)")
    void ticketSearchableOnEveryInstance() throws Exception {
        ApiClient writer = ApiClient.as(holder, Role.AGENT);
        hits(agent1, "预热"); // the first search of a JVM loads the analyzers
        long id = writer.post("/api/tickets", new JsonObject().put("type", "repair")
                .put("subject", "集群测试 阀门井漏水").put("district", "north")).json().getLong("id");
        long created = System.nanoTime();

        Await.until(() -> hits(agent1, "阀门井").stream().anyMatch(hit -> ((JsonObject) hit).getLong("id") == id),
                Duration.ofSeconds(2));
        long otherMs = (System.nanoTime() - created) / 1_000_000;
        Await.until(() -> hits(writer, "阀门井").stream().anyMatch(hit -> ((JsonObject) hit).getLong("id") == id),
                Duration.ofSeconds(2));
        System.out.printf("found on the other instance after %d ms, on the writer's after %d ms%n", otherMs,
                (System.nanoTime() - created) / 1_000_000);
        assertThat(otherMs).isLessThan(1_000);
    }

    @Test
    @DisplayName("the SLA schedulers of both instances scan at once, yet each late ticket escalates once and its notice reaches a browser's instance once")
    void escalationsOnceAcrossTheCluster() throws Exception {
        Principal agent = new Principal(0, "agent-wang", "Agent Wang", Role.AGENT);
        Set<Long> ids = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            ids.add(holder.tickets().create(new TicketDraft(TicketType.REPAIR, Channel.PHONE, Priority.CRITICAL, false,
                    null, null, "water gushing from the road " + i, null, null, "D0" + (i % 3), null, null), agent,
                    Optional.empty()).await().id());
        }
        List<Long> escalationNotices = new CopyOnWriteArrayList<>();
        MessageConsumer<JsonObject> notices = other.vertx().eventBus().<JsonObject>consumer(SlaScheduler.BUS_ADDRESS,
                message -> {
                    if ("escalation".equals(message.body().getString("kind"))
                            && ids.contains(message.body().getLong("ticketId"))) {
                        escalationNotices.add(message.body().getLong("ticketId"));
                    }
                });
        notices.completion().await();
        try {
            // when the targets pass while both schedulers scan every 200 ms
            clock.advance(Duration.ofMinutes(61));

            // then every ticket escalates, once, and the instance that told nobody hears of each once
            Await.until(() -> escalations(ids) == ids.size(), Duration.ofSeconds(10));
            Await.until(() -> escalationNotices.size() >= ids.size(), Duration.ofSeconds(3));
            Thread.sleep(600); // three more scans of each scheduler
            assertThat(escalations(ids)).isEqualTo(ids.size());
            assertThat(escalationNotices).hasSize(ids.size()).doesNotHaveDuplicates();
        } finally {
            notices.unregister();
        }
    }

    private static long escalations(Set<Long> ids) {
        return holder.pool().preparedQuery("SELECT count(*) FROM ticket_events WHERE action = 'escalate' "
                        + "AND ticket_id = ANY($1)").execute(Tuple.of(ids.toArray(Long[]::new))).await()
                .iterator().next().getLong(0);
    }

    private static JsonArray hits(ApiClient client, String q) {
        return client.get("/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)).json().getJsonArray("hits");
    }

    static JsonObject member(JsonObject board, String phone) {
        return board.getJsonArray("queues").stream().map(JsonObject.class::cast)
                .flatMap(queue -> queue.getJsonArray("members").stream().map(JsonObject.class::cast))
                .filter(member -> phone.equals(member.getString("interface"))).findFirst().orElse(new JsonObject());
    }
}
