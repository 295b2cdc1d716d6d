package hotline.notify;

/** A notice written out for one channel in one language; {@code subject} is empty for SMS. */
public record RenderedMessage(String subject, String body) {
}
