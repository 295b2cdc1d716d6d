package hotline.telephony.peer;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static hotline.telephony.peer.AmiPeer.fields;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AMI peer is as strict as Asterisk with the shipped manager.conf.sample: what its user may read, what it may do,
 * which events its filters let through. Given/when/then over a raw TCP session.
 */
class AmiPeerTest {

    /** A raw AMI client: sends actions, collects every message until the line goes quiet. */
    private static final class RawSession implements AutoCloseable {
        final Socket socket;
        final BufferedReader in;
        final OutputStream out;

        RawSession(int port, String secret) throws IOException {
            socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setSoTimeout(300);
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            out = socket.getOutputStream();
            in.readLine();
            send("Action: Login\r\nUsername: hotline\r\nSecret: " + secret + "\r\n");
        }

        void send(String action) throws IOException {
            out.write((action + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        List<String> messages() throws IOException {
            List<String> messages = new ArrayList<>();
            StringBuilder message = new StringBuilder();
            try {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.isEmpty()) {
                        messages.add(message.toString());
                        message.setLength(0);
                    } else {
                        message.append(line).append('\n');
                    }
                }
            } catch (SocketTimeoutException quiet) {
                // nothing more for now
            }
            return messages;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private static Map<String, String> channel(String uniqueid) {
        return AmiPeer.channelSnapshot("", "PJSIP/trunk-00000001", uniqueid, uniqueid, "13800138000", 6, "Up",
                "hotline-inbound", "s");
    }

    @Test
    @DisplayName("the shipped user reads call, agent and dialplan events, each with its class as manager.c names it")
    void shippedClasses() throws Exception {
        try (AmiPeer peer = new AmiPeer("hotline", "s").start(); RawSession session = new RawSession(peer.port(), "s")) {
            assertThat(session.messages()).singleElement().asString().contains("Authentication accepted");

            // when Asterisk sends events of several classes
            peer.emit("Newchannel", channel("1"));
            peer.emit("VarSet", AmiPeer.with(channel("1"), "Variable", "HOTLINE_IVR_PATH", "Value", "identify"));
            peer.emit("QueueCallerJoin", AmiPeer.with(channel("1"), "Queue", "hotline", "Position", "1", "Count", "1"));
            peer.emit("DTMFEnd", AmiPeer.with(channel("1"), "Digit", "1", "Direction", "Received"));

            // then the granted classes arrive, tagged as Asterisk tags them, and dtmf does not
            List<String> events = session.messages();
            assertThat(events).hasSize(3);
            assertThat(events.get(0)).startsWith("Event: Newchannel\nPrivilege: call,all\nTimestamp: ");
            assertThat(events.get(1)).startsWith("Event: VarSet\nPrivilege: dialplan,all\n");
            assertThat(events.get(2)).startsWith("Event: QueueCallerJoin\nPrivilege: agent,all\n");
        }
    }

    @Test
    @DisplayName("the shipped filters are exact: Hangup passes, HangupRequest and other variables than Hotline's do not")
    void exactFilters() throws Exception {
        try (AmiPeer peer = new AmiPeer("hotline", "s").start(); RawSession session = new RawSession(peer.port(), "s")) {
            session.messages();

            assertThat(peer.emit("HangupRequest", channel("2"))).isZero();
            assertThat(peer.emit("Hangup", AmiPeer.with(channel("2"), "Cause", "16", "Cause-txt", "Normal Clearing"))).isOne();
            assertThat(peer.emit("VarSet", AmiPeer.with(channel("2"), "Variable", "MIXMONITOR_FILENAME", "Value", "x"))).isZero();
            assertThat(peer.emit("VarSet", AmiPeer.with(channel("2"), "Variable", "QUEUE_PRIO", "Value", "3"))).isOne();
            assertThat(session.messages()).hasSize(2);
        }
    }

    @Test
    @DisplayName("actions outside the shipped write classes are refused with Permission denied; the resync's are allowed")
    void shippedWrite() throws Exception {
        try (AmiPeer peer = new AmiPeer("hotline", "s").start(); RawSession session = new RawSession(peer.port(), "s")) {
            session.messages();

            session.send("Action: Command\r\nActionID: 1\r\nCommand: core restart now\r\n");
            session.send("Action: Setvar\r\nActionID: 2\r\nVariable: X\r\nValue: 1\r\n");
            session.send("Action: CoreShowChannels\r\nActionID: 3\r\n");
            session.send("Action: CoreSettings\r\nActionID: 4\r\n");

            List<String> answers = session.messages();
            assertThat(answers.get(0)).isEqualTo("Response: Error\nActionID: 1\nMessage: Permission denied\n");
            assertThat(answers.get(1)).isEqualTo("Response: Error\nActionID: 2\nMessage: Permission denied\n");
            assertThat(answers.get(2)).startsWith("Response: Success\nActionID: 3\nEventList: start");
            assertThat(answers).anySatisfy(answer -> assertThat(answer).startsWith("Response: Success\nActionID: 4\nAMIversion: 11.0.0"));
        }
    }

    @Test
    @DisplayName("the old sample's read without dialplan never delivers the IVR's VarSet, and its regex lets HangupRequest in")
    void oldSampleShowsWhy() throws Exception {
        ManagerConf old = ManagerConf.parse("""
                [hotline]
                read = call,agent,system,reporting
                write = call,agent,originate
                eventfilter = Event: Hangup
                eventfilter = Event: VarSet
                """);
        try (AmiPeer peer = new AmiPeer(old, "hotline", "s").start(); RawSession session = new RawSession(peer.port(), "s")) {
            assertThat(session.messages()).anySatisfy(message -> assertThat(message).startsWith("Event: FullyBooted"));

            assertThat(peer.emit("VarSet", AmiPeer.with(channel("3"), "Variable", "HOTLINE_TICKET", "Value", "x"))).isZero();
            assertThat(peer.emit("HangupRequest", channel("3"))).isOne();
            session.send("Action: CoreShowChannels\r\nActionID: 5\r\n");
            assertThat(session.messages()).last().asString().contains("Permission denied");
        }
    }

    @Test
    @DisplayName("queue members are dynamic as app_queue keeps them: added once, paused, removed once; a static one stays")
    void dynamicMembers() throws Exception {
        try (AmiPeer peer = new AmiPeer("hotline", "s").start(); RawSession session = new RawSession(peer.port(), "s")) {
            peer.queueMember(fields("Queue", "hotline", "Name", "王芳", "Location", "PJSIP/agent2", "Membership", "static"));
            session.messages();

            session.send("Action: QueueAdd\r\nActionID: a\r\nQueue: hotline\r\nInterface: PJSIP/agent1\r\n");
            session.send("Action: QueueAdd\r\nActionID: b\r\nQueue: hotline\r\nInterface: PJSIP/agent1\r\n");
            session.send("Action: QueueRemove\r\nActionID: c\r\nQueue: hotline\r\nInterface: PJSIP/agent2\r\n");
            session.send("Action: QueueRemove\r\nActionID: d\r\nQueue: hotline\r\nInterface: PJSIP/agent1\r\n");
            session.send("Action: QueueRemove\r\nActionID: e\r\nQueue: hotline\r\nInterface: PJSIP/agent1\r\n");

            List<String> messages = session.messages();
            assertThat(messages).containsSubsequence(
                    "Response: Success\nActionID: a\nMessage: Added interface to queue\n",
                    "Response: Error\nActionID: b\nMessage: Unable to add interface: Already there\n",
                    "Response: Error\nActionID: c\nMessage: Member not dynamic\n",
                    "Response: Success\nActionID: d\nMessage: Removed interface from queue\n",
                    "Response: Error\nActionID: e\nMessage: Unable to remove interface: Not there\n");
            assertThat(messages).anySatisfy(message -> assertThat(message).startsWith("Event: QueueMemberAdded\nPrivilege: agent,all"));
        }
    }
}
