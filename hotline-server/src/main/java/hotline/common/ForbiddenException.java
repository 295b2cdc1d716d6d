package hotline.common;

/** The actor's role may not do this (403), whatever the input. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
