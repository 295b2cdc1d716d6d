package hotline.ticket.workflow;

import java.time.Instant;

/** Who performs an action and when (from the caller's injected clock). */
public record ActionContext(String actor, Instant now) {
}
