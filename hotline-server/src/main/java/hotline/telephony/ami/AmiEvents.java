package hotline.telephony.ami;

import hotline.telephony.ChannelVariables;
import io.vertx.core.json.JsonObject;
import org.asteriskjava.manager.event.AbstractQueueMemberEvent;
import org.asteriskjava.manager.event.AgentCalledEvent;
import org.asteriskjava.manager.event.AgentCompleteEvent;
import org.asteriskjava.manager.event.AgentConnectEvent;
import org.asteriskjava.manager.event.AgentRingNoAnswerEvent;
import org.asteriskjava.manager.event.BridgeEnterEvent;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.HoldEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.QueueCallerAbandonEvent;
import org.asteriskjava.manager.event.QueueCallerJoinEvent;
import org.asteriskjava.manager.event.QueueCallerLeaveEvent;
import org.asteriskjava.manager.event.QueueEntryEvent;
import org.asteriskjava.manager.event.QueueMemberEvent;
import org.asteriskjava.manager.event.QueueMemberPauseEvent;
import org.asteriskjava.manager.event.QueueMemberPausedEvent;
import org.asteriskjava.manager.event.QueueMemberRemovedEvent;
import org.asteriskjava.manager.event.UnholdEvent;
import org.asteriskjava.manager.event.VarSetEvent;

/**
 * Turns the Asterisk-Java events Hotline uses into small JSON messages ({@code {"type": "...", ...}}) for the event
 * bus; every other event is null (dropped). Runs on Asterisk-Java's event thread, so it only copies fields. A caller
 * number of {@code <unknown>} (AMI's word for none) becomes absent. Stateless.
 */
public final class AmiEvents {

    public static final String NEW_CHANNEL = "new_channel";
    public static final String VAR_SET = "var_set";
    public static final String QUEUE_JOIN = "queue_join";
    public static final String QUEUE_LEAVE = "queue_leave";
    public static final String QUEUE_ABANDON = "queue_abandon";
    public static final String AGENT_CALLED = "agent_called";
    public static final String AGENT_CONNECT = "agent_connect";
    public static final String AGENT_COMPLETE = "agent_complete";
    public static final String AGENT_NO_ANSWER = "agent_no_answer";
    public static final String BRIDGE_ENTER = "bridge_enter";
    /** A channel of the call went on hold (its phone pressed hold) or came back: the call record's hold time. */
    public static final String HOLD = "hold";
    public static final String UNHOLD = "unhold";
    public static final String HANGUP = "hangup";
    public static final String MEMBER = "member";
    public static final String MEMBER_REMOVED = "member_removed";
    public static final String ENTRY = "entry";
    public static final String CHANNEL = "channel";
    /**
     * The message of a resynchronisation (sent by the link after each log-in): {@code status} (members, entries) and
     * {@code channels} arrays, and {@code at}, when they were asked for (what started later is not in them).
     */
    public static final String RESYNC = "resync";

    private AmiEvents() {
    }

    /** The message for {@code event}, stamped with the time it was received (epoch ms and a nano clock), or null. */
    public static JsonObject toJson(ManagerEvent event, long receivedAtMillis, long receivedNanos) {
        JsonObject json = switch (event) {
            case NewChannelEvent e -> channel(NEW_CHANNEL, e.getUniqueId(), e.getLinkedid(), e.getChannel())
                    .put("callerNumber", number(e.getCallerIdNum())).put("exten", e.getExten());
            case VarSetEvent e -> e.getVariable() != null && (e.getVariable().startsWith(ChannelVariables.VAR_PREFIX)
                    || e.getVariable().equals(ChannelVariables.VAR_QUEUE_PRIO))
                    ? channel(VAR_SET, e.getUniqueId(), e.getLinkedId(), e.getChannel())
                    .put("variable", e.getVariable()).put("value", e.getValue())
                    : null;
            case QueueCallerJoinEvent e -> channel(QUEUE_JOIN, e.getUniqueId(), e.getLinkedId(), e.getChannel())
                    .put("queue", e.getQueue()).put("position", e.getPosition()).put("callerNumber", number(e.getCallerIdNum()));
            case QueueCallerAbandonEvent e -> channel(QUEUE_ABANDON, e.getUniqueId(), e.getLinkedId(), e.getChannel())
                    .put("queue", e.getQueue()).put("holdTime", e.getHoldTime());
            case QueueCallerLeaveEvent e -> channel(QUEUE_LEAVE, e.getUniqueId(), e.getLinkedId(), e.getChannel())
                    .put("queue", e.getQueue());
            case AgentCalledEvent e -> channel(AGENT_CALLED, e.getUniqueId(), e.getLinkedId(), e.getChannel())
                    .put("queue", e.getQueue()).put("interface", e.getInterface()).put("memberName", e.getMemberName());
            case AgentConnectEvent e -> channel(AGENT_CONNECT, e.getUniqueId(), e.getLinkedId(), e.getChannel())
                    .put("queue", e.getQueue()).put("interface", e.getInterface()).put("memberName", e.getMemberName())
                    .put("holdTime", e.getHoldTime()).put("agentUniqueid", e.getDestUniqueId());
            case AgentCompleteEvent e -> channel(AGENT_COMPLETE, e.getUniqueId(), e.getLinkedId(), e.getChannel())
                    .put("queue", e.getQueue()).put("interface", e.getInterface()).put("holdTime", e.getHoldTime())
                    .put("talkTime", e.getTalkTime()).put("reason", e.getReason());
            case AgentRingNoAnswerEvent e -> channel(AGENT_NO_ANSWER, e.getUniqueId(), e.getLinkedId(), e.getChannel())
                    .put("queue", e.getQueue()).put("interface", e.getInterface());
            case BridgeEnterEvent e -> channel(BRIDGE_ENTER, e.getUniqueId(), e.getLinkedId(), e.getChannel())
                    .put("bridge", e.getBridgeUniqueId());
            case HoldEvent e -> channel(HOLD, e.getUniqueId(), e.getLinkedId(), e.getChannel());
            case UnholdEvent e -> channel(UNHOLD, e.getUniqueId(), e.getLinkedId(), e.getChannel());
            case HangupEvent e -> channel(HANGUP, e.getUniqueId(), e.getLinkedId(), e.getChannel()).put("cause", e.getCause());
            case QueueMemberRemovedEvent e -> new JsonObject().put("type", MEMBER_REMOVED).put("queue", e.getQueue())
                    .put("interface", e.getInterface());
            case QueueMemberEvent e -> member(e.getQueue(), e.getInterface() != null ? e.getInterface() : e.getLocation(),
                    e.getMemberName() != null ? e.getMemberName() : e.getName(), e.getStatus(), e.getPaused(),
                    e.getPausedreason(), e.getIncall() != null && e.getIncall() == 1);
            // Asterisk 12+ names it QueueMemberPause; Asterisk-Java keeps its PausedReason in a field of that class only.
            case QueueMemberPauseEvent e -> member(e.getQueue(), e.getInterface(), e.getMemberName(), null, e.getPaused(),
                    e.getPausedreason() != null ? e.getPausedreason() : e.getReason(),
                    e.getIncall() != null && e.getIncall() == 1);
            case QueueMemberPausedEvent e -> member(e.getQueue(), e.getInterface(), e.getMemberName(), null,
                    e.getPaused(), e.getReason() != null ? e.getReason() : e.getPausedReason(), "1".equals(e.getInCall()));
            case AbstractQueueMemberEvent e -> member(e.getQueue(), e.getInterface(), e.getMemberName(), null, null,
                    e.getPausedReason(), "1".equals(e.getInCall()));
            case QueueEntryEvent e -> channel(ENTRY, e.getUniqueId(), null, e.getChannel()).put("queue", e.getQueue())
                    .put("position", e.getPosition()).put("wait", e.getWait())
                    .put("callerNumber", number(e.getCallerIdNum() != null ? e.getCallerIdNum() : e.getCallerId()));
            case CoreShowChannelEvent e -> channel(CHANNEL, e.getUniqueid(), e.getLinkedid(), e.getChannel())
                    .put("callerNumber", number(e.getCallerIdNum())).put("application", e.getApplication());
            default -> null;
        };
        return json == null || !complete(json) ? null : json.put("at", receivedAtMillis).put("nanos", receivedNanos);
    }

    /** An event missing the field it is keyed by (a truncated or garbled message) is dropped. */
    private static boolean complete(JsonObject json) {
        String key = json.containsKey("uniqueid") ? json.getString("uniqueid") : json.getString("interface");
        return key != null && !key.isBlank();
    }

    private static JsonObject channel(String type, String uniqueid, String linkedid, String channel) {
        return new JsonObject().put("type", type).put("uniqueid", uniqueid)
                .put("linkedid", linkedid == null ? uniqueid : linkedid).put("channel", channel);
    }

    private static JsonObject member(String queue, String iface, String name, Integer status, Boolean paused,
                                     String reason, boolean inCall) {
        JsonObject json = new JsonObject().put("type", MEMBER).put("queue", queue).put("interface", iface)
                .put("name", name).put("inCall", inCall);
        if (status != null) {
            json.put("status", status);
        }
        if (paused != null) {
            json.put("paused", paused);
        }
        if (reason != null && !reason.isBlank()) {
            json.put("pausedReason", reason);
        }
        return json;
    }

    private static String number(String callerNumber) {
        return callerNumber == null || callerNumber.isBlank() || callerNumber.equals("<unknown>")
                || callerNumber.equalsIgnoreCase("unknown") ? null : callerNumber;
    }
}
