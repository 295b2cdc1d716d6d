package hotline.telephony.switchboard.internal;

import hotline.telephony.ami.AmiEvents;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The live state of the queues for the wallboard and {@code GET /api/queues}: calls waiting with the moment they
 * joined and their wait, members with their state, and today's figures (offered, answered, abandoned, service level =
 * answered within the threshold over answered + abandoned, average wait, average handle time). Fed with
 * {@link AmiEvents} messages; the figures restart at midnight in the hotline's time zone. A published snapshot is
 * brought up to the moment it is read with {@link #live}, so a wait keeps counting between events. Plain Java with an
 * injected clock; not thread-safe (one event loop), except {@link #live}.
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
    private final ZoneId zone;
    private final int serviceLevelSeconds;
    private final Duration wrapUp;
    private final Map<String, Queue> queues = new TreeMap<>();

    public QueueBoard(Clock clock, ZoneId zone, int serviceLevelSeconds, Duration wrapUp) {
        this.clock = clock;
        this.zone = zone;
        this.serviceLevelSeconds = serviceLevelSeconds;
        this.wrapUp = wrapUp;
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
    }

    private record Waiting(String uniqueid, String callerNumber, Instant joinedAt) {
    }

    private static final class Queue {
        final Map<String, Member> members = new TreeMap<>();
        final Map<String, Waiting> waiting = new LinkedHashMap<>();
        LocalDate day;
        int offered;
        int answered;
        int answeredInServiceLevel;
        int abandoned;
        long waitSeconds;
        int waits;
        long handleSeconds;
        int handled;
    }

    /** Applies one event; true when the board changed. */
    public boolean apply(JsonObject event) {
        String name = event.getString("queue");
        if (name == null) {
            return false;
        }
        Queue queue = queue(name);
        Instant now = clock.instant();
        String iface = event.getString("interface");
        switch (event.getString("type")) {
            case AmiEvents.QUEUE_JOIN -> {
                queue.waiting.put(event.getString("uniqueid"), new Waiting(event.getString("uniqueid"),
                        event.getString("callerNumber"), now));
                queue.offered++;
            }
            case AmiEvents.QUEUE_LEAVE -> queue.waiting.remove(event.getString("uniqueid"));
            case AmiEvents.QUEUE_ABANDON -> {
                queue.waiting.remove(event.getString("uniqueid"));
                queue.abandoned++;
                addWait(queue, event.getInteger("holdTime"));
            }
            case AmiEvents.AGENT_CALLED -> member(queue, iface, event.getString("memberName")).ringing = true;
            case AmiEvents.AGENT_NO_ANSWER -> member(queue, iface, null).ringing = false;
            case AmiEvents.AGENT_CONNECT -> {
                Member member = member(queue, iface, event.getString("memberName"));
                member.ringing = false;
                member.inCall = true;
                queue.waiting.remove(event.getString("uniqueid"));
                queue.answered++;
                Integer hold = event.getInteger("holdTime");
                if (hold != null && hold <= serviceLevelSeconds) {
                    queue.answeredInServiceLevel++;
                }
                addWait(queue, hold);
            }
            case AmiEvents.AGENT_COMPLETE -> {
                Member member = member(queue, iface, null);
                member.inCall = false;
                member.wrapUpUntil = now.plus(wrapUp);
                Integer talk = event.getInteger("talkTime");
                if (talk != null) {
                    queue.handleSeconds += talk;
                    queue.handled++;
                }
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
        queues.values().forEach(queue -> {
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
                apply(event);
            }
        }
    }

    public JsonObject snapshot() {
        Instant now = clock.instant();
        JsonArray list = new JsonArray();
        queues.forEach((name, queue) -> {
            rollOver(queue);
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
                        .put("state", state(member, now));
                if (member.paused && member.pausedReason != null) {
                    json.put("pausedReason", member.pausedReason);
                }
                members.add(json);
            });
            int finished = queue.answered + queue.abandoned;
            list.add(new JsonObject().put("name", name).put("waiting", waiting).put("members", members)
                    .put("today", new JsonObject()
                            .put("offered", queue.offered)
                            .put("answered", queue.answered)
                            .put("abandoned", queue.abandoned)
                            .put("serviceLevelSeconds", serviceLevelSeconds)
                            .put("serviceLevel", finished == 0 ? null : round(100.0 * queue.answeredInServiceLevel / finished))
                            .put("averageWaitSeconds", queue.waits == 0 ? null : round((double) queue.waitSeconds / queue.waits))
                            .put("averageHandleSeconds", queue.handled == 0 ? null : round((double) queue.handleSeconds / queue.handled))));
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
        live.getJsonArray("queues").forEach(queue -> ((JsonObject) queue).getJsonArray("waiting").forEach(call -> {
            JsonObject waiting = (JsonObject) call;
            long seconds = Duration.between(Instant.parse(waiting.getString("joinedAt")), now).toSeconds();
            waiting.put("waitSeconds", Math.max(0, seconds));
        }));
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

    private Queue queue(String name) {
        Queue queue = queues.computeIfAbsent(name, n -> new Queue());
        rollOver(queue);
        return queue;
    }

    private void rollOver(Queue queue) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        if (!today.equals(queue.day)) {
            queue.day = today;
            queue.offered = 0;
            queue.answered = 0;
            queue.answeredInServiceLevel = 0;
            queue.abandoned = 0;
            queue.waitSeconds = 0;
            queue.waits = 0;
            queue.handleSeconds = 0;
            queue.handled = 0;
        }
    }

    private static Member member(Queue queue, String iface, String name) {
        Member member = queue.members.computeIfAbsent(iface == null ? "?" : iface, i -> new Member());
        if (name != null) {
            member.name = name;
        }
        return member;
    }

    private static void addWait(Queue queue, Integer seconds) {
        if (seconds != null) {
            queue.waitSeconds += seconds;
            queue.waits++;
        }
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
