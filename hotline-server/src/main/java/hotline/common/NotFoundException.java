package hotline.common;

/** The thing asked for does not exist (or is not visible to the asker). */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
