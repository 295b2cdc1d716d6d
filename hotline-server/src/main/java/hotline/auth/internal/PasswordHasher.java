package hotline.auth.internal;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Argon2id password hashes (password4j) in the standard PHC string form, so the parameters travel with each hash and
 * can be raised later without breaking stored ones. Defaults follow the OWASP minimum: 19 MiB, 2 passes, 1 lane.
 *
 * <p>Hashing and checking take tens of milliseconds of CPU and are synchronous: call them from a worker thread
 * ({@code vertx.executeBlocking}), never from an event loop. Thread-safe.
 */
public final class PasswordHasher {

    public static final int DEFAULT_MEMORY_KIB = 19 * 1024;
    public static final int DEFAULT_ITERATIONS = 2;
    private static final int PARALLELISM = 1;
    private static final int HASH_BYTES = 32;

    private final Argon2Function function;
    /** Checked against when the user does not exist, so a miss costs as long as a wrong password. */
    private final String decoyHash;

    public PasswordHasher(int memoryKib, int iterations) {
        this.function = Argon2Function.getInstance(memoryKib, iterations, PARALLELISM, HASH_BYTES, Argon2.ID);
        this.decoyHash = hash("decoy password, never matches anything");
    }

    public String hash(String password) {
        return Password.hash(password).addRandomSalt().with(function).getResult();
    }

    /** Whether {@code password} matches {@code hash}; a {@code null} hash is checked against a decoy and fails. */
    public boolean matches(String password, String hash) {
        if (hash == null) {
            Password.check(password, decoyHash).with(function);
            return false;
        }
        try {
            return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
        } catch (RuntimeException malformed) {
            return false;
        }
    }
}
