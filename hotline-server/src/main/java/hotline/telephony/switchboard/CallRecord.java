package hotline.telephony.switchboard;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.List;

/**
 * One finished call, built from the AMI events of its caller channel and the channel variables the IVR set.
 * Times are instants; {@code waitSeconds} is the time in the queue, {@code talkSeconds} the agent's talk time as
 * Asterisk counts it (from the answer to the end, so hold time included), {@code holdSeconds} the part of it on hold
 * (null for a call nobody answered).
 * {@code callerNumber} is personal data: shown to agents, never logged. {@code wrapUpCode} is null until the agent's
 * wrap-up (and for calls nobody answered); {@code satisfaction} is the caller's 1–5 from the IVR survey, if any.
 */
public record CallRecord(String uniqueid, String callerNumber, String calledNumber, Instant startedAt,
                         Instant answeredAt, Instant endedAt, String ivrPath, String queue, Integer waitSeconds,
                         Integer talkSeconds, Integer holdSeconds, String agentInterface, CallDisposition disposition, String recording,
                         Long customerId, List<String> ticketNumbers, WrapUpCode wrapUpCode, Integer satisfaction) {

    public JsonObject toJson() {
        return new JsonObject()
                .put("uniqueid", uniqueid)
                .put("callerNumber", callerNumber)
                .put("calledNumber", calledNumber)
                .put("startedAt", startedAt == null ? null : startedAt.toString())
                .put("answeredAt", answeredAt == null ? null : answeredAt.toString())
                .put("endedAt", endedAt == null ? null : endedAt.toString())
                .put("ivrPath", ivrPath)
                .put("queue", queue)
                .put("waitSeconds", waitSeconds)
                .put("talkSeconds", talkSeconds)
                .put("holdSeconds", holdSeconds)
                .put("agentInterface", agentInterface)
                .put("disposition", disposition.code())
                .put("recording", recording)
                .put("customerId", customerId)
                .put("ticketNumbers", new JsonArray(ticketNumbers))
                .put("wrapUpCode", wrapUpCode == null ? null : wrapUpCode.code())
                .put("satisfaction", satisfaction);
    }
}
