package hotline.telephony;

import hotline.App;
import hotline.auth.NewUser;
import hotline.auth.Role;
import hotline.telephony.peer.SoftPhone;
import hotline.testing.ApiClient;
import hotline.testing.ApiResponse;
import hotline.testing.Await;
import hotline.testing.TestApp;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.action.GetVarAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.action.QueueStatusAction;
import org.asteriskjava.manager.event.QueueMemberEvent;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.response.ManagerResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Against a real Asterisk set up with the files of {@code ivr-scripts/} (see its README;
 * {@code ivr-scripts/dev/asterisk-sandbox.sh} starts one and prints these settings). Runs only when
 * {@code HOTLINE_IT_ASTERISK=host:port,user,secret} names the AMI of one; otherwise every test reports itself skipped.
 * FastAGI listens where the dialplan sends calls: the address and port of its {@code HOTLINE_HOST} and
 * {@code HOTLINE_AGI_PORT} globals, asked of Asterisk ({@code HOTLINE_IT_AGI_HOST} overrides the address, for an
 * Asterisk that reaches this machine by another address than the one to listen on). Optional:
 * {@code HOTLINE_IT_SIP=host:port,user,password}, a SIP account whose calls land in {@code hotline-inbound}, for a
 * call from a real phone (baresip, RFC 4733 DTMF); {@code HOTLINE_IT_RECORDINGS_DIR}, Asterisk's monitor directory;
 * {@code HOTLINE_IT_ASTERISK_CLI}, the command that runs Asterisk's CLI ({@code asterisk -C .../asterisk.conf}), to
 * restart it. The link's reconnect times are printed ({@code REAL-ASTERISK} lines) for docs/benchmarks.md.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RealAsteriskTest {

    private static final String ASTERISK = System.getenv("HOTLINE_IT_ASTERISK");
    private static final String AGI_HOST = System.getenv("HOTLINE_IT_AGI_HOST");
    private static final String SIP = System.getenv("HOTLINE_IT_SIP");
    private static final String RECORDINGS = System.getenv("HOTLINE_IT_RECORDINGS_DIR");
    private static final String CLI = System.getenv("HOTLINE_IT_ASTERISK_CLI");
    /** The caller ID of the sandbox's SIP account, which the softphone test registers as a customer's phone. */
    private static final String SIP_CALLER_ID = "13912345678";
    /** The account of the customer with that phone. */
    private static final String SIP_ACCOUNT = "31000077";
    /** What the IVR publishes on the event bus's AMI address, seen without taking it from the switchboard. */
    private static final BlockingQueue<JsonObject> amiEvents = new LinkedBlockingQueue<>();
    private static App app;
    private static String host;
    private static int port;
    private static String user;
    private static String secret;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(ASTERISK != null && !ASTERISK.isBlank(),
                "HOTLINE_IT_ASTERISK is not set (host:port,user,secret of a real Asterisk's AMI): real-Asterisk tests skipped");
        String[] parts = ASTERISK.split(",", 3);
        assumeTrue(parts.length == 3 && parts[0].contains(":"), "HOTLINE_IT_ASTERISK must be host:port,user,secret");
        if (app != null) {
            return;
        }
        host = parts[0].substring(0, parts[0].lastIndexOf(':'));
        port = Integer.parseInt(parts[0].substring(parts[0].lastIndexOf(':') + 1));
        user = parts[1];
        secret = parts[2];
        JsonObject settings = new JsonObject()
                .put("ami", new JsonObject().put("host", host).put("port", port).put("user", user).put("secret", secret))
                .put("agi", new JsonObject().put("host", AGI_HOST != null && !AGI_HOST.isBlank() ? AGI_HOST
                        : dialplanGlobal("HOTLINE_HOST")).put("port", Integer.parseInt(dialplanGlobal("HOTLINE_AGI_PORT"))));
        if (RECORDINGS != null && !RECORDINGS.isBlank()) {
            settings.put("telephony", new JsonObject().put("recordingsDir", RECORDINGS));
        }
        app = TestApp.start(settings, Clock.systemUTC());
        app.vertx().eventBus().addOutboundInterceptor(delivery -> {
            if (TelephonyAddresses.AMI_EVENTS.equals(delivery.message().address())
                    && delivery.message().body() instanceof JsonObject event) {
                amiEvents.add(event.copy());
            }
            delivery.next();
        });
    }

    /** A global variable of Asterisk's dialplan (Getvar without a channel), with a log-in of its own. */
    private static String dialplanGlobal(String name) throws Exception {
        ManagerConnection ami = new ManagerConnectionFactory(host, port, user, secret).createManagerConnection();
        ami.login("off");
        try {
            ManagerResponse answer = ami.sendAction(new GetVarAction(name), 5_000);
            String value = answer.getAttribute("value");
            assertThat(value).as("dialplan global " + name + " (ivr-scripts/extensions_hotline.conf)").isNotBlank();
            return value;
        } finally {
            ami.logoff();
        }
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    @Order(1)
    @DisplayName("the AMI link logs in to the real Asterisk with the sample's classes and resyncs; /health shows it UP")
    void linkAndQueue() throws Exception {
        Await.until(() -> app.telephony().amiUp(), Duration.ofSeconds(15));
        JsonObject health = ApiClient.management(app).get("/health").json();
        assertThat(health.getJsonObject("checks").getJsonObject("ami").getString("status")).isEqualTo("UP");
    }

    @Test
    @Order(2)
    @DisplayName("a call originated into hotline-inbound runs the IVR over FastAGI and ends as a call record with its IVR path")
    void callThroughIvr() throws Exception {
        Await.until(() -> app.telephony().amiUp(), Duration.ofSeconds(15));
        // a Local channel into the inbound context whose other half hangs up after 20 s; nobody presses keys
        String uniqueid = originateLocal("13800138000", 20);

        Row call = awaitCall(uniqueid, Duration.ofSeconds(60));
        assertThat(call.getString("ivr_path")).startsWith("identify>who_are_you");
        // named by the uniqueid of the Local channel's half that runs the dialplan
        assertThat(call.getString("recording")).matches("hotline/\\d{8}/[0-9.]+\\.wav");
        System.out.printf("REAL-ASTERISK local call %s: %s, ivr_path %s%n", uniqueid, call.getString("disposition"),
                call.getString("ivr_path"));
    }

    @Test
    @Order(3)
    @DisplayName("a real SIP phone reports a leak with RFC 4733 keys: one repair ticket on channel ivr, its number read back, a true call record")
    void softPhoneLeakReport() throws Exception {
        assumeTrue(SIP != null && !SIP.isBlank(), "HOTLINE_IT_SIP is not set (host:port,user,password): the SIP phone call is skipped");
        String[] sip = SIP.split(",", 3);
        long customerId = sipCaller();
        // the key the caller presses when the IVR's path reaches each node (the path is published before each prompt)
        Map<String, String> keys = Map.of("main_menu", "1", "leak_category", "1", "q_flooding", "2", "q_supply", "2",
                "location_menu", "1", "confirm", "1");

        try (SoftPhone phone = SoftPhone.start(sip[0], sip[1], sip[2])) {
            Walk walk = walkIvr(phone, sip, keys, path -> path.endsWith(">goodbye"));
            String uniqueid = walk.uniqueid();
            String path = walk.path();
            assertThat(path).as("IVR path").contains("confirm>create>read_ticket>repeat_menu").endsWith(">goodbye");
            assertThat(phone.await("CALL_CLOSED", Duration.ofSeconds(20))).as("the IVR hung up").isNotNull();

            Row call = awaitCall(uniqueid, Duration.ofSeconds(20));
            assertThat(call.getString("disposition")).isEqualTo("ivr_completed");
            assertThat(call.getLong("customer_id")).isEqualTo(customerId);
            assertThat(call.getString("caller_number")).isEqualTo(SIP_CALLER_ID);
            RowSet<Row> tickets = app.pool().preparedQuery("SELECT t.number, t.channel, t.type, t.customer_id FROM tickets t "
                    + "JOIN call_tickets ct ON ct.ticket_id = t.id JOIN calls c ON c.id = ct.call_id WHERE c.uniqueid = $1")
                    .execute(Tuple.of(uniqueid)).await();
            assertThat(tickets.size()).isOne();
            Row ticket = tickets.iterator().next();
            assertThat(ticket.getString("channel")).isEqualTo("ivr");
            assertThat(ticket.getString("type")).isEqualTo("repair");
            assertThat(ticket.getLong("customer_id")).isEqualTo(customerId);
            long heard = phone.heard() == null ? 0 : Files.size(phone.heard());
            System.out.printf("REAL-ASTERISK SIP call %s: ticket %s, path %s, heard %d s of audio%n", uniqueid,
                    ticket.getString("number"), path, heard / 16_000);
            assertThat(heard).as("the phone heard the prompts and the number").isGreaterThan(16_000L * 20);
            if (RECORDINGS != null && !RECORDINGS.isBlank()) {
                ApiResponse recording = ApiClient.as(app, Role.AGENT).get("/api/calls/" + uniqueid + "/recording",
                        Map.of("Range", "bytes=0-43"));
                assertThat(recording.status()).isEqualTo(206);
                assertThat(recording.header("Content-Range")).matches("bytes 0-43/\\d+");
                System.out.printf("REAL-ASTERISK recording of %s: %s%n", uniqueid, recording.header("Content-Range"));
            }
        }
    }

    @Test
    @Order(4)
    @DisplayName("after a dropped AMI socket the link is up within 1 s and the resync closes no live call")
    void droppedSocket() throws Exception {
        Await.until(() -> app.telephony().amiUp(), Duration.ofSeconds(15));
        String uniqueid = originateLocal("13800138002", 20);
        TimeUnit.SECONDS.sleep(3);

        // when the kernel aborts Hotline's AMI connection (as a network failure would)
        long dropped = System.nanoTime();
        Process kill = new ProcessBuilder("ss", "-K", "dst", host, "dport", "=", ":" + port).redirectErrorStream(true).start();
        assumeTrue(kill.waitFor() == 0, "ss -K cannot abort sockets here (needs root and INET_DIAG_DESTROY)");

        // then the link logs in again and resyncs (it counts as up once the resync is handed on)
        JsonObject resync;
        do {
            resync = amiEvents.poll(5, TimeUnit.SECONDS);
        } while (resync != null && !"resync".equals(resync.getString("type")));
        Duration back = Duration.ofNanos(System.nanoTime() - dropped);
        assertThat(resync).as("a resync after the drop").isNotNull();
        Await.until(() -> app.telephony().amiUp(), Duration.ofSeconds(1));
        System.out.printf("REAL-ASTERISK dropped socket: link up again %d ms after the drop, resync listing %d channels%n",
                back.toMillis(), resync.getJsonArray("channels").size());

        // then the call still in the IVR was kept, and is recorded whole when it really ends
        assertThat(back).isLessThan(Duration.ofSeconds(1));
        Row call = awaitCall(uniqueid, Duration.ofSeconds(40));
        Duration length = Duration.between(call.getOffsetDateTime("started_at"), call.getOffsetDateTime("ended_at"));
        assertThat(length).as("not closed by the resync").isGreaterThanOrEqualTo(Duration.ofSeconds(15));
        assertThat(call.getString("ivr_path")).isNotNull();
    }

    @Test
    @Order(5)
    @DisplayName("after 'core restart now' the link is up within 1 s of Asterisk answering again (fully booted)")
    void restart() throws Exception {
        assumeTrue(CLI != null && !CLI.isBlank(), "HOTLINE_IT_ASTERISK_CLI is not set: the restart is skipped");
        Await.until(() -> app.telephony().amiUp(), Duration.ofSeconds(15));
        List<String> command = new ArrayList<>(List.of(CLI.trim().split("\\s+")));
        command.addAll(List.of("-rx", "core restart now"));
        long restarted = System.nanoTime();
        assertThat(new ProcessBuilder(command).redirectErrorStream(true).start().waitFor()).isZero();
        Await.until(() -> !app.telephony().amiUp(), Duration.ofSeconds(10));

        // Asterisk's manager port sends its banner early in the start; Hotline's resync needs the queue module too,
        // which is there once Asterisk is fully booted
        while (!answers()) {
            TimeUnit.MILLISECONDS.sleep(5);
        }
        long answering = System.nanoTime();
        List<String> booted = new ArrayList<>(command.subList(0, command.size() - 1));
        booted.add("core waitfullybooted");
        assertThat(new ProcessBuilder(booted).redirectErrorStream(true).start().waitFor()).isZero();
        long fullyBooted = System.nanoTime();
        Await.until(() -> app.telephony().amiUp(), Duration.ofSeconds(10));
        long up = System.nanoTime();
        System.out.printf("REAL-ASTERISK core restart now: manager answering %d ms after the restart, fully booted %d ms "
                        + "later, link up %d ms after the manager answered (%d ms after fully booted)%n",
                (answering - restarted) / 1_000_000, (fullyBooted - answering) / 1_000_000, (up - answering) / 1_000_000,
                (up - fullyBooted) / 1_000_000);
        assertThat(Duration.ofNanos(up - fullyBooted)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    @Order(6)
    @DisplayName("a known caller hears her balance, last payment and meter readings read out by SAY NUMBER and SAY DATE, then is back at the menu")
    void billingByPhone() throws Exception {
        assumeTrue(SIP != null && !SIP.isBlank(), "HOTLINE_IT_SIP is not set (host:port,user,password): the billing call is skipped");
        String[] sip = SIP.split(",", 3);
        sipCaller();
        String account = SIP_ACCOUNT;
        app.pool().query("DELETE FROM billing_accounts WHERE account_number = '" + account + "'").execute().await();
        app.pool().query("INSERT INTO billing_accounts (account_number, balance, next_reading_on, imported_at) VALUES ('"
                + account + "', 1234.50, DATE '2026-12-15', now())").execute().await();
        app.pool().query("INSERT INTO billing_payments (account_number, paid_on, amount, method) VALUES ('" + account
                + "', DATE '2026-11-02', 88.00, 'wechat')").execute().await();
        app.pool().query("INSERT INTO billing_readings (account_number, read_on, value, estimated) VALUES ('" + account
                + "', DATE '2026-11-10', 3021.40, false)").execute().await();
        // past the leak reported before (2), 3 for the balance, back to the menu with 1, then 4 for the meter readings
        Map<String, String> keys = Map.of("incident_menu", "2", "main_menu", "34", "after_status", "1");

        try (SoftPhone phone = SoftPhone.start(sip[0], sip[1], sip[2])) {
            Walk walk = walkIvr(phone, sip, keys, path -> path.contains("say_next_reading>after_status"));
            phone.hangUp();
            System.out.printf("REAL-ASTERISK billing call %s: path %s%n", walk.uniqueid(), walk.path());
            assertThat(walk.path()).contains("balance_lookup>balance_due>say_balance_due>last_payment>say_last_payment>after_status")
                    .contains("reading_lookup>last_reading>say_last_reading>reading_estimated>next_reading>say_next_reading>after_status");
            Row call = awaitCall(walk.uniqueid(), Duration.ofSeconds(20));
            assertThat(call.getString("ivr_path")).contains("say_balance_due").contains("say_last_reading");
        }
    }

    /** The customer whose phone is the sandbox SIP account's caller ID (made once); its id. */
    private static long sipCaller() {
        app.pool().query("INSERT INTO customers (account_number, name, address, district, water_use, kind, tier, "
                + "critical_facility, created_at, updated_at) VALUES ('" + SIP_ACCOUNT + "', '赵敏', '解放路5号', '07', "
                + "'residential', 'individual', 'ordinary', false, now(), now()) ON CONFLICT (account_number) DO NOTHING")
                .execute().await();
        long customerId = app.pool().preparedQuery("SELECT id FROM customers WHERE account_number = $1")
                .execute(Tuple.of(SIP_ACCOUNT)).await().iterator().next().getLong("id");
        app.pool().preparedQuery("INSERT INTO customer_phones (customer_id, phone, position) VALUES ($1, $2, 0) "
                + "ON CONFLICT DO NOTHING").execute(Tuple.of(customerId, SIP_CALLER_ID)).await();
        return customerId;
    }

    private record Walk(String uniqueid, String path) {
    }

    /**
     * Calls the inbound number from {@code phone}, chooses Chinese, then presses, each time the IVR's path reaches a
     * node named in {@code keys}, the next of that node's keys, until the path satisfies {@code done} (2 min at most).
     */
    private static Walk walkIvr(SoftPhone phone, String[] sip, Map<String, String> keys, Predicate<String> done)
            throws Exception {
        amiEvents.clear();
        Map<String, Integer> visits = new HashMap<>();
        phone.dial("sip:96655@" + sip[0]);
        assertThat(phone.await("CALL_ESTABLISHED", Duration.ofSeconds(10))).as("call established").isNotNull();
        // 1 for Chinese at the language choice, then a key for each menu as its prompt starts
        TimeUnit.MILLISECONDS.sleep(1500);
        phone.press('1');
        String uniqueid = null;
        String path = "";
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!done.test(path) && System.nanoTime() < deadline) {
            JsonObject event = amiEvents.poll(1, TimeUnit.SECONDS);
            if (event == null || !"var_set".equals(event.getString("type"))
                    || !event.getString("channel", "").startsWith("PJSIP/" + sip[1])) {
                continue;
            }
            uniqueid = event.getString("linkedid");
            if (event.getString("variable").equals("HOTLINE_IVR_PATH")) {
                path = event.getString("value");
                String node = path.substring(path.lastIndexOf('>') + 1);
                String nodeKeys = keys.getOrDefault(node, "");
                int visit = visits.merge(node, 1, Integer::sum) - 1;
                if (visit < nodeKeys.length()) {
                    TimeUnit.MILLISECONDS.sleep(600);
                    phone.press(nodeKeys.charAt(visit));
                }
            }
        }
        assertThat(done.test(path)).as("IVR path " + path).isTrue();
        return new Walk(uniqueid, path);
    }

    @Test
    @Order(7)
    @DisplayName("a supervisor pauses an agent with a reason, resumes and logs her out: the real queue member follows each step")
    void supervisorQueueActions() throws Exception {
        Await.until(() -> app.telephony().amiUp(), Duration.ofSeconds(15));
        String username = "agent-queue-" + ProcessHandle.current().pid();
        app.auth().users().create(new NewUser(username, "Agent Queue", Role.AGENT, ApiClient.PASSWORD, "PJSIP/agent2"))
                .await();
        ApiClient agent = ApiClient.login(app, username, ApiClient.PASSWORD);
        ApiClient supervisor = ApiClient.as(app, Role.SUPERVISOR);
        long agentId = agent.user().getLong("id");
        assertThat(agent.post("/api/agent/queue", new JsonObject().put("action", "login")).status()).isEqualTo(202);
        Await.until(() -> member("PJSIP/agent2") != null, Duration.ofSeconds(5));

        assertThat(supervisor.post("/api/agents/" + agentId + "/queue",
                new JsonObject().put("action", "pause").put("reason", "质检辅导 coaching")).status()).isEqualTo(202);
        Await.until(() -> "1".equals(attribute(member("PJSIP/agent2"), "paused")), Duration.ofSeconds(5));
        assertThat(attribute(member("PJSIP/agent2"), "pausedreason")).isEqualTo("质检辅导 coaching");
        assertThat(app.pool().preparedQuery("SELECT action, reason FROM agent_queue_interventions WHERE agent_user_id = $1 ORDER BY id")
                .execute(Tuple.of(agentId)).await().iterator().next().getString("reason")).isEqualTo("质检辅导 coaching");

        assertThat(supervisor.post("/api/agents/" + agentId + "/queue",
                new JsonObject().put("action", "resume").put("reason", "back")).status()).isEqualTo(202);
        Await.until(() -> "0".equals(attribute(member("PJSIP/agent2"), "paused")), Duration.ofSeconds(5));

        assertThat(supervisor.post("/api/agents/" + agentId + "/queue",
                new JsonObject().put("action", "logout").put("reason", "end of shift")).status()).isEqualTo(202);
        Await.until(() -> member("PJSIP/agent2") == null, Duration.ofSeconds(5));
        System.out.println("REAL-ASTERISK supervisor pause (with a Chinese reason), resume and log-out followed by the queue member");
    }

    @Test
    @Order(8)
    @DisplayName("a caller in a planned shut-off's area hears its start and expected end read by SAY DATE and SAY NUMBER before the menu")
    void plannedOutageAnnounced() throws Exception {
        assumeTrue(SIP != null && !SIP.isBlank(), "HOTLINE_IT_SIP is not set (host:port,user,password): the outage call is skipped");
        String[] sip = SIP.split(",", 3);
        sipCaller();
        Instant start = Instant.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MINUTES);
        ApiResponse scheduled = ApiClient.as(app, Role.SUPERVISOR).post("/api/outages", new JsonObject()
                .put("areaKind", "accounts").put("area", new JsonArray().add(SIP_ACCOUNT))
                .put("startsAt", start.toString()).put("endsAt", start.plus(Duration.ofHours(5)).toString())
                .put("reason", "阀门更换 valve replacement").put("emergency", true));
        assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(201);

        try (SoftPhone phone = SoftPhone.start(sip[0], sip[1], sip[2])) {
            Walk walk = walkIvr(phone, sip, Map.of(), path -> path.contains("say_outage_planned>known_incidents"));
            phone.hangUp();
            System.out.printf("REAL-ASTERISK outage call %s: path %s, heard %d s of audio%n", walk.uniqueid(), walk.path(),
                    phone.heard() == null ? 0 : Files.size(phone.heard()) / 16_000);
            assertThat(walk.path()).startsWith("identify>planned_outage>say_outage_planned>known_incidents");
            // 49 s with every prompt in place; 23 s when the sandbox lacked the announcement's own prompts
            assertThat(Files.size(phone.heard())).as("the announcement was heard whole").isGreaterThan(16_000L * 30);
        }
    }

    /** The attributes of Asterisk's QueueMember event for {@code phone} in the hotline queue, or null when it is no member. */
    private static Map<String, String> member(String phone) {
        try {
            ManagerConnection ami = new ManagerConnectionFactory(host, port, user, secret).createManagerConnection();
            ami.login("off");
            try {
                QueueStatusAction status = new QueueStatusAction();
                status.setQueue("hotline");
                ResponseEvents events = ami.sendEventGeneratingAction(status, 5_000);
                return events.getEvents().stream()
                        .filter(event -> event instanceof QueueMemberEvent member && phone.equals(member.getLocation()))
                        .map(event -> {
                            QueueMemberEvent member = (QueueMemberEvent) event;
                            return Map.of("paused", Boolean.TRUE.equals(member.getPaused()) ? "1" : "0",
                                    "pausedreason", member.getPausedreason() == null ? "" : member.getPausedreason());
                        })
                        .findFirst().orElse(null);
            } finally {
                ami.logoff();
            }
        } catch (Exception e) {
            throw new AssertionError("QueueStatus failed", e);
        }
    }

    private static String attribute(Map<String, String> member, String name) {
        return member == null ? null : member.get(name);
    }

    /** True when Asterisk's manager port accepts a connection and sends its banner. */
    private static boolean answers() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 200);
            socket.setSoTimeout(200);
            InputStream in = socket.getInputStream();
            return in.read() == 'A';
        } catch (IOException notYet) {
            return false;
        }
    }

    /** Originates a Local channel into hotline-inbound whose other half hangs up after {@code seconds}; its uniqueid. */
    private static String originateLocal(String callerId, int seconds) throws Exception {
        amiEvents.clear();
        ManagerConnection ami = new ManagerConnectionFactory(host, port, user, secret).createManagerConnection();
        ami.login("off");
        try {
            OriginateAction originate = new OriginateAction();
            originate.setChannel("Local/s@hotline-inbound");
            originate.setApplication("Wait");
            originate.setData(Integer.toString(seconds));
            originate.setCallerId(callerId);
            originate.setTimeout(30_000L);
            originate.setAsync(true);
            assertThat(ami.sendAction(originate, 30_000).getResponse()).isEqualTo("Success");
        } finally {
            ami.logoff();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            JsonObject event = amiEvents.poll(1, TimeUnit.SECONDS);
            if (event != null && "new_channel".equals(event.getString("type"))
                    && event.getString("channel", "").startsWith("Local/s@hotline-inbound")
                    && event.getString("uniqueid").equals(event.getString("linkedid"))) {
                return event.getString("uniqueid");
            }
        }
        throw new AssertionError("no Newchannel for the originated call");
    }

    private static Row awaitCall(String uniqueid, Duration limit) throws Exception {
        AtomicReference<Row> row = new AtomicReference<>();
        Await.until(() -> {
            RowSet<Row> rows = app.pool().preparedQuery("SELECT * FROM calls WHERE uniqueid = $1").execute(Tuple.of(uniqueid)).await();
            row.set(rows.size() == 1 ? rows.iterator().next() : null);
            return row.get() != null;
        }, limit);
        return row.get();
    }
}
