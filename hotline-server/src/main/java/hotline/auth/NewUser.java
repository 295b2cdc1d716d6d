package hotline.auth;

import hotline.common.InvalidInputException;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A user to create, checked on construction: user name of 3 to 32 characters from {@code [a-z0-9._-]}, a display name
 * of 1 to {@value #MAX_DISPLAY_NAME} characters (blank means the user name), a password of at least
 * {@value #MIN_PASSWORD} characters (at most {@value #MAX_PASSWORD}, so hashing stays cheap to refuse).
 *
 * @throws InvalidInputException naming the field that breaks a rule
 */
public record NewUser(String username, String displayName, Role role, String password) {

    public static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{3,32}");
    public static final int MAX_DISPLAY_NAME = 100;
    public static final int MIN_PASSWORD = 8;
    public static final int MAX_PASSWORD = 200;

    public NewUser {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new InvalidInputException("username", "must be 3 to 32 characters of a-z, 0-9, '.', '_' or '-'");
        }
        displayName = displayName == null || displayName.isBlank() ? username : displayName.strip();
        if (displayName.length() > MAX_DISPLAY_NAME) {
            throw new InvalidInputException("displayName", "must be at most " + MAX_DISPLAY_NAME + " characters");
        }
        Objects.requireNonNull(role, "role");
        checkPassword(password);
    }

    /** The password rule, also used when an admin resets a password. */
    public static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD) {
            throw new InvalidInputException("password", "must be at least " + MIN_PASSWORD + " characters");
        }
        if (password.length() > MAX_PASSWORD) {
            throw new InvalidInputException("password", "must be at most " + MAX_PASSWORD + " characters");
        }
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "NewUser[username=" + username + ", role=" + role.code() + "]";
    }
}
