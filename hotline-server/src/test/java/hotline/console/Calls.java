package hotline.console;

import hotline.telephony.peer.AmiPeer;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static hotline.telephony.peer.AmiPeer.channelSnapshot;
import static hotline.telephony.peer.AmiPeer.with;

/** Calls injected through the AMI test peer the way Asterisk reports them: IVR findings, queue, agent connect. */
public final class Calls {

    private static final AtomicInteger NEXT = new AtomicInteger(100);

    private final AmiPeer peer;

    public Calls(AmiPeer peer) {
        this.peer = peer;
    }

    /** A call from {@code callerNumber} (customer {@code customerId}, may be null) answered on {@code phone}; its uniqueid. */
    public String answered(String callerNumber, Long customerId, String phone) {
        String uid = queued(callerNumber, customerId);
        connect(uid, callerNumber, phone);
        return uid;
    }

    /** A call from {@code callerNumber} that came through the IVR and waits in the queue; its uniqueid. */
    String queued(String callerNumber, Long customerId) {
        int n = NEXT.incrementAndGet();
        String uid = "1800000" + n + ".1";
        Map<String, String> caller = caller(uid, callerNumber);
        peer.emit("Newchannel", caller);
        if (customerId != null) {
            peer.emit("VarSet", with(caller, "Variable", "HOTLINE_CUSTOMER_ID", "Value", customerId.toString()));
        }
        peer.emit("VarSet", with(caller, "Variable", "HOTLINE_IVR_PATH", "Value", "identify>main_menu>agent"));
        peer.emit("QueueCallerJoin", with(caller, "Queue", "hotline", "Position", "1", "Count", "1"));
        return uid;
    }

    /** The waiting call {@code uid} is answered on {@code phone} after 9 s in the queue. */
    void connect(String uid, String callerNumber, String phone) {
        Map<String, String> agentLeg = channelSnapshot("Dest", phone + "-" + uid, uid + "1", uid, callerNumber, 6,
                "Up", "from-queue", "s");
        peer.emit("AgentConnect", with(with(caller(uid, callerNumber), "Queue", "hotline", "MemberName", "agent",
                "Interface", phone, "RingTime", "2", "HoldTime", "9"), flat(agentLeg)));
    }

    /** The waiting caller of {@code uid} hangs up after {@code waited} seconds in the queue. */
    void abandon(String uid, String callerNumber, int waited) {
        Map<String, String> caller = caller(uid, callerNumber);
        peer.emit("QueueCallerAbandon", with(caller, "Queue", "hotline", "Position", "1", "OriginalPosition", "1",
                "HoldTime", Integer.toString(waited)));
        peer.emit("Hangup", with(caller, "Cause", "16", "Cause-txt", "Normal Clearing"));
    }

    private static Map<String, String> caller(String uid, String callerNumber) {
        return channelSnapshot("", "PJSIP/trunk-" + uid, uid, uid, callerNumber, 6, "Up", "hotline-inbound", "96655");
    }

    public void hangUp(String uid, String callerNumber, String phone) {
        Map<String, String> caller = caller(uid, callerNumber);
        peer.emit("AgentComplete", with(caller, "Queue", "hotline", "MemberName", "agent", "Interface", phone,
                "HoldTime", "9", "TalkTime", "60", "Reason", "caller"));
        peer.emit("Hangup", with(caller, "Cause", "16", "Cause-txt", "Normal Clearing"));
    }

    private static String[] flat(Map<String, String> map) {
        return map.entrySet().stream().flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue()))
                .toArray(String[]::new);
    }
}
