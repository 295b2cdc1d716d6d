package hotline.auth;

import hotline.common.InvalidInputException;

import java.security.SecureRandom;

/**
 * Passwords an admin hands over once (a new account, a reset): four groups of four characters such as
 * {@code k7mq-2xwp-9rhd-v4tn}, drawn by a {@link SecureRandom} from {@value #ALPHABET} (no 0/o, 1/l/i to misread on a
 * phone call), about 79 bits, and always passing the {@link PasswordPolicy}. Measuring with the policy blocks for
 * milliseconds: call it on a worker thread. Thread-safe.
 */
final class TemporaryPasswords {

    static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final int GROUPS = 4;
    private static final int GROUP_LENGTH = 4;
    private static final SecureRandom RANDOM = new SecureRandom();

    private TemporaryPasswords() {
    }

    /** A fresh password that the policy accepts for a user of these names. */
    static String generate(String... names) {
        while (true) {
            String candidate = draw();
            try {
                PasswordPolicy.check(candidate, names);
                return candidate;
            } catch (InvalidInputException unlucky) {
                // a draw that happens to contain a short user name: draw again
            }
        }
    }

    private static String draw() {
        StringBuilder password = new StringBuilder(GROUPS * (GROUP_LENGTH + 1));
        for (int group = 0; group < GROUPS; group++) {
            if (group > 0) {
                password.append('-');
            }
            for (int i = 0; i < GROUP_LENGTH; i++) {
                password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
        }
        return password.toString();
    }
}
