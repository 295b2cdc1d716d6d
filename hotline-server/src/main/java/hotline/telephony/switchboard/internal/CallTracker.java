package hotline.telephony.switchboard.internal;

import hotline.telephony.ChannelVariables;
import hotline.telephony.ami.AmiEvents;
import hotline.telephony.switchboard.CallDisposition;
import hotline.telephony.switchboard.CallRecord;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Follows calls through the AMI events (as {@link AmiEvents} messages) and says what each event means for Hotline: a
 * finished {@link CallRecord} when the caller's channel hangs up, a screen pop when an agent connects. A call is keyed
 * by its linkedid (the uniqueid of the caller's channel); agent legs carry the same linkedid. Plain Java, no clock of
 * its own (times come from the events); not thread-safe: one event loop feeds it, in order.
 */
public final class CallTracker {

    /** What one event produced; either part may be null. */
    public record Effect(CallRecord finished, JsonObject screenPop) {
        static final Effect NONE = new Effect(null, null);
    }

    private static final class LiveCall {
        final String uniqueid;
        String callerNumber;
        String calledNumber;
        Instant startedAt;
        Instant answeredAt;
        String queue;
        Integer waitSeconds;
        Integer talkSeconds;
        String agentInterface;
        boolean abandoned;
        /** The call's channels on hold now; while any is, the call is on hold (since {@code holdSince}). */
        final Set<String> held = new HashSet<>();
        Instant holdSince;
        long holdSeconds;
        final Map<String, String> vars = new LinkedHashMap<>();

        LiveCall(String uniqueid, Instant startedAt) {
            this.uniqueid = uniqueid;
            this.startedAt = startedAt;
        }
    }

    private final Map<String, LiveCall> calls = new HashMap<>();

    public Effect apply(JsonObject event) {

        String type = event.getString("type");
        String uniqueid = event.getString("uniqueid");
        String linkedid = event.getString("linkedid", uniqueid);
        if (uniqueid == null) {
            return Effect.NONE;
        }
        Instant at = Instant.ofEpochMilli(event.getLong("at"));
        boolean callerLeg = uniqueid.equals(linkedid);
        switch (type) {
            case AmiEvents.NEW_CHANNEL, AmiEvents.CHANNEL -> {
                if (callerLeg) {
                    LiveCall call = calls.computeIfAbsent(uniqueid, id -> new LiveCall(id, at));
                    call.callerNumber = event.getString("callerNumber", call.callerNumber);
                    call.calledNumber = event.getString("exten", call.calledNumber);
                }
            }
            case AmiEvents.VAR_SET -> call(linkedid, at).vars.put(event.getString("variable"), event.getString("value"));
            case AmiEvents.QUEUE_JOIN -> {
                LiveCall call = call(uniqueid, at);
                call.queue = event.getString("queue");
                if (call.callerNumber == null) {
                    call.callerNumber = event.getString("callerNumber");
                }
            }
            case AmiEvents.QUEUE_ABANDON -> {
                LiveCall call = call(uniqueid, at);
                call.abandoned = true;
                call.waitSeconds = event.getInteger("holdTime");
            }
            case AmiEvents.AGENT_CONNECT -> {
                LiveCall call = call(uniqueid, at);
                call.answeredAt = at;
                call.agentInterface = event.getString("interface");
                call.waitSeconds = event.getInteger("holdTime");
                return new Effect(null, screenPop(call, event));
            }
            case AmiEvents.AGENT_COMPLETE -> call(uniqueid, at).talkSeconds = event.getInteger("talkTime");
            case AmiEvents.HOLD -> {
                LiveCall call = calls.get(linkedid);
                if (call != null && call.held.add(uniqueid) && call.held.size() == 1) {
                    call.holdSince = at;
                }
            }
            case AmiEvents.UNHOLD -> {
                LiveCall call = calls.get(linkedid);
                if (call != null && call.held.remove(uniqueid) && call.held.isEmpty()) {
                    endHold(call, at);
                }
            }
            case AmiEvents.BRIDGE_ENTER -> {
                LiveCall call = calls.get(linkedid);
                if (call != null && call.answeredAt == null && !callerLeg) {
                    // Answered outside a queue (a direct call to an extension).
                    call.answeredAt = at;
                }
            }
            case AmiEvents.HANGUP -> {
                if (callerLeg) {
                    LiveCall call = calls.remove(uniqueid);
                    return call == null ? Effect.NONE : new Effect(finish(call, at), null);
                }
            }
            default -> {
                // other events do not concern the call record
            }
        }
        return Effect.NONE;
    }

    /**
     * After a reconnect: the calls Asterisk still has ({@code uniqueids} of the CoreShowChannels list, asked for at
     * {@code askedAt}) stay, and so do calls first seen after that moment; every other tracked call ended while the
     * link was down and is finished now.
     */
    public List<CallRecord> resync(Set<String> liveUniqueids, Instant askedAt) {
        List<CallRecord> finished = new ArrayList<>();
        calls.values().removeIf(call -> {
            if (liveUniqueids.contains(call.uniqueid) || !call.startedAt.isBefore(askedAt)) {
                return false;
            }
            finished.add(finish(call, askedAt));
            return true;
        });
        return finished;
    }

    public int liveCalls() {
        return calls.size();
    }

    /** A call still going: when it started, and how its queue counts it so far (null before it joined a queue). */
    record OpenCall(Instant startedAt, DayRules.QueuedCall queued) {
    }

    /** The calls still going, for today's figures. */
    List<OpenCall> open() {
        List<OpenCall> open = new ArrayList<>(calls.size());
        for (LiveCall call : calls.values()) {
            DayRules.QueuedCall queued = null;
            if (call.queue != null) {
                DayRules.Outcome outcome = call.answeredAt != null ? DayRules.Outcome.ANSWERED
                        : call.abandoned ? DayRules.Outcome.ABANDONED : DayRules.Outcome.WAITING;
                queued = new DayRules.QueuedCall(call.queue, outcome, call.waitSeconds, null, null, null, null);
            }
            open.add(new OpenCall(call.startedAt, queued));
        }
        return open;
    }

    private LiveCall call(String uniqueid, Instant at) {
        return calls.computeIfAbsent(uniqueid, id -> new LiveCall(id, at));
    }

    private static JsonObject screenPop(LiveCall call, JsonObject event) {
        Map<String, String> vars = call.vars;
        Long customerId = customerId(vars);
        JsonObject customer = customerId == null ? null : new JsonObject()
                .put("id", customerId)
                .put("tier", vars.get(ChannelVariables.VAR_TIER))
                .put("criticalFacility", Boolean.parseBoolean(vars.get(ChannelVariables.VAR_CRITICAL)));
        return new JsonObject()
                .put("call", new JsonObject()
                        .put("uniqueid", call.uniqueid)
                        .put("callerNumber", call.callerNumber)
                        .put("calledNumber", call.calledNumber)
                        .put("queue", call.queue)
                        .put("waitSeconds", call.waitSeconds)
                        .put("agentInterface", call.agentInterface))
                .put("customer", customer)
                .put("ivr", new JsonObject()
                        .put("path", vars.get(ChannelVariables.VAR_IVR_PATH))
                        .put("reason", vars.get(ChannelVariables.VAR_REASON))
                        .put("ticket", vars.get(ChannelVariables.VAR_TICKET))
                        .put("callbackNumber", vars.get(ChannelVariables.VAR_CALLBACK)))
                .put("amiReceivedAt", event.getLong("at"));
    }

    private static void endHold(LiveCall call, Instant at) {
        call.holdSeconds += Math.max(0, Duration.between(call.holdSince, at).toSeconds());
        call.holdSince = null;
    }

    private static CallRecord finish(LiveCall call, Instant endedAt) {
        if (call.holdSince != null) {
            endHold(call, endedAt);
        }
        Map<String, String> vars = call.vars;
        CallDisposition disposition;
        if (call.answeredAt != null) {
            disposition = CallDisposition.ANSWERED;
        } else if (call.abandoned) {
            disposition = CallDisposition.ABANDONED;
        } else if ("completed".equals(vars.get(ChannelVariables.VAR_ENDING)) || call.queue == null
                && vars.get(ChannelVariables.VAR_IVR_PATH) != null && vars.get(ChannelVariables.VAR_TICKET) != null) {
            // The IVR made the caller's ticket: done, even if they hung up while its number was read back.
            disposition = CallDisposition.IVR_COMPLETED;
        } else if (call.queue != null) {
            disposition = CallDisposition.MISSED;
        } else {
            disposition = CallDisposition.ABANDONED;
        }
        String ticket = vars.get(ChannelVariables.VAR_TICKET);
        return new CallRecord(call.uniqueid, call.callerNumber, call.calledNumber, call.startedAt, call.answeredAt,
                endedAt, vars.get(ChannelVariables.VAR_IVR_PATH), call.queue, call.waitSeconds, call.talkSeconds,
                call.answeredAt == null ? null : (int) call.holdSeconds, call.agentInterface, disposition, vars.get(ChannelVariables.VAR_RECORDING),
                customerId(vars),
                ticket == null ? List.of() : List.of(ticket), null, null);
    }

    /** The customer id the IVR left, or null when absent or not a number (a variable is only text). */
    private static Long customerId(Map<String, String> vars) {
        String value = vars.get(ChannelVariables.VAR_CUSTOMER_ID);
        return value == null || !value.matches("[0-9]{1,18}") ? null : Long.valueOf(value);
    }
}
