package hotline.relationship;

import io.vertx.core.json.JsonObject;

import java.time.Instant;

/**
 * One contact of a customer. By {@code kind}: a ticket (title: its number, code: type, state: status, text: subject),
 * a call (title: the tickets it concerned, code: disposition, text: IVR path, score: the survey answer, seconds: talk),
 * a notice (title: its ticket, code: notice kind, state: its delivery per channel, {@code "sms:sent email:failed"}, null until planned), a return visit (title: its
 * ticket, code: follow-up kind, state: done or due, text: comment, score: the answer), a tier change (title: who,
 * code: the new tier, text: why). {@code ref} is the row's id in its own table; absent parts are null.
 */
public record TimelineEntry(String kind, Instant at, long ref, String title, String code, String state, String text,
                            Integer score, Integer seconds) {

    public JsonObject toJson() {
        return new JsonObject().put("kind", kind).put("at", at.toString()).put("ref", ref).put("title", title)
                .put("code", code).put("state", state).put("text", text).put("score", score).put("seconds", seconds);
    }
}
