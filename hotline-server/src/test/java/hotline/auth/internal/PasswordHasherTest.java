package hotline.auth.internal;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(1024, 1);

    @Test
    @DisplayName("a hash is Argon2id with a random salt and matches only its own password")
    void hashAndMatch() {
        String first = hasher.hash("correct horse 密码 🐎");
        String second = hasher.hash("correct horse 密码 🐎");

        assertThat(first).startsWith("$argon2id$").isNotEqualTo(second);
        assertThat(hasher.matches("correct horse 密码 🐎", first)).isTrue();
        assertThat(hasher.matches("correct horse", first)).isFalse();
    }

    @Test
    @DisplayName("a missing or malformed stored hash never matches")
    void missingOrMalformedHash() {
        assertThat(hasher.matches("anything", null)).isFalse();
        assertThat(hasher.matches("anything", "not a hash")).isFalse();
    }
}
