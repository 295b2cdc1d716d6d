package hotline.sla;

import java.time.Instant;

/**
 * One target a ticket can miss: {@code first_response}, {@code resolution}, or {@code resolution+N} (each further
 * {@code escalateEvery} after the resolution breach). The owner is warned at {@code warnAt}; at {@code dueAt} the
 * ticket escalates one level.
 */
public record Deadline(String name, Instant warnAt, Instant dueAt) {
}
