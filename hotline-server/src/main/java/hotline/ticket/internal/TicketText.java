package hotline.ticket.internal;

import hotline.common.Code;
import hotline.common.InvalidInputException;
import hotline.ticket.TicketDraft;
import io.vertx.core.json.JsonObject;

import java.util.regex.Pattern;

/** The rules of a ticket's input fields ({@link TicketDraft}'s limits), checked the same way by drafts and patches. */
public final class TicketText {

    private static final Pattern CALLER_NUMBER = Pattern.compile("[0-9+()\\- ]+");

    private TicketText() {
    }

    /** {@code value} (never null) when it is at most {@code max} characters (code points). */
    public static String text(String field, String value, int max) {
        if (value == null) {
            throw new InvalidInputException(field, "is required");
        }
        if (value.codePointCount(0, value.length()) > max) {
            throw new InvalidInputException(field, "must be at most " + max + " characters");
        }
        return value;
    }

    public static String subject(String value) {
        String subject = text("subject", value, TicketDraft.SUBJECT_MAX);
        if (subject.isBlank()) {
            throw new InvalidInputException("subject", "must not be blank");
        }
        return subject;
    }

    /** Null stays null; otherwise digits with {@code + ( ) -} and spaces, as a caller ID or an agent types it. */
    public static String callerNumber(String value) {
        if (value == null) {
            return null;
        }
        text("callerNumber", value, TicketDraft.CALLER_NUMBER_MAX);
        if (!CALLER_NUMBER.matcher(value).matches() || value.chars().noneMatch(Character::isDigit)) {
            throw new InvalidInputException("callerNumber", "must be a phone number (digits, + ( ) - and spaces)");
        }
        return value;
    }

    public static String category(String value) {
        return value == null ? null : text("category", value, TicketDraft.CATEGORY_MAX);
    }

    public static <E extends Enum<E> & Code> E code(JsonObject json, String field, Class<E> type, E fallback) {
        String raw = json.getString(field);
        if (raw == null) {
            return fallback;
        }
        return Code.parse(type, raw).orElseThrow(() -> new InvalidInputException(field,
                "must be one of " + String.join(", ", Code.codes(type))));
    }
}
