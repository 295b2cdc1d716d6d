package hotline.auth;

import hotline.common.InvalidInputException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {"12345678", "password", "        ", "qwertyuiop", "11111111", "Password1", "iloveyou1",
            "abcdefgh", "2026-11-30"})
    @DisplayName("common passwords, keyboard walks, repeats, sequences and dates are refused naming the password field")
    void guessable(String password) {
        assertThatThrownBy(() -> PasswordPolicy.check(password, "agent7"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("password"));
    }

    @Test
    @DisplayName("a password built from the user's own name is refused, for an admin too")
    void ownName() {
        assertThatThrownBy(() -> PasswordPolicy.check("agent1x", "agent1"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> PasswordPolicy.check("admin-secret-1", "admin", "Administrator"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.getMessage()).contains("name"));
        assertThatThrownBy(() -> PasswordPolicy.check("Zhangwei1988", "agent9", "Zhang Wei"))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    @DisplayName("fewer than 8 or more than 200 characters are refused with the limit in the message")
    void length() {
        assertThatThrownBy(() -> PasswordPolicy.check("x7#Kq!2", "agent7"))
                .hasMessageContaining("at least 8");
        assertThatThrownBy(() -> PasswordPolicy.check("river-valve-".repeat(17), "agent7"))
                .hasMessageContaining("at most 200");
    }

    @ParameterizedTest
    @ValueSource(strings = {"copper-lantern-orbit-41", "quiet-harbour-meadow-72", "水表 lantern 7 orbit", "T9#vq2!Lm8zR"})
    @DisplayName("a phrase of unrelated words or a random string passes")
    void strong(String password) {
        assertThatCode(() -> PasswordPolicy.check(password, "agent7", "Agent Seven")).doesNotThrowAnyException();
    }
}
