package hotline.auth;

import io.vertx.core.json.JsonObject;

import java.time.Instant;

/**
 * A user of the hotline as stored, without the password hash. {@code phoneInterface} (e.g. {@code PJSIP/1001}) maps
 * an agent to the phone on the desk; it is {@code null} for users without one.
 */
public record User(long id, String username, String displayName, Role role, String phoneInterface, boolean active,
                   Instant createdAt) {

    /** The user as the API shows it. */
    public JsonObject toJson() {
        return new JsonObject()
                .put("id", id)
                .put("username", username)
                .put("displayName", displayName)
                .put("role", role.code())
                .put("phoneInterface", phoneInterface)
                .put("active", active)
                .put("createdAt", createdAt.toString());
    }
}
