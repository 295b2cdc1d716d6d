package hotline.auth;

import java.time.Instant;

/** A session just opened: the token to present (shown once, never stored) and its user. */
public record Session(String token, User user, Instant expiresAt) {

    /** Never prints the token. */
    @Override
    public String toString() {
        return "Session[user=" + user.username() + ", expiresAt=" + expiresAt + "]";
    }
}
