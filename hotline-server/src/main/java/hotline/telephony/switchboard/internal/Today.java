package hotline.telephony.switchboard.internal;

import hotline.telephony.switchboard.CallDisposition;
import hotline.telephony.switchboard.CallRecord;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Today's figures as the sum of three parts that never overlap: what the call records held at the last read
 * ({@link StoredDay}), the calls the switchboard finished since that the read did not find stored yet (pending), and
 * the calls still going ({@link CallTracker#open}). So the figures are right after a restart and on an instance
 * without the AMI link (the stored part alone), and move with every event on the one that has it. Plain Java with an
 * injected clock; not thread-safe (the switchboard's event loop).
 */
public final class Today {

    private final DayRules rules;
    private final ZoneId zone;
    private final Clock clock;
    private final Map<String, CallRecord> pending = new LinkedHashMap<>();
    private StoredDay stored;
    private LocalDate usualDay;
    private double[] usual;

    public Today(DayRules rules, ZoneId zone, Clock clock) {
        this.rules = rules;
        this.zone = zone;
        this.clock = clock;
        this.stored = StoredDay.empty(day());
    }

    Instant now() {
        return clock.instant();
    }

    LocalDate day() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    /** A call the switchboard finished: counted as pending until a read finds it stored. */
    void finished(CallRecord call) {
        pending.put(call.uniqueid(), call);
    }

    Set<String> pendingIds() {
        return Set.copyOf(pending.keySet());
    }

    /** A new read: the pending calls it found stored are counted there from now on. */
    void stored(StoredDay day) {
        stored = day;
        pending.keySet().removeAll(day.stored());
        pending.values().removeIf(call -> dayOf(call.startedAt()).isBefore(day.day()));
    }

    /** The usual calls per hour of today's weekday (null: no history), as {@link DayReader#usual} read it. */
    void usual(LocalDate day, double[] perHour) {
        usualDay = day;
        usual = perHour;
    }

    /** True when the usual calls per hour are not those of today's weekday yet. */
    boolean needsUsual() {
        return !day().equals(usualDay);
    }

    /**
     * Each queue's {@code today} (see {@link QueueDay#toJson}) with {@code open} calls, as of now: every queue of
     * {@code queues} (empty figures when it had no call) and every queue that had calls today.
     */
    Map<String, JsonObject> queues(Collection<CallTracker.OpenCall> open, Set<String> queues) {
        Instant now = clock.instant();
        LocalDate today = day();
        Map<String, QueueDay> sums = new HashMap<>(today.equals(stored.day()) ? stored.queues() : Map.of());
        queues.forEach(queue -> sums.putIfAbsent(queue, QueueDay.EMPTY));
        for (CallRecord call : pending.values()) {
            if (call.queue() != null && dayOf(call.startedAt()).equals(today)) {
                sums.merge(call.queue(), rules.tally(queued(call), now), QueueDay::plus);
            }
        }
        for (CallTracker.OpenCall call : open) {
            if (call.queued() != null && dayOf(call.startedAt()).equals(today)) {
                sums.merge(call.queued().queue(), rules.tally(call.queued(), now), QueueDay::plus);
            }
        }
        Map<String, JsonObject> json = new HashMap<>();
        sums.forEach((queue, day) -> json.put(queue, day.toJson(rules)));
        return json;
    }

    /**
     * Calls per hour today (all calls, IVR included; {@code today}) against the same weekday's usual
     * ({@code usual}, null without history), with {@code open} calls.
     */
    JsonObject callsPerHour(Collection<CallTracker.OpenCall> open) {
        LocalDate today = day();
        int[] hours = today.equals(stored.day()) ? stored.callsPerHour().clone() : new int[24];
        pending.values().forEach(call -> count(hours, call.startedAt(), today));
        open.forEach(call -> count(hours, call.startedAt(), today));
        JsonArray usualHours = null;
        if (usual != null && today.equals(usualDay)) {
            usualHours = new JsonArray();
            for (double calls : usual) {
                usualHours.add(Math.round(calls * 10) / 10.0);
            }
        }
        JsonArray todayHours = new JsonArray();
        for (int calls : hours) {
            todayHours.add(calls);
        }
        return new JsonObject().put("day", today.toString()).put("weekday", today.getDayOfWeek().getValue())
                .put("usualWeeks", DayReader.USUAL_WEEKS).put("today", todayHours).put("usual", usualHours);
    }

    /** Each agent's day by user id, from the last read. */
    Map<Long, StoredDay.AgentDay> agents() {
        return day().equals(stored.day()) ? stored.agents() : Map.of();
    }

    private void count(int[] hours, Instant startedAt, LocalDate today) {
        if (dayOf(startedAt).equals(today)) {
            hours[startedAt.atZone(zone).getHour()]++;
        }
    }

    private LocalDate dayOf(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    /** A finished call as its queue counts it. */
    static DayRules.QueuedCall queued(CallRecord call) {
        DayRules.Outcome outcome = switch (call.disposition()) {
            case ANSWERED -> DayRules.Outcome.ANSWERED;
            case ABANDONED -> DayRules.Outcome.ABANDONED;
            case IVR_COMPLETED, MISSED -> DayRules.Outcome.MISSED;
        };
        Integer talk = call.talkSeconds();
        if (talk == null && call.disposition() == CallDisposition.ANSWERED && call.answeredAt() != null) {
            talk = (int) Duration.between(call.answeredAt(), call.endedAt()).toSeconds();
        }
        return new DayRules.QueuedCall(call.queue(), outcome, call.waitSeconds(), talk, call.holdSeconds(),
                call.endedAt(), null);
    }
}
