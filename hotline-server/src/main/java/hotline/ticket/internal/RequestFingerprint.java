package hotline.ticket.internal;

import hotline.ticket.TicketDraft;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeMap;

/**
 * The fingerprint of a ticket request, kept with its idempotency key so that a key reused for a different request is
 * refused instead of silently answering the first ticket. Taken from the validated draft, not the raw body: the same
 * ticket asked for twice with fields in another order or with defaults spelled out has one fingerprint.
 */
final class RequestFingerprint {

    private RequestFingerprint() {
    }

    /** SHA-256 of the draft's canonical JSON, as 64 hex digits. */
    static String of(TicketDraft draft) {
        JsonArray canonical = new JsonArray()
                .add(draft.type().code()).add(draft.channel().code()).add(draft.priority().code()).add(draft.urgent())
                .add(draft.customerId()).add(draft.callerNumber()).add(draft.subject()).add(draft.description())
                .add(draft.location()).add(draft.district()).add(draft.category()).add(sorted(draft.details()));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.encode().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Objects with their keys in order, at every depth. */
    private static Object sorted(Object value) {
        if (value instanceof JsonObject object) {
            TreeMap<String, Object> ordered = new TreeMap<>();
            object.forEach(entry -> ordered.put(entry.getKey(), sorted(entry.getValue())));
            return new JsonObject(new java.util.LinkedHashMap<>(ordered));
        }
        if (value instanceof JsonArray array) {
            JsonArray copy = new JsonArray();
            array.forEach(item -> copy.add(sorted(item)));
            return copy;
        }
        return value;
    }
}
