package hotline.telephony.switchboard.internal;

import io.vertx.core.json.JsonObject;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.action.QueueAddAction;
import org.asteriskjava.manager.action.QueuePauseAction;
import org.asteriskjava.manager.action.QueueRemoveAction;

import java.util.HashMap;
import java.util.Map;

/**
 * An agent action for Asterisk as JSON — the form in which it crosses the cluster to the instance holding the AMI
 * link ({@link LinkRelay}) — and the Asterisk-Java action it becomes there. {@code action} names it
 * ({@code QueueAdd}, {@code QueueRemove}, {@code QueuePause}, {@code Originate}); {@code timeoutMs} is how long the
 * answer may take.
 */
final class AmiRequest {

    /** The dialplan context agents' outgoing calls run in (ivr-scripts/extensions_hotline.conf). */
    static final String OUTGOING_CONTEXT = "hotline-agents";
    /** How long an agent's phone rings for an Originate. */
    static final long RING_TIMEOUT_MS = 30_000;

    private AmiRequest() {
    }

    static JsonObject queueAdd(String queue, String phone, String memberName, long timeoutMs) {
        return request("QueueAdd", timeoutMs).put("queue", queue).put("interface", phone).put("memberName", memberName);
    }

    static JsonObject queueRemove(String queue, String phone, long timeoutMs) {
        return request("QueueRemove", timeoutMs).put("queue", queue).put("interface", phone);
    }

    /** Pauses with {@code reason} (may be null) or, with {@code paused} false, resumes. */
    static JsonObject queuePause(String queue, String phone, boolean paused, String reason, long timeoutMs) {
        return request("QueuePause", timeoutMs).put("queue", queue).put("interface", phone).put("paused", paused)
                .put("reason", paused ? reason : null);
    }

    /**
     * Rings {@code phone}, then {@code number} in {@value #OUTGOING_CONTEXT}; {@code async} answers at once, otherwise
     * once the phone answered (or did not).
     */
    static JsonObject originate(String phone, String number, Map<String, String> variables, boolean async,
                                long timeoutMs) {
        return request("Originate", timeoutMs).put("channel", phone).put("exten", number)
                .put("variables", new JsonObject(new HashMap<>(variables))).put("async", async);
    }

    static long timeoutMs(JsonObject request) {
        return request.getLong("timeoutMs");
    }

    /** The Asterisk-Java action; fails with {@link IllegalArgumentException} for an action it does not know. */
    static ManagerAction toAction(JsonObject request) {
        String action = request.getString("action", "");
        return switch (action) {
            case "QueueAdd" -> {
                QueueAddAction add = new QueueAddAction(request.getString("queue"), request.getString("interface"));
                add.setMemberName(request.getString("memberName"));
                yield add;
            }
            case "QueueRemove" -> new QueueRemoveAction(request.getString("queue"), request.getString("interface"));
            case "QueuePause" -> {
                QueuePauseAction pause = new QueuePauseAction(request.getString("interface"), request.getString("queue"),
                        request.getBoolean("paused"));
                if (request.getString("reason") != null) {
                    pause.setReason(request.getString("reason"));
                }
                yield pause;
            }
            case "Originate" -> originate(request);
            default -> throw new IllegalArgumentException("not an agent action: '" + action + "'");
        };
    }

    private static OriginateAction originate(JsonObject request) {
        String number = request.getString("exten");
        OriginateAction originate = new OriginateAction();
        originate.setChannel(request.getString("channel"));
        originate.setContext(OUTGOING_CONTEXT);
        originate.setExten(number);
        originate.setPriority(1);
        originate.setCallerId("Hotline <" + number + ">");
        originate.setTimeout(RING_TIMEOUT_MS);
        originate.setAsync(request.getBoolean("async"));
        Map<String, String> variables = new HashMap<>();
        request.getJsonObject("variables").forEach(entry -> variables.put(entry.getKey(), (String) entry.getValue()));
        if (!variables.isEmpty()) {
            originate.setVariables(variables);
        }
        return originate;
    }

    private static JsonObject request(String action, long timeoutMs) {
        return new JsonObject().put("action", action).put("timeoutMs", timeoutMs);
    }
}
