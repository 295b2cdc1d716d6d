package hotline.telephony.ami;

import hotline.common.InvalidInputException;
import hotline.telephony.ChannelVariables;
import io.vertx.core.json.JsonObject;
import org.asteriskjava.manager.event.AbstractAgentEvent;
import org.asteriskjava.manager.event.AbstractChannelEvent;
import org.asteriskjava.manager.event.AgentCompleteEvent;
import org.asteriskjava.manager.event.AgentConnectEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.QueueCallerJoinEvent;
import org.asteriskjava.manager.event.QueueEvent;
import org.asteriskjava.manager.event.VarSetEvent;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Training without Asterisk (only with {@code --demo}): places a simulated incoming call as the Asterisk-Java events
 * Asterisk would send — the caller's channel, the IVR's channel variables, joining the queue, the agent's phone
 * connected, later the hang-up — translated by {@link AmiEvents} and handed to the same sink an {@link AmiLink} feeds.
 * So the switchboard, the call record, the screen pop and the wrap-up see exactly what a real call gives them.
 * Thread-safe.
 */
public final class SimulatedCalls {

    /** What the IVR found out before the call reached an agent; any part may be null. */
    public record IvrFindings(Long customerId, String path, String reason, String ticketNumber, String callbackNumber) {
    }

    private static final Pattern NUMBER = Pattern.compile("[0-9]{3,20}");
    private static final Pattern PHONE = Pattern.compile("[A-Za-z]+/[A-Za-z0-9_.-]{1,60}");
    private static final String QUEUE = "hotline";

    private final Consumer<JsonObject> sink;
    private final Clock clock;
    private final AtomicLong sequence = new AtomicLong();
    /** The simulated call each agent phone is on: uniqueid and caller number. */
    private final Map<String, String[]> onPhone = new ConcurrentHashMap<>();

    public SimulatedCalls(Consumer<JsonObject> sink, Clock clock) {
        this.sink = sink;
        this.clock = clock;
    }

    /** Rings {@code agentPhone} (an interface such as {@code PJSIP/agent1}) with a call from {@code callerNumber}. */
    public String call(String callerNumber, String agentPhone, IvrFindings ivr) {
        require("callerNumber", callerNumber, NUMBER);
        require("agentPhone", agentPhone, PHONE);
        long n = sequence.incrementAndGet();
        String uid = "sim-" + clock.millis() / 1000 + "." + n;
        String channel = "PJSIP/sim-trunk-" + n;
        NewChannelEvent created = channel(new NewChannelEvent(this), uid, channel);
        created.setCallerIdNum(callerNumber);
        created.setExten("96655");
        emit(created);
        if (ivr.customerId() != null) {
            emit(variable(uid, channel, ChannelVariables.VAR_CUSTOMER_ID, ivr.customerId().toString()));
        }
        emit(variable(uid, channel, ChannelVariables.VAR_IVR_PATH, ivr.path() == null ? "identify>main_menu>agent" : ivr.path()));
        if (ivr.reason() != null) {
            emit(variable(uid, channel, ChannelVariables.VAR_REASON, ivr.reason()));
        }
        if (ivr.ticketNumber() != null) {
            emit(variable(uid, channel, ChannelVariables.VAR_TICKET, ivr.ticketNumber()));
        }
        if (ivr.callbackNumber() != null) {
            emit(variable(uid, channel, ChannelVariables.VAR_CALLBACK, ivr.callbackNumber()));
        }
        QueueCallerJoinEvent joined = channel(new QueueCallerJoinEvent(this), uid, channel);
        joined.setQueue(QUEUE);
        joined.setPosition(1);
        joined.setCallerIdNum(callerNumber);
        emit(joined);
        AgentConnectEvent connected = channel(new AgentConnectEvent(this), uid, channel);
        connected.setQueue(QUEUE);
        connected.setInterface(agentPhone);
        connected.setMemberName(agentPhone);
        connected.setHoldTime(3L);
        connected.setDestUniqueId(uid + "1");
        emit(connected);
        onPhone.put(agentPhone, new String[] {uid, channel});
        return uid;
    }

    /** Ends the simulated call on {@code agentPhone}, as the caller hanging up; false when it is on none. */
    public boolean hangUp(String agentPhone) {
        String[] call = onPhone.remove(agentPhone);
        if (call == null) {
            return false;
        }
        AgentCompleteEvent complete = channel(new AgentCompleteEvent(this), call[0], call[1]);
        complete.setQueue(QUEUE);
        complete.setInterface(agentPhone);
        complete.setHoldTime(3L);
        complete.setTalkTime(60L);
        complete.setReason("caller");
        emit(complete);
        HangupEvent hangup = channel(new HangupEvent(this), call[0], call[1]);
        hangup.setCause(16);
        emit(hangup);
        return true;
    }

    private VarSetEvent variable(String uid, String channel, String name, String value) {
        VarSetEvent set = channel(new VarSetEvent(this), uid, channel);
        set.setVariable(name);
        set.setValue(value);
        return set;
    }

    /** Stamps the caller's channel on {@code event}; the linked id defaults to the uniqueid, as for a new call. */
    private static <E extends ManagerEvent> E channel(E event, String uid, String channel) {
        switch (event) {
            case AbstractChannelEvent e -> {
                e.setUniqueId(uid);
                e.setChannel(channel);
            }
            case VarSetEvent e -> {
                e.setUniqueId(uid);
                e.setChannel(channel);
            }
            case QueueEvent e -> {
                e.setUniqueId(uid);
                e.setChannel(channel);
            }
            case AbstractAgentEvent e -> {
                e.setUniqueId(uid);
                e.setChannel(channel);
            }
            default -> throw new IllegalArgumentException("not a simulated event: " + event.getClass().getSimpleName());
        }
        return event;
    }

    private void emit(ManagerEvent event) {
        JsonObject json = AmiEvents.toJson(event, clock.millis(), System.nanoTime());
        if (json != null) {
            sink.accept(json);
        }
    }

    private static void require(String field, String value, Pattern pattern) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new InvalidInputException(field, "is not valid");
        }
    }
}
