package hotline.telephony.peer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The Asterisk side of the Asterisk Manager Interface, for tests: a TCP server on 127.0.0.1 that speaks AMI as
 * Asterisk 22's {@code main/manager.c} does — the {@code Asterisk Call Manager/11.0.0} banner, {@code \r\n} lines, a
 * blank line ending each message, {@code Response:}/{@code ActionID:}/{@code Message:} in that order, MD5 challenge
 * log-in, {@code Permission denied} before log-in, the acknowledgements and errors of QueueAdd, QueueRemove,
 * QueuePause and Originate as app_queue.c and manager.c word them, {@code EventList: start} acknowledgements
 * followed by list events carrying the ActionID and a {@code ...Complete} event with {@code EventList: Complete} and
 * {@code ListItems}.
 *
 * <p>As strict as Asterisk about who may see and do what: it obeys a {@link ManagerConf} — by default Hotline's
 * shipped {@code ivr-scripts/manager.conf.sample} — for the user logging in. An event goes to a session only when the
 * user's {@code read} grants every class of the event ({@link AmiClasses}; the {@code Privilege:} header names them)
 * and the user's {@code eventfilter}s let it through ({@link EventFilter}); an action whose classes the user's
 * {@code write} does not grant answers {@code Permission denied}. Answers to actions (QueueStatus' members, the
 * channel list) are written to the asking session directly, as manager.c does, past the filters.
 * Queue members are dynamic as app_queue keeps them: QueueAdd adds one (and sends QueueMemberAdded), QueueRemove
 * takes one away, QueuePause pauses one, with app_queue's errors for a member already there, not there or static.
 *
 * <p>Tests script it: {@link #emit} sends an event to every logged-in session that may see it, {@link #queueMember}/
 * {@link #queueEntry}/{@link #channel} set what QueueStatus and CoreShowChannels report, {@link #dropConnections} and
 * {@link #stop}/{@link #restart} simulate a lost link and an Asterisk restart. Thread-safe.
 */
public final class AmiPeer implements AutoCloseable {

    public static final String BANNER = "Asterisk Call Manager/11.0.0";
    public static final String VERSION = "22.10.1";

    private final String username;
    private final String secret;
    private final ManagerConf.User user;
    private final boolean timestampEvents;
    private final List<Session> sessions = new CopyOnWriteArrayList<>();
    private final BlockingQueue<Map<String, String>> actions = new LinkedBlockingQueue<>();
    private final List<Map<String, String>> queueMembers = new CopyOnWriteArrayList<>();
    private final List<Map<String, String>> queueEntries = new CopyOnWriteArrayList<>();
    private final List<Map<String, String>> channels = new CopyOnWriteArrayList<>();
    private volatile ServerSocket server;
    private volatile int port;

    /** A peer obeying the shipped manager.conf.sample's section for {@code username}, with the test's own secret. */
    public AmiPeer(String username, String secret) {
        this(ManagerConf.shipped(), username, secret);
    }

    public AmiPeer(ManagerConf conf, String username, String secret) {
        this.username = username;
        this.secret = secret;
        this.user = conf.user(username);
        this.timestampEvents = conf.timestampEvents();
    }

    /** Listens on a free port of 127.0.0.1 (or the port it had before, after {@link #stop}). */
    public synchronized AmiPeer start() throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        port = socket.getLocalPort();
        server = socket;
        Thread.ofVirtual().name("ami-peer-accept").start(() -> accept(socket));
        return this;
    }

    public int port() {
        return port;
    }

    /** Closes the listening socket and every session: Asterisk is gone. */
    public synchronized void stop() {
        try {
            if (server != null) {
                server.close();
            }
        } catch (IOException ignored) {
            // closing a server socket that is already closed
        }
        dropConnections();
    }

    /** Asterisk comes back on the same port. */
    public AmiPeer restart() throws IOException {
        return start();
    }

    /** Cuts every TCP connection (as a network failure would) but keeps listening. */
    public void dropConnections() {
        for (Session session : sessions) {
            session.close();
        }
        sessions.clear();
    }

    public int loggedInSessions() {
        return (int) sessions.stream().filter(s -> s.authenticated).count();
    }

    /** The next action the client sent (its headers in order), waiting up to {@code timeoutMs}; null if none came. */
    public Map<String, String> nextAction(long timeoutMs) throws InterruptedException {
        return actions.poll(timeoutMs, TimeUnit.MILLISECONDS);
    }

    /**
     * The next action called {@code name} the client sent (earlier ones of other names are dropped), waiting up to
     * {@code timeoutMs} for each; null if none came.
     */
    public Map<String, String> nextAction(String name, long timeoutMs) throws InterruptedException {
        Map<String, String> seen;
        while ((seen = nextAction(timeoutMs)) != null) {
            if (header(seen, "Action").equalsIgnoreCase(name)) {
                return seen;
            }
        }
        return null;
    }

    /**
     * Sends {@code Event: name} with {@code Privilege} (and {@code Timestamp} when the conf asks for it) and the given
     * fields to every logged-in session allowed to see it: read classes, event mask and event filters as manager.c
     * applies them. Returns how many sessions got it.
     */
    public int emit(String name, Map<String, String> fields) {
        Set<String> classes = AmiClasses.ofEvent(name);
        StringBuilder text = new StringBuilder("Event: ").append(name).append("\r\nPrivilege: ")
                .append(AmiClasses.privilege(classes)).append("\r\n");
        if (timestampEvents) {
            long micros = System.currentTimeMillis() * 1000;
            text.append("Timestamp: ").append(micros / 1_000_000).append('.')
                    .append(String.format("%06d", micros % 1_000_000)).append("\r\n");
        }
        fields.forEach((key, value) -> text.append(key).append(": ").append(value).append("\r\n"));
        text.append("\r\n");
        String event = text.toString();
        if (!user.read().containsAll(classes) || !EventFilter.send(user.filters(), name, event)) {
            return 0;
        }
        int sent = 0;
        for (Session session : sessions) {
            if (session.authenticated && session.events.containsAll(classes)) {
                session.write(event);
                sent++;
            }
        }
        return sent;
    }

    /** Writes raw bytes to every logged-in session: garbage, truncated messages. */
    public void sendToAll(String raw) {
        for (Session session : sessions) {
            if (session.authenticated) {
                session.write(raw);
            }
        }
    }

    /** A member QueueStatus reports (fields of app_queue's QueueMember event: Location, Membership, Paused, ...). */
    public void queueMember(Map<String, String> fields) {
        queueMembers.add(new LinkedHashMap<>(fields));
    }

    public void queueEntry(Map<String, String> fields) {
        queueEntries.add(fields);
    }

    public void channel(Map<String, String> fields) {
        channels.add(fields);
    }

    /** The member of the queue at {@code iface} (its QueueStatus fields, changed in place), or null. */
    private Map<String, String> member(String iface) {
        return queueMembers.stream().filter(member -> iface.equals(member.get("Location"))).findFirst().orElse(null);
    }

    /** A member's fields as queue_member_blob_create writes them into QueueMember* events. */
    private static Map<String, String> memberEvent(Map<String, String> member) {
        return fields("Queue", member.getOrDefault("Queue", ""), "MemberName", member.getOrDefault("Name", ""), "Interface", member.getOrDefault("Location", ""),
                "StateInterface", member.getOrDefault("StateInterface", ""), "Membership", member.getOrDefault("Membership", ""),
                "Penalty", member.getOrDefault("Penalty", ""), "CallsTaken", member.getOrDefault("CallsTaken", ""), "LastCall", member.getOrDefault("LastCall", ""),
                "LastPause", member.getOrDefault("LastPause", ""), "LoginTime", member.getOrDefault("LoginTime", ""), "InCall", member.getOrDefault("InCall", ""),
                "Status", member.getOrDefault("Status", ""), "Paused", member.getOrDefault("Paused", ""), "PausedReason", member.getOrDefault("PausedReason", ""),
                "Ringinuse", "0", "Wrapuptime", member.getOrDefault("Wrapuptime", ""));
    }

    public void clearState() {
        queueMembers.clear();
        queueEntries.clear();
        channels.clear();
    }

    /**
     * The fields of a channel snapshot as {@code ast_manager_build_channel_state_string_prefix} writes them; an
     * absent caller number is {@code <unknown>}.
     */
    public static Map<String, String> channelSnapshot(String prefix, String channel, String uniqueid, String linkedid,
                                                      String callerNumber, int state, String stateDesc,
                                                      String context, String exten) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(prefix + "Channel", channel);
        fields.put(prefix + "ChannelState", Integer.toString(state));
        fields.put(prefix + "ChannelStateDesc", stateDesc);
        fields.put(prefix + "CallerIDNum", callerNumber == null ? "<unknown>" : callerNumber);
        fields.put(prefix + "CallerIDName", "<unknown>");
        fields.put(prefix + "ConnectedLineNum", "<unknown>");
        fields.put(prefix + "ConnectedLineName", "<unknown>");
        fields.put(prefix + "Language", "zh");
        fields.put(prefix + "AccountCode", "");
        fields.put(prefix + "Context", context);
        fields.put(prefix + "Exten", exten);
        fields.put(prefix + "Priority", "1");
        fields.put(prefix + "Uniqueid", uniqueid);
        fields.put(prefix + "Linkedid", linkedid);
        return fields;
    }

    @Override
    public void close() {
        stop();
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                if (socket.isClosed()) {
                    // accepted in the instant the test stopped the peer: Asterisk is down, refuse it
                    client.close();
                    return;
                }
                Session session = new Session(client);
                sessions.add(session);
                Thread.ofVirtual().name("ami-peer-session").start(session::run);
            } catch (IOException e) {
                return;
            }
        }
    }

    private final class Session {
        private final Socket socket;
        private final OutputStream out;
        private final String challenge = Long.toString(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE));
        private volatile boolean authenticated;
        /** The session's event mask (a log-in's {@code Events} header): every class unless it says otherwise. */
        private volatile Set<String> events = Set.copyOf(AmiClasses.ALL);

        Session(Socket socket) throws IOException {
            this.socket = socket;
            this.out = socket.getOutputStream();
        }

        void run() {
            try (socket; BufferedReader in = new BufferedReader(
                    new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
                write(BANNER + "\r\n");
                Map<String, String> message = new LinkedHashMap<>();
                String line;
                while ((line = in.readLine()) != null) {
                    if (!line.isEmpty()) {
                        int colon = line.indexOf(':');
                        if (colon > 0) {
                            message.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
                        }
                        continue;
                    }
                    if (message.isEmpty()) {
                        continue;
                    }
                    actions.add(message);
                    boolean keepOpen = handle(message);
                    message = new LinkedHashMap<>();
                    if (!keepOpen) {
                        return;
                    }
                }
            } catch (IOException ignored) {
                // the client or the test closed the connection
            } finally {
                sessions.remove(this);
            }
        }

        /** Answers one action as manager.c does; false closes the session. */
        private boolean handle(Map<String, String> m) {
            String action = header(m, "Action");
            if (action.isEmpty()) {
                respond(m, "Error", "Missing action in request");
                return true;
            }
            if (!authenticated && !action.equalsIgnoreCase("Login") && !action.equalsIgnoreCase("Logoff")
                    && !action.equalsIgnoreCase("Challenge")) {
                respond(m, "Error", "Permission denied");
                return true;
            }
            Set<String> needed = AmiClasses.ofAction(action);
            if (needed == null) {
                respond(m, "Error", "Invalid/unknown command: " + action
                        + ". Use Action: ListCommands to show available commands.");
                return true;
            }
            if (!needed.isEmpty() && needed.stream().noneMatch(user.write()::contains)) {
                respond(m, "Error", "Permission denied");
                return true;
            }
            switch (action.toLowerCase()) {
                case "challenge" -> {
                    if (header(m, "AuthType").equalsIgnoreCase("MD5")) {
                        write("Response: Success\r\n" + actionId(m) + "Challenge: " + challenge + "\r\n\r\n");
                    } else {
                        respond(m, "Error", "Must specify AuthType");
                    }
                }
                case "login" -> {
                    if (authenticated) {
                        respond(m, "Success", "Already authenticated");
                    } else if (!credentialsMatch(m)) {
                        respond(m, "Error", "Authentication failed");
                        return false;
                    } else {
                        authenticated = true;
                        if (!header(m, "Events").isEmpty()) {
                            events = AmiClasses.parse(header(m, "Events"));
                        }
                        respond(m, "Success", "Authentication accepted");
                        // action_login: sent past the filters, but only with read (and the mask) granting system
                        if (user.read().contains("system") && events.contains("system")) {
                            write("Event: FullyBooted\r\nPrivilege: system,all\r\nUptime: 42\r\nLastReload: 42\r\n"
                                    + "Status: Fully Booted\r\n\r\n");
                        }
                    }
                }
                case "logoff" -> {
                    respond(m, "Goodbye", "Thanks for all the fish.");
                    return false;
                }
                case "ping" -> write("Response: Success\r\n" + actionId(m) + "Ping: Pong\r\nTimestamp: "
                        + System.currentTimeMillis() / 1000 + ".000000\r\n\r\n");
                case "coresettings" -> write("Response: Success\r\n" + actionId(m) + "AMIversion: 11.0.0\r\n"
                        + "AsteriskVersion: " + VERSION + "\r\nSystemName: \r\nCoreMaxCalls: 0\r\n"
                        + "CoreMaxLoadAvg: 0.000000\r\nCoreRunUser: asterisk\r\nCoreRunGroup: asterisk\r\n"
                        + "CoreMaxFilehandles: 0\r\nCoreRealTimeEnabled: No\r\nCoreCDRenabled: Yes\r\n"
                        + "CoreHTTPenabled: No\r\nSoundsSearchCustomDir: No\r\n\r\n");
                case "queueadd" -> queueAdd(m);
                case "queueremove" -> queueRemove(m);
                case "queuepause" -> queuePause(m);
                case "originate" -> respond(m, "Success", "Originate successfully queued");
                case "queuestatus" -> queueStatus(m);
                case "coreshowchannels" -> coreShowChannels(m);
                default -> respond(m, "Error", "AmiPeer does not act on " + action + " (Asterisk would)");
            }
            return true;
        }

        /** manager_add_queue_member: a dynamic member, QueueMemberAdded to everyone who may see it. */
        private void queueAdd(Map<String, String> m) {
            String iface = header(m, "Interface");
            if (header(m, "Queue").isEmpty() || iface.isEmpty()) {
                respond(m, "Error", header(m, "Queue").isEmpty() ? "'Queue' not specified." : "'Interface' not specified.");
                return;
            }
            if (member(iface) != null) {
                respond(m, "Error", "Unable to add interface: Already there");
                return;
            }
            String name = header(m, "MemberName").isEmpty() ? iface : header(m, "MemberName");
            Map<String, String> added = fields("Queue", header(m, "Queue"), "Name", name, "Location", iface,
                    "StateInterface", iface, "Membership", "dynamic", "Penalty", "0", "CallsTaken", "0", "LastCall", "0",
                    "LastPause", "0", "LoginTime", Long.toString(System.currentTimeMillis() / 1000), "InCall", "0",
                    "Status", "1", "Paused", header(m, "Paused").equalsIgnoreCase("true") ? "1" : "0",
                    "PausedReason", "", "Wrapuptime", "0");
            queueMembers.add(added);
            respond(m, "Success", "Added interface to queue");
            emit("QueueMemberAdded", memberEvent(added));
        }

        /** manager_remove_queue_member: only a dynamic member can go. */
        private void queueRemove(Map<String, String> m) {
            Map<String, String> member = member(header(m, "Interface"));
            if (header(m, "Queue").isEmpty() || header(m, "Interface").isEmpty()) {
                respond(m, "Error", "Need 'Queue' and 'Interface' parameters.");
            } else if (member == null) {
                respond(m, "Error", "Unable to remove interface: Not there");
            } else if (!"dynamic".equals(member.get("Membership"))) {
                respond(m, "Error", "Member not dynamic");
            } else {
                queueMembers.remove(member);
                respond(m, "Success", "Removed interface from queue");
                emit("QueueMemberRemoved", memberEvent(member));
            }
        }

        private void queuePause(Map<String, String> m) {
            Map<String, String> member = member(header(m, "Interface"));
            if (header(m, "Interface").isEmpty() || header(m, "Paused").isEmpty()) {
                respond(m, "Error", "Need 'Interface' and 'Paused' parameters.");
                return;
            }
            if (member == null) {
                respond(m, "Error", "Interface not found");
                return;
            }
            boolean paused = !header(m, "Paused").equalsIgnoreCase("false");
            member.put("Paused", paused ? "1" : "0");
            member.put("PausedReason", paused ? header(m, "Reason") : "");
            respond(m, "Success", paused ? "Interface paused successfully" : "Interface unpaused successfully");
            emit("QueueMemberPause", memberEvent(member));
        }

        private boolean credentialsMatch(Map<String, String> m) {
            if (!header(m, "Username").equals(username)) {
                return false;
            }
            if (header(m, "AuthType").equalsIgnoreCase("MD5")) {
                return header(m, "Key").equalsIgnoreCase(md5(challenge + secret));
            }
            return header(m, "Secret").equals(secret);
        }

        private void queueStatus(Map<String, String> m) {
            write("Response: Success\r\n" + actionId(m) + "EventList: start\r\nMessage: Queue status will follow\r\n\r\n");
            int items = 0;
            StringBuilder text = new StringBuilder();
            text.append("Event: QueueParams\r\nQueue: hotline\r\nMax: 0\r\nStrategy: rrmemory\r\nCalls: ")
                    .append(queueEntries.size()).append("\r\nHoldtime: 0\r\nTalkTime: 0\r\nCompleted: 0\r\n")
                    .append("Abandoned: 0\r\nServiceLevel: 20\r\nServicelevelPerf: 0.0\r\nServicelevelPerf2: 0.0\r\n")
                    .append("Weight: 0\r\n").append(actionId(m)).append("\r\n");
            items++;
            for (Map<String, String> member : queueMembers) {
                text.append("Event: QueueMember\r\n");
                member.forEach((k, v) -> text.append(k).append(": ").append(v).append("\r\n"));
                text.append(actionId(m)).append("\r\n");
                items++;
            }
            for (Map<String, String> entry : queueEntries) {
                text.append("Event: QueueEntry\r\n");
                entry.forEach((k, v) -> text.append(k).append(": ").append(v).append("\r\n"));
                text.append(actionId(m)).append("\r\n");
                items++;
            }
            text.append("Event: QueueStatusComplete\r\n").append(actionId(m)).append("EventList: Complete\r\nListItems: ")
                    .append(items).append("\r\n\r\n");
            write(text.toString());
        }

        private void coreShowChannels(Map<String, String> m) {
            write("Response: Success\r\n" + actionId(m) + "EventList: start\r\nMessage: Channels will follow\r\n\r\n");
            StringBuilder text = new StringBuilder();
            for (Map<String, String> channel : channels) {
                text.append("Event: CoreShowChannel\r\n").append(actionId(m));
                channel.forEach((k, v) -> text.append(k).append(": ").append(v).append("\r\n"));
                text.append("\r\n");
            }
            text.append("Event: CoreShowChannelsComplete\r\n").append(actionId(m)).append("EventList: Complete\r\nListItems: ")
                    .append(channels.size()).append("\r\n\r\n");
            write(text.toString());
        }

        private void respond(Map<String, String> m, String response, String message) {
            write("Response: " + response + "\r\n" + actionId(m) + "Message: " + message + "\r\n\r\n");
        }

        private static String actionId(Map<String, String> m) {
            String id = header(m, "ActionID");
            return id.isEmpty() ? "" : "ActionID: " + id + "\r\n";
        }

        synchronized void write(String text) {
            try {
                out.write(text.getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException ignored) {
                // the session is gone; its reader ends it
            }
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A header of a message, looked up without regard to case as Asterisk does ({@code astman_get_header}); "" if absent. */
    public static String header(Map<String, String> m, String name) {
        for (Map.Entry<String, String> entry : m.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue();
            }
        }
        return "";
    }

    /** Fields in order, for {@link #emit}. */
    public static Map<String, String> fields(String... keyValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    /** A copy of {@code base} with more fields appended. */
    public static Map<String, String> with(Map<String, String> base, String... keyValues) {
        Map<String, String> map = new LinkedHashMap<>(base);
        map.putAll(fields(keyValues));
        return map;
    }
}
