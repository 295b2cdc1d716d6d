package hotline.telephony.switchboard.internal;

import hotline.telephony.ami.AmiEvents;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The live state of the queues for the wallboard and {@code GET /api/queues}: calls waiting with the moment they
 * joined and their wait, members with their state since when and their current call. Fed with {@link AmiEvents}
 * messages; today's figures are not kept here but given to {@link #snapshot} ({@link Today}). A published snapshot is
 * brought up to the moment it is read with {@link #live}, so a wait keeps counting and a wrap-up ends between events.
 * Plain Java with an injected clock; not thread-safe (one event loop), except {@link #live}.
 */
public final class QueueBoard {

    /** Member states as the wallboard shows them. */
    static final String AVAILABLE = "available";
    static final String RINGING = "ringing";
    static final String IN_CALL = "in_call";
    static final String PAUSED = "paused";
    static final String WRAP_UP = "wrap_up";
    static final String UNAVAILABLE = "unavailable";
    static final String LOGGED_OUT = "logged_out";

    private final Clock clock;
    private final Duration wrapUp;
    private final Map<String, Queue> queues = new TreeMap<>();

    /** {@code queue}, the agents' queue, is on the board from the start, with or without members and calls. */
    public QueueBoard(Clock clock, String queue, Duration wrapUp) {
        this.clock = clock;
        this.wrapUp = wrapUp;
        queues.put(queue, new Queue());
    }

    private static final class Member {
        String name;
        int status;
        boolean paused;
        String pausedReason;
        boolean inCall;
        boolean ringing;
        boolean loggedOut;
        Instant wrapUpUntil;
        /** The state last shown and since when (the board's clock). */
        String state;
        Instant since;
        /** The call the member is connected to, null when none. */
        Waiting call;
        Instant callSince;
    }

    private record Waiting(String uniqueid, String callerNumber, Instant joinedAt) {
    }

    private static final class Queue {
        final Map<String, Member> members = new TreeMap<>();
        final Map<String, Waiting> waiting = new LinkedHashMap<>();
    }

    /** Applies one event; true when the board changed. */
    public boolean apply(JsonObject event) {
        String name = event.getString("queue");
        if (name == null) {
            return false;
        }
        boolean changed = change(queue(name), event);
        if (changed) {
            updateStates();
        }
        return changed;
    }

    private boolean change(Queue queue, JsonObject event) {
        Instant now = clock.instant();
        String iface = event.getString("interface");
        switch (event.getString("type")) {
            case AmiEvents.QUEUE_JOIN -> queue.waiting.put(event.getString("uniqueid"),
                    new Waiting(event.getString("uniqueid"), event.getString("callerNumber"), now));
            case AmiEvents.QUEUE_LEAVE, AmiEvents.QUEUE_ABANDON -> queue.waiting.remove(event.getString("uniqueid"));
            case AmiEvents.AGENT_CALLED -> member(queue, iface, event.getString("memberName")).ringing = true;
            case AmiEvents.AGENT_NO_ANSWER -> member(queue, iface, null).ringing = false;
            case AmiEvents.AGENT_CONNECT -> {
                Member member = member(queue, iface, event.getString("memberName"));
                member.ringing = false;
                member.inCall = true;
                Waiting call = queue.waiting.remove(event.getString("uniqueid"));
                member.call = call != null ? call : new Waiting(event.getString("uniqueid"), null, now);
                member.callSince = now;
            }
            case AmiEvents.AGENT_COMPLETE -> {
                Member member = member(queue, iface, null);
                member.inCall = false;
                member.call = null;
                member.callSince = null;
                member.wrapUpUntil = now.plus(wrapUp);
            }
            case AmiEvents.MEMBER -> {
                Member member = member(queue, iface, event.getString("name"));
                member.loggedOut = false;
                member.status = event.getInteger("status", member.status);
                member.paused = event.getBoolean("paused", member.paused);
                member.pausedReason = member.paused ? event.getString("pausedReason", member.pausedReason) : null;
                member.inCall = event.getBoolean("inCall", member.inCall);
            }
            case AmiEvents.MEMBER_REMOVED -> member(queue, iface, null).loggedOut = true;
            default -> {
                return false;
            }
        }
        return true;
    }

    /**
     * Replaces members and waiting calls with what QueueStatus (asked for at {@code askedAt}) reported after a
     * reconnect ({@code member} and {@code entry} messages); calls that joined after {@code askedAt} stay, today's
     * figures are kept.
     */
    public void resync(Collection<JsonObject> statusEvents, Instant askedAt) {
        Instant now = clock.instant();
        Map<String, Map<String, Member>> before = new TreeMap<>();
        queues.forEach((name, queue) -> {
            before.put(name, new TreeMap<>(queue.members));
            queue.members.clear();
            queue.waiting.values().removeIf(call -> call.joinedAt().isBefore(askedAt));
        });
        for (JsonObject event : statusEvents) {
            String name = event.getString("queue");
            if (name == null) {
                continue;
            }
            if (AmiEvents.ENTRY.equals(event.getString("type"))) {
                long wait = event.getLong("wait", 0L);
                queue(name).waiting.put(event.getString("uniqueid"), new Waiting(event.getString("uniqueid"),
                        event.getString("callerNumber"), now.minusSeconds(wait)));
            } else {
                change(queue(name), event);
            }
        }
        // A member in the same state as before the link was lost has been in it since then, not since the resync.
        before.forEach((name, members) -> members.forEach((iface, old) -> {
            Member current = queues.get(name).members.get(iface);
            if (current != null) {
                current.state = old.state;
                current.since = old.since;
                if (current.inCall) {
                    current.call = old.call;
                    current.callSince = old.callSince;
                }
            }
        }));
        updateStates();
    }

    /**
     * The board as of now, with each queue's {@code today} from {@code today} (by queue name; a queue with figures
     * but nothing live, as on an instance without the AMI link, is listed too).
     */
    public JsonObject snapshot(Map<String, JsonObject> today) {
        Instant now = clock.instant();
        updateStates();
        today.keySet().forEach(this::queue);
        JsonArray list = new JsonArray();
        queues.forEach((name, queue) -> {
            JsonArray waiting = new JsonArray();
            int position = 1;
            for (Waiting call : queue.waiting.values()) {
                waiting.add(new JsonObject().put("position", position++).put("uniqueid", call.uniqueid())
                        .put("callerNumber", call.callerNumber()).put("joinedAt", call.joinedAt().toString())
                        .put("waitSeconds", Duration.between(call.joinedAt(), now).toSeconds()));
            }
            JsonArray members = new JsonArray();
            queue.members.forEach((iface, member) -> {
                JsonObject json = new JsonObject().put("interface", iface).put("name", member.name)
                        .put("state", member.state).put("since", member.since.toString());
                if (member.paused && member.pausedReason != null) {
                    json.put("pausedReason", member.pausedReason);
                }
                if (WRAP_UP.equals(member.state)) {
                    json.put("wrapUpUntil", member.wrapUpUntil.toString());
                }
                if (member.call != null) {
                    json.put("call", new JsonObject().put("uniqueid", member.call.uniqueid())
                            .put("callerNumber", member.call.callerNumber())
                            .put("answeredAt", member.callSince.toString()));
                }
                members.add(json);
            });
            list.add(new JsonObject().put("name", name).put("waiting", waiting).put("members", members)
                    .put("today", today.getOrDefault(name, new JsonObject())));
        });
        return new JsonObject().put("at", now.toString()).put("queues", list);
    }

    /**
     * A copy of a {@link #snapshot} with {@code at} and each caller's {@code waitSeconds} as of now (from their
     * {@code joinedAt}): the board is published on changes only, and a wait grows without one. Reads only the clock and
     * its argument, so any thread may call it.
     */
    public JsonObject live(JsonObject snapshot) {
        Instant now = clock.instant();
        JsonObject live = snapshot.copy().put("at", now.toString());
        live.getJsonArray("queues").forEach(item -> {
            JsonObject queue = (JsonObject) item;
            queue.getJsonArray("waiting").forEach(call -> {
                JsonObject waiting = (JsonObject) call;
                long seconds = Duration.between(Instant.parse(waiting.getString("joinedAt")), now).toSeconds();
                waiting.put("waitSeconds", Math.max(0, seconds));
            });
            queue.getJsonArray("members").forEach(m -> {
                JsonObject member = (JsonObject) m;
                String until = (String) member.remove("wrapUpUntil");
                if (until != null && !now.isBefore(Instant.parse(until))) {
                    member.put("state", AVAILABLE).put("since", until);
                } else if (until != null) {
                    member.put("wrapUpUntil", until);
                }
            });
        });
        return live;
    }

    private static String state(Member member, Instant now) {
        if (member.loggedOut) {
            return LOGGED_OUT;
        }
        if (member.paused) {
            return PAUSED;
        }
        // Device states of Asterisk (AST_DEVICE_*): 2 in use, 3 busy, 8 on hold; 6 ringing, 7 ring in use; 4 invalid, 5 unavailable.
        if (member.inCall || member.status == 2 || member.status == 3 || member.status == 8) {
            return IN_CALL;
        }
        if (member.ringing || member.status == 6 || member.status == 7) {
            return RINGING;
        }
        if (member.wrapUpUntil != null && now.isBefore(member.wrapUpUntil)) {
            return WRAP_UP;
        }
        if (member.status == 4 || member.status == 5) {
            return UNAVAILABLE;
        }
        return AVAILABLE;
    }

    /** The queues on the board now. */
    public java.util.Set<String> names() {
        return java.util.Set.copyOf(queues.keySet());
    }

    private Queue queue(String name) {
        return queues.computeIfAbsent(name, n -> new Queue());
    }

    /**
     * Notes since when each member is in its state: now for a change an event made, the end of the wrap-up for a
     * wrap-up that ran out between events.
     */
    private void updateStates() {
        Instant now = clock.instant();
        queues.values().forEach(queue -> queue.members.values().forEach(member -> {
            String state = state(member, now);
            if (!state.equals(member.state)) {
                boolean wrapUpRanOut = WRAP_UP.equals(member.state) && member.wrapUpUntil != null
                        && !now.isBefore(member.wrapUpUntil);
                member.since = wrapUpRanOut ? member.wrapUpUntil : now;
                member.state = state;
            }
        }));
    }

    private static Member member(Queue queue, String iface, String name) {
        Member member = queue.members.computeIfAbsent(iface == null ? "?" : iface, i -> new Member());
        if (name != null) {
            member.name = name;
        }
        return member;
    }

}
