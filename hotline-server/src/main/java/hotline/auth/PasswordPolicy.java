package hotline.auth;

import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import hotline.common.InvalidInputException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The password rule for every account made through the API, from the admin setting or by a reset: {@value #MIN_LENGTH}
 * to {@value NewUser#MAX_PASSWORD} characters, not containing the user name, and hard to guess by the zxcvbn
 * estimator (score {@value #MIN_SCORE} of 4: common passwords, keyboard walks, repeats, dates and the user's own
 * names score low). Only the demo accounts of {@code --demo} skip it. Measuring takes milliseconds and loads the
 * estimator's dictionaries on first use: call it on a worker thread. Thread-safe.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 8;
    public static final int MIN_SCORE = 3;
    /** The estimator's cost grows with length; past this many characters a password is long enough to judge by. */
    private static final int MEASURED_CHARACTERS = 100;

    private static boolean contains(String password, String name, int minLength) {
        return name.length() >= minLength && password.contains(name);
    }

    private static final class Estimator {
        static final Zxcvbn INSTANCE = new Zxcvbn();
    }

    private PasswordPolicy() {
    }

    /**
     * @param names the user name and display name, which the password must not be built from
     * @throws InvalidInputException naming {@code password} with a plain reason
     */
    public static void check(String password, String... names) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw new InvalidInputException("password", "must be at least " + MIN_LENGTH + " characters");
        }
        if (password.length() > NewUser.MAX_PASSWORD) {
            throw new InvalidInputException("password", "must be at most " + NewUser.MAX_PASSWORD + " characters");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        List<String> inputs = new ArrayList<>();
        for (String name : names) {
            if (name == null || name.isBlank()) {
                continue;
            }
            String lowerName = name.toLowerCase(Locale.ROOT).strip();
            List<String> parts = List.of(lowerName.split("\\s+"));
            if (contains(lower, lowerName.replaceAll("\\s+", ""), 3)
                    || parts.stream().anyMatch(part -> contains(lower, part, 4))) {
                throw new InvalidInputException("password", "must not contain the user's name");
            }
            inputs.add(lowerName);
            inputs.addAll(parts);
        }
        CharSequence measured = password.length() > MEASURED_CHARACTERS
                ? password.substring(0, MEASURED_CHARACTERS) : password;
        Strength strength = Estimator.INSTANCE.measure(measured, inputs);
        if (strength.getScore() < MIN_SCORE) {
            String warning = strength.getFeedback().getWarning(Locale.ENGLISH);
            throw new InvalidInputException("password", "is too easy to guess"
                    + (warning == null || warning.isBlank() ? "" : " (" + warning + ")")
                    + "; use a longer phrase of unrelated words");
        }
    }
}
