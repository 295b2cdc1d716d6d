package hotline.telephony.peer;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The classes of AMI events and actions as Asterisk 22 registers them, for the {@link AmiPeer}: events from
 * {@code main/manager_channels.c}, {@code manager_bridges.c}, {@code stasis_channels.c}, {@code asterisk.c} and
 * {@code apps/app_queue.c} (every queue event is {@code EVENT_FLAG_AGENT}); actions from their
 * {@code ast_manager_register_xml} calls. An event reaches a session only when every one of its classes is granted
 * ({@code (readperm & category) == category}); an action runs when one of its classes is granted, or it has none
 * ({@code (writeperm & authority) || authority == 0}). Immutable tables.
 */
public final class AmiClasses {

    /** manager.c's {@code perms[]} in order, which is also the order {@code authority_to_str} names them in. */
    public static final List<String> ALL = List.of("system", "call", "log", "verbose", "command", "agent", "user",
            "config", "dtmf", "reporting", "cdr", "dialplan", "originate", "agi", "cc", "aoc", "test", "security",
            "message");

    private static final Map<String, Set<String>> EVENTS = Map.ofEntries(
            Map.entry("Newchannel", Set.of("call")),
            Map.entry("Newstate", Set.of("call")),
            Map.entry("Hangup", Set.of("call")),
            Map.entry("HangupRequest", Set.of("call")),
            Map.entry("SoftHangupRequest", Set.of("call")),
            Map.entry("DialBegin", Set.of("call")),
            Map.entry("DialEnd", Set.of("call")),
            Map.entry("BridgeCreate", Set.of("call")),
            Map.entry("BridgeEnter", Set.of("call")),
            Map.entry("BridgeLeave", Set.of("call")),
            Map.entry("BridgeDestroy", Set.of("call")),
            Map.entry("OriginateResponse", Set.of("call")),
            Map.entry("MusicOnHoldStart", Set.of("call")),
            Map.entry("Hold", Set.of("call")),
            Map.entry("Unhold", Set.of("call")),
            Map.entry("VarSet", Set.of("dialplan")),
            Map.entry("Newexten", Set.of("dialplan")),
            Map.entry("DTMFBegin", Set.of("dtmf")),
            Map.entry("DTMFEnd", Set.of("dtmf")),
            Map.entry("FullyBooted", Set.of("system")),
            Map.entry("Shutdown", Set.of("system")),
            Map.entry("QueueCallerJoin", Set.of("agent")),
            Map.entry("QueueCallerLeave", Set.of("agent")),
            Map.entry("QueueCallerAbandon", Set.of("agent")),
            Map.entry("AgentCalled", Set.of("agent")),
            Map.entry("AgentConnect", Set.of("agent")),
            Map.entry("AgentComplete", Set.of("agent")),
            Map.entry("AgentRingNoAnswer", Set.of("agent")),
            Map.entry("AgentDump", Set.of("agent")),
            Map.entry("QueueMemberStatus", Set.of("agent")),
            Map.entry("QueueMemberAdded", Set.of("agent")),
            Map.entry("QueueMemberRemoved", Set.of("agent")),
            Map.entry("QueueMemberPause", Set.of("agent")),
            Map.entry("QueueMemberPenalty", Set.of("agent")),
            Map.entry("QueueMemberRinginuse", Set.of("agent")));

    private static final Map<String, Set<String>> ACTIONS = Map.ofEntries(
            Map.entry("login", Set.of()),
            Map.entry("logoff", Set.of()),
            Map.entry("challenge", Set.of()),
            Map.entry("ping", Set.of()),
            Map.entry("events", Set.of()),
            Map.entry("queuestatus", Set.of()),
            Map.entry("queuesummary", Set.of()),
            Map.entry("queueadd", Set.of("agent")),
            Map.entry("queueremove", Set.of("agent")),
            Map.entry("queuepause", Set.of("agent")),
            Map.entry("queuepenalty", Set.of("agent")),
            Map.entry("originate", Set.of("originate")),
            Map.entry("command", Set.of("command")),
            Map.entry("coresettings", Set.of("system", "reporting")),
            Map.entry("corestatus", Set.of("system", "reporting")),
            Map.entry("coreshowchannels", Set.of("system", "reporting")),
            Map.entry("hangup", Set.of("system", "call")),
            Map.entry("status", Set.of("system", "call", "reporting")),
            Map.entry("setvar", Set.of("call")),
            Map.entry("getvar", Set.of("call", "reporting")),
            Map.entry("redirect", Set.of("call")));

    private AmiClasses() {
    }

    /** The classes of event {@code name}; a test emitting an event this table lacks is a mistake in the test. */
    public static Set<String> ofEvent(String name) {
        Set<String> classes = EVENTS.get(name);
        if (classes == null) {
            throw new IllegalArgumentException("AmiPeer knows no class for event " + name
                    + ": add it to AmiClasses from Asterisk's source");
        }
        return classes;
    }

    /** The classes that allow action {@code name} (empty: none needed), or null for an action Asterisk lacks. */
    public static Set<String> ofAction(String name) {
        return ACTIONS.get(name.toLowerCase());
    }

    /** A comma list of class names as manager.conf's {@code read}/{@code write} and a log-in's {@code Events} give it. */
    public static Set<String> parse(String list) {
        if (list == null) {
            return Set.of();
        }
        String value = list.strip().toLowerCase();
        if (value.equals("all") || value.equals("on") || value.equals("yes") || value.equals("true")) {
            return Set.copyOf(ALL);
        }
        return Set.copyOf(java.util.Arrays.stream(value.split(",")).map(String::strip).filter(ALL::contains).toList());
    }

    /** The {@code Privilege:} value of an event of these classes: their names in manager.c's order, then {@code all}. */
    public static String privilege(Set<String> classes) {
        StringBuilder text = new StringBuilder();
        ALL.stream().filter(classes::contains).forEach(name -> text.append(name).append(','));
        return text.append("all").toString();
    }
}
