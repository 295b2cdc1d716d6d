package hotline.common;

/**
 * Input refused before any rule of the domain applies: text that is not UTF-8 or holds what cannot be stored, a
 * number beyond what the server computes with, a malformed query string. The API answers 400 naming {@code field}.
 */
public class BadRequestException extends InvalidInputException {

    public BadRequestException(String field, String message) {
        super(field, message);
    }
}
