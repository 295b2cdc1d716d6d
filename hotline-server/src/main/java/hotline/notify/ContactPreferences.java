package hotline.notify;

import hotline.common.InvalidInputException;
import io.vertx.core.json.JsonObject;

import java.util.regex.Pattern;

/**
 * How one customer wants to be told things: an e-mail address (null: none; SMS goes to their first mobile number),
 * their language, and whether they opted out of each channel (safety notices come anyway).
 */
public record ContactPreferences(long customerId, String email, Language language, boolean smsOptOut,
                                 boolean emailOptOut) {

    /** The longest address SMTP carries (RFC 5321's path limit less its angle brackets). */
    public static final int MAX_EMAIL = 254;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>()\\[\\],;:\"]+@[^@\\s<>()\\[\\],;:\"]+\\.[^@\\s<>()\\[\\],;:\".]+");

    /** What a customer without a stored choice gets: Chinese, no e-mail, both channels on. */
    public static ContactPreferences defaults(long customerId) {
        return new ContactPreferences(customerId, null, Language.ZH, false, false);
    }

    /** Whether {@code address} can be an e-mail recipient (one mailbox, no display name, at most {@value #MAX_EMAIL}). */
    public static boolean validEmail(String address) {
        return address != null && address.length() <= MAX_EMAIL && EMAIL.matcher(address).matches();
    }

    /** {@code raw} trimmed, null when blank; an {@link InvalidInputException} on {@code email} when it is no address. */
    public static String requireEmail(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String address = raw.trim();
        if (!validEmail(address)) {
            throw new InvalidInputException("email", "not an e-mail address (one mailbox such as name@example.cn, at most "
                    + MAX_EMAIL + " characters)");
        }
        return address;
    }

    public boolean optedOut(NoticeChannel channel) {
        return channel == NoticeChannel.SMS ? smsOptOut : emailOptOut;
    }

    public JsonObject toJson() {
        return new JsonObject().put("customerId", customerId).put("email", email).put("language", language.code())
                .put("smsOptOut", smsOptOut).put("emailOptOut", emailOptOut);
    }
}
