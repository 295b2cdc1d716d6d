package hotline.auth;

import hotline.common.InvalidInputException;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A user to create, checked on construction: user name of 3 to 32 characters from {@code [a-z0-9._-]}, a display name
 * of 1 to {@value #MAX_DISPLAY_NAME} characters (blank means the user name), a password of 1 to
 * {@value #MAX_PASSWORD} characters, optionally the desk phone ({@link #PHONE_INTERFACE}, e.g. {@code PJSIP/1001}). The
 * {@link PasswordPolicy} is applied by {@link UserService#create}, not here, so the demo accounts can have the short
 * demo password.
 *
 * @throws InvalidInputException naming the field that breaks a rule
 */
public record NewUser(String username, String displayName, Role role, String password, String phoneInterface) {

    public static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{3,32}");
    public static final int MAX_DISPLAY_NAME = 100;
    public static final int MAX_PASSWORD = 200;
    /** A channel technology and a device: {@code PJSIP/1001}, {@code SIP/agent-7}. */
    public static final Pattern PHONE_INTERFACE = Pattern.compile("[A-Za-z0-9]{1,16}/[A-Za-z0-9._@-]{1,64}");

    public NewUser {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new InvalidInputException("username", "must be 3 to 32 characters of a-z, 0-9, '.', '_' or '-'");
        }
        displayName = displayName == null || displayName.isBlank() ? username : displayName.strip();
        if (displayName.length() > MAX_DISPLAY_NAME) {
            throw new InvalidInputException("displayName", "must be at most " + MAX_DISPLAY_NAME + " characters");
        }
        Objects.requireNonNull(role, "role");
        if (password == null || password.isEmpty() || password.length() > MAX_PASSWORD) {
            throw new InvalidInputException("password", "must be 1 to " + MAX_PASSWORD + " characters");
        }
        if (phoneInterface != null) {
            checkPhoneInterface(phoneInterface);
        }
    }

    /** A user without a desk phone. */
    public NewUser(String username, String displayName, Role role, String password) {
        this(username, displayName, role, password, null);
    }

    public static void checkPhoneInterface(String phoneInterface) {
        if (!PHONE_INTERFACE.matcher(phoneInterface).matches()) {
            throw new InvalidInputException("phoneInterface", "must look like PJSIP/1001");
        }
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "NewUser[username=" + username + ", role=" + role.code() + "]";
    }
}
