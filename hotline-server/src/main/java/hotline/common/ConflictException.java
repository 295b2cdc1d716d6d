package hotline.common;

import java.util.Map;

/**
 * The request is well formed but clashes with the current state: a stale version, an action the state does not
 * allow, a duplicate. {@code details} are added to the error body (for example the allowed actions).
 */
public class ConflictException extends RuntimeException {

    private final Map<String, Object> details;

    public ConflictException(String message) {
        this(message, Map.of());
    }

    public ConflictException(String message, Map<String, Object> details) {
        super(message);
        this.details = Map.copyOf(details);
    }

    public Map<String, Object> details() {
        return details;
    }
}
