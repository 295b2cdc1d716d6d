package hotline.auth;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class TemporaryPasswordsTest {

    @Test
    @DisplayName("a temporary password is four groups of four unambiguous characters, and the policy accepts it")
    void shapeAndPolicy() {
        for (int i = 0; i < 50; i++) {
            String password = TemporaryPasswords.generate("agent7", "王小明");

            assertThat(password).matches("([" + TemporaryPasswords.ALPHABET + "]{4}-){3}[" + TemporaryPasswords.ALPHABET + "]{4}");
            assertThat(password).doesNotContainAnyWhitespaces().doesNotContain("0", "o", "1", "l", "i");
            assertThatCode(() -> PasswordPolicy.check(password, "agent7", "王小明")).doesNotThrowAnyException();
        }
    }

    @Test
    @DisplayName("temporary passwords do not repeat")
    void random() {
        Set<String> drawn = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            drawn.add(TemporaryPasswords.generate());
        }
        assertThat(drawn).hasSize(200);
    }
}
