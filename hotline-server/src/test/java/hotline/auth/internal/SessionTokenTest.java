package hotline.auth.internal;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SessionTokenTest {

    @Test
    @DisplayName("tokens are 43 base64url characters, differ each time, and hash to 64 hex digits")
    void tokens() {
        String token = SessionToken.generate();

        assertThat(SessionToken.wellFormed(token)).isTrue();
        assertThat(SessionToken.generate()).isNotEqualTo(token);
        assertThat(SessionToken.hash(token)).matches("[0-9a-f]{64}").isEqualTo(SessionToken.hash(token));
        assertThat(SessionToken.wellFormed("short")).isFalse();
        assertThat(SessionToken.wellFormed(null)).isFalse();
    }
}
