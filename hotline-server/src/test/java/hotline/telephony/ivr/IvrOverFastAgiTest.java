package hotline.telephony.ivr;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import hotline.telephony.ivr.internal.AgiIvrChannel;
import hotline.telephony.peer.AgiPeer;
import hotline.telephony.peer.Dialplan;
import hotline.telephony.peer.AgiPeer.Caller;
import hotline.telephony.peer.AgiPeer.Transcript;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The IVR flow as Asterisk drives it: the AGI peer calls the FastAGI server over TCP, byte for byte. */
class IvrOverFastAgiTest {

    private static final FakeIvrServices services = new FakeIvrServices();
    private static final FakeCallbackDesk callbacks = new FakeCallbackDesk();
    private static VirtualThreadAgiServer server;
    private static int port;

    @BeforeAll
    static void startServer() throws Exception {
        FastAgiFixture fixture = FastAgiFixture.start(List.of("ivr", "survey"), services, callbacks);
        server = fixture.server();
        port = fixture.port();
    }

    @AfterAll
    static void stopServer() {
        server.stop();
    }

    @BeforeEach
    void clear() {
        callbacks.longWaitFor.clear();
        callbacks.requests.clear();
        services.repairs.clear();
        services.incidents.clear();
    }

    @Test
    @DisplayName("a known caller reports a leak and hears the new ticket number read back digit by digit")
    void leakReportFromCallerId() throws Exception {
        // given a caller whose number belongs to a customer
        Caller caller = Caller.of(FakeIvrServices.WANG_PHONE, "1", "1", "1", "2", "1", "1", "timeout");

        // when they choose report, leak, flooding yes, supply no, registered address, confirm
        Transcript call = AgiPeer.call(port, caller);

        // then one urgent repair is made for the customer and its number is read back
        assertThat(services.repairs).hasSize(1);
        RepairReport report = services.repairs.getFirst();
        assertThat(report.customerId()).isEqualTo(FakeIvrServices.WANG.id());
        assertThat(report.category()).isEqualTo("service_pipe_leak");
        assertThat(report.urgent()).isTrue();
        assertThat(report.location()).isEqualTo("幸福路12号3单元");
        assertThat(report.callUniqueid()).isEqualTo(call.uniqueid());
        String number = services.created.getLast();
        assertThat(call.saidDigits()).containsExactly(number.replace("HL-", "").replace("-", ""));
        assertThat(call.variables()).containsEntry("HOTLINE_TICKET", number)
                .containsEntry("HOTLINE_IVR_ENDING", "completed").containsEntry("HOTLINE_CUSTOMER_ID", "7");
        assertThat(call.hungUpByIvr()).isTrue();
        assertThat(call.replies()).noneMatch(reply -> reply.startsWith("5"));
    }

    @Test
    @DisplayName("pressing 1 after the number reads it back again")
    void numberRepeated() throws Exception {
        Transcript call = AgiPeer.call(port, Caller.of(FakeIvrServices.WANG_PHONE, "1", "1", "2", "2", "1", "1", "1", "timeout"));

        assertThat(call.saidDigits()).hasSize(2).allMatch(digits -> digits.equals(call.saidDigits().getFirst()));
    }

    @Test
    @DisplayName("a caller with no caller ID who types a wrong account number three times goes to an agent")
    void wrongAccountThreeTimes() throws Exception {
        // given a withheld number
        // when the caller chooses 'customer' and types an unknown account three times
        Transcript call = AgiPeer.call(port, Caller.of(null, "1", "99999999#", "88888888#", "77777777#"));

        // then the IVR hands the call back to the dialplan for the queue, with nothing created
        assertThat(services.repairs).isEmpty();
        assertThat(call.prompts().stream().filter(p -> p.equals("hotline/enter-account"))).hasSize(3);
        assertThat(call.variables()).containsEntry("HOTLINE_IVR_ENDING", "to_queue").containsEntry("QUEUE_PRIO", "2");
        assertThat(call.variables().get("HOTLINE_IVR_PATH")).endsWith("check_account>account_unknown>ask_account>agent>to_queue");
        assertThat(call.hungUpByIvr()).isFalse();
    }

    @Test
    @DisplayName("silence or wrong keys re-prompt at most three times, then the caller reaches an agent")
    void noDigitsThreeTimes() throws Exception {
        Transcript call = AgiPeer.call(port, Caller.of(FakeIvrServices.WANG_PHONE, "timeout", "7", "timeout"));

        assertThat(call.prompts()).containsExactly("hotline/main-menu", "hotline/main-menu", "hotline/invalid-input",
                "hotline/main-menu");
        assertThat(call.variables()).containsEntry("HOTLINE_IVR_ENDING", "to_queue").containsEntry("QUEUE_PRIO", "3");
    }

    @Test
    @DisplayName("a critical facility that asks for an agent is queued with a higher priority and its customer id")
    void criticalFacilityPriority() throws Exception {
        Transcript call = AgiPeer.call(port, Caller.of(FakeIvrServices.HOSPITAL_PHONE, "0"));

        assertThat(call.variables()).containsEntry("QUEUE_PRIO", "9").containsEntry("HOTLINE_CUSTOMER_ID", "9")
                .containsEntry("HOTLINE_TIER", "key").containsEntry("HOTLINE_CRITICAL", "true");
    }

    @Test
    @DisplayName("a caller who hangs up before confirming leaves no ticket, the IVR stops at once and the call keeps what it learnt")
    void hangUpMidFlow() throws Exception {
        // given a caller who answers every question but hangs up at the confirmation
        Transcript call = AgiPeer.call(port, Caller.of(FakeIvrServices.WANG_PHONE, "1", "2", "1", "1", "1", "hangup"));

        // then nothing was created and no further prompt was sent after the hang-up (only the channel's state asked)
        assertThat(services.repairs).isEmpty();
        assertThat(call.hungUpByCaller()).isTrue();
        int hangupAt = call.replies().indexOf("200 result=-1");
        assertThat(call.commands().subList(hangupAt + 1, call.commands().size()))
                .allMatch(command -> command.startsWith("SET VARIABLE") || command.equals("CHANNEL STATUS"));
        // and the customer and the path up to the confirmation were left on the call as the IVR went
        assertThat(call.variables()).containsEntry("HOTLINE_CUSTOMER_ID", "7").containsEntry("HOTLINE_REASON", "burst_main")
                .doesNotContainKey("HOTLINE_IVR_ENDING");
        assertThat(call.variables().get("HOTLINE_IVR_PATH")).endsWith("location>location_menu>confirm");
    }

    @Test
    @DisplayName("a caller who hangs up after the ticket number was read leaves the ticket, customer and path on the call")
    void hangUpAfterReadBack() throws Exception {
        Transcript call = AgiPeer.call(port, Caller.of(FakeIvrServices.WANG_PHONE, "1", "1", "1", "2", "1", "1", "hangup"));

        String number = services.created.getLast();
        assertThat(call.saidDigits()).containsExactly(number.replaceAll("[^0-9]", ""));
        assertThat(call.variables()).containsEntry("HOTLINE_TICKET", number).containsEntry("HOTLINE_CUSTOMER_ID", "7")
                .doesNotContainKey("HOTLINE_IVR_ENDING");
        assertThat(call.variables().get("HOTLINE_IVR_PATH")).endsWith("create>read_ticket>repeat_menu");
    }

    @Test
    @DisplayName("a prompt Asterisk cannot play is logged at WARN with its name and the call goes on, not taken for a hang-up")
    void unplayablePrompt() throws Exception {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger channelLog = (Logger) LoggerFactory.getLogger(AgiIvrChannel.class);
        channelLog.addAppender(log);
        try {
            // given an Asterisk whose main-menu sound is missing (GET DATA answers 200 result=-1 for it)
            Transcript call = AgiPeer.call(port, Caller.of(FakeIvrServices.WANG_PHONE).without("hotline/main-menu"));

            // then the IVR asks the channel's state, tries the menu three times and hands the caller to an agent
            assertThat(call.hungUpByCaller()).isFalse();
            assertThat(call.commands()).filteredOn(command -> command.equals("CHANNEL STATUS")).hasSize(3);
            assertThat(call.variables()).containsEntry("HOTLINE_IVR_ENDING", "to_queue");
            assertThat(log.list).filteredOn(event -> event.getLevel() == Level.WARN)
                    .extracting(ILoggingEvent::getFormattedMessage)
                    .anySatisfy(message -> assertThat(message).contains("'hotline/main-menu'").contains("zh"));
        } finally {
            channelLog.detachAppender(log);
        }
    }

    @Test
    @DisplayName("an open incident in the caller's district is announced and one key adds the report to it")
    void incidentAnnounced() throws Exception {
        services.incidents.put("03", new KnownIncident(5, "03", "burst_main"));

        Transcript call = AgiPeer.call(port, Caller.of(FakeIvrServices.WANG_PHONE, "1", "timeout"));

        assertThat(call.prompts().getFirst()).isEqualTo("hotline/incident-known");
        assertThat(services.repairs).singleElement().satisfies(report -> {
            assertThat(report.incidentId()).isEqualTo(5L);
            assertThat(report.category()).isEqualTo("burst_main");
        });
    }

    @Test
    @DisplayName("a ticket number typed in is answered with its status")
    void ticketStatus() throws Exception {
        services.statuses.put("HL-20261120-000007", "dispatched");

        Transcript call = AgiPeer.call(port, Caller.of(FakeIvrServices.WANG_PHONE, "2", "20261120000007", "timeout"));

        assertThat(call.prompts()).contains("hotline/status-dispatched");
    }

    @Test
    @DisplayName("after the agent hangs up the survey stores the caller's score; two wrong keys store nothing")
    void satisfactionSurvey() throws Exception {
        // given the dialplan sending the caller to agi://.../survey
        // when the caller presses 4
        Transcript rated = AgiPeer.call(port, "survey", Caller.of(FakeIvrServices.WANG_PHONE, "4"));

        // then the score is stored for that call and left on the channel, in the survey's own variables
        assertThat(services.scores).containsEntry(rated.uniqueid(), 4);
        assertThat(rated.variables()).containsEntry("HOTLINE_SATISFACTION", "4")
                .containsEntry("HOTLINE_SURVEY_PATH", "ask>save>thanks").containsEntry("HOTLINE_SURVEY_ENDING", "completed")
                .doesNotContainKeys("HOTLINE_IVR_PATH", "HOTLINE_IVR_ENDING");
        assertThat(rated.prompts()).endsWith("hotline/thanks-rating");

        Transcript wrong = AgiPeer.call(port, "survey", Caller.of(FakeIvrServices.WANG_PHONE, "9", "0"));
        assertThat(services.scores).doesNotContainKey(wrong.uniqueid());
        assertThat(wrong.prompts()).endsWith("hotline/goodbye");
    }

    @Test
    @DisplayName("after the agent hangs up first the dialplan takes the caller to the survey, which keeps the IVR's findings")
    void surveyAfterAgent() throws Exception {
        // given a caller whom the IVR handed to the queue
        AgiPeer.Channel channel = new AgiPeer.Channel();
        AgiPeer.call(port, "ivr", Caller.of(FakeIvrServices.WANG_PHONE, "0"), channel);
        String ivrPath = channel.variables().get("HOTLINE_IVR_PATH");

        // when the agent hangs up first: the shipped dialplan's Queue() options decide whether the caller stays
        String next = Dialplan.shipped().afterAgentHangsUp().orElseThrow(() -> new AssertionError(
                "Queue() in extensions_hotline.conf hangs the caller up with the agent (option c missing)"));
        Transcript survey = AgiPeer.call(port, next, Caller.of(FakeIvrServices.WANG_PHONE, "5"), channel);

        // then the caller rates the call, and what the IVR left on the call is still there for the call record
        assertThat(services.scores).containsEntry(channel.uniqueid(), 5);
        assertThat(survey.variables()).containsEntry("HOTLINE_IVR_PATH", ivrPath)
                .containsEntry("HOTLINE_IVR_ENDING", "to_queue").containsEntry("HOTLINE_SATISFACTION", "5");
    }

    @Test
    @DisplayName("garbage and a truncated environment do not disturb the server; the next call is served")
    void garbageAndTruncatedEnvironment() throws Exception {
        // given a connection that sends half an environment and closes, and one that sends binary junk
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = socket.getOutputStream();
            out.write("agi_network: yes\nagi_network_script: ivr\nagi_request: agi://127.0.0.1/ivr\nagi_chan".getBytes(StandardCharsets.UTF_8));
        }
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.getOutputStream().write(new byte[]{0, (byte) 0xff, 13, 10, 10, 'x', 10, 10});
            socket.setSoTimeout(5_000);
            // the server answers commands of an unknown script with nothing we must read; it closes the socket
            socket.getInputStream().readAllBytes();
        }

        // when a real call follows, then it runs normally
        Transcript call = AgiPeer.call(port, Caller.of(FakeIvrServices.WANG_PHONE, "0"));
        assertThat(call.variables()).containsEntry("HOTLINE_IVR_ENDING", "to_queue");
    }

    @Test
    @DisplayName("600 simultaneous calls are all served: more than Asterisk-Java's stock pool of 500 would accept")
    void sixHundredAtOnce() throws Exception {
        List<Callable<Transcript>> calls = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            calls.add(() -> AgiPeer.call(port, Caller.of(FakeIvrServices.WANG_PHONE, "0")));
        }
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Transcript>> done = callers.invokeAll(calls);
            for (Future<Transcript> call : done) {
                assertThat(call.get().variables()).containsEntry("HOTLINE_IVR_ENDING", "to_queue");
            }
        }
    }

    @Test
    @DisplayName("a caller without caller ID facing a long wait is re-prompted after a wrong key, then books a callback to a typed number")
    void callbackToTypedNumber() throws Exception {
        // given a long wait for callers of unknown tier
        callbacks.longWaitFor.add("none");

        // when a withheld caller asks for an agent, presses 7 at the offer, then 1, and types a number
        Transcript call = AgiPeer.call(port, Caller.of(null, "0", "7", "1", "02155556666#"));

        // then the offer was played twice with the invalid-input prompt between, and the typed number is booked
        assertThat(call.prompts().stream().filter(p -> p.equals("hotline/callback-offer"))).hasSize(2);
        assertThat(call.prompts()).contains("hotline/invalid-input", "hotline/enter-callback", "hotline/callback-booked");
        assertThat(callbacks.requests).singleElement().satisfies(request -> {
            assertThat(request.number()).isEqualTo("02155556666");
            assertThat(request.callUniqueid()).isEqualTo(call.uniqueid());
            assertThat(request.customerId()).isNull();
        });
        assertThat(services.repairs).isEmpty();
        assertThat(call.variables()).containsEntry("HOTLINE_IVR_ENDING", "completed");
        assertThat(call.hungUpByIvr()).isTrue();
    }

    @Test
    @DisplayName("a known customer whose tier's wait is short goes straight to the queue, never offered a callback")
    void shortWaitNoOffer() throws Exception {
        // given a long wait only for small customers
        callbacks.longWaitFor.add("small");

        // when an ordinary customer asks for an agent from the main menu
        Transcript call = AgiPeer.call(port, Caller.of(FakeIvrServices.WANG_PHONE, "0"));

        // then they are queued without an offer
        assertThat(call.prompts()).doesNotContain("hotline/callback-offer");
        assertThat(call.variables()).containsEntry("HOTLINE_IVR_ENDING", "to_queue");
        assertThat(callbacks.requests).isEmpty();
    }
}
