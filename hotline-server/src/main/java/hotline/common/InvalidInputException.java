package hotline.common;

/** Input that breaks a rule of the domain; {@code field} names the offending input (as the API spells it). */
public class InvalidInputException extends RuntimeException {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
