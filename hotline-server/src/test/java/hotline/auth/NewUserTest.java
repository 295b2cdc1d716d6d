package hotline.auth;

import hotline.common.InvalidInputException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NewUserTest {

    @ParameterizedTest
    @ValueSource(strings = {"ab", "Admin", "with space", "张三", "a234567890123456789012345678901234", "x;drop"})
    @DisplayName("a user name outside 3-32 characters of [a-z0-9._-] is refused naming the username field")
    void badUsername(String username) {
        assertThatThrownBy(() -> new NewUser(username, "X", Role.AGENT, "long-enough"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("username"));
    }

    @Test
    @DisplayName("a new user needs some password and a phone interface of the form PJSIP/1001")
    void passwordAndPhonePresence() {
        assertThatThrownBy(() -> new NewUser("agent7", "X", Role.AGENT, ""))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("password"));
        assertThatThrownBy(() -> new NewUser("agent7", "X", Role.AGENT, "demo", "1001"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("phoneInterface"));
        assertThat(new NewUser("agent7", "X", Role.AGENT, "demo", "PJSIP/1001").phoneInterface())
                .isEqualTo("PJSIP/1001");
    }

    @Test
    @DisplayName("a blank display name becomes the user name, and toString never shows the password")
    void defaultsAndToString() {
        NewUser user = new NewUser("agent.7_x-1", "  ", Role.SUPERVISOR, "secret-password");

        assertThat(user.displayName()).isEqualTo("agent.7_x-1");
        assertThat(user.toString()).doesNotContain("secret-password");
    }
}
