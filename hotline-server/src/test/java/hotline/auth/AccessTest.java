package hotline.auth;

import io.vertx.ext.web.handler.HttpException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccessTest {

    private static Principal as(Role role) {
        return new Principal(1, "u", "U", role);
    }

    @Test
    @DisplayName("a role passes the checks of its own and lower roles")
    void includedRolesPass() {
        assertThat(Access.require(as(Role.ADMIN), Role.SUPERVISOR).role()).isEqualTo(Role.ADMIN);
        assertThat(Access.require(as(Role.SUPERVISOR), Role.SUPERVISOR).role()).isEqualTo(Role.SUPERVISOR);
        assertThat(Access.require(as(Role.AGENT), Role.AGENT).role()).isEqualTo(Role.AGENT);
    }

    @Test
    @DisplayName("a lower role gets a 403 naming the role needed")
    void lowerRoleIs403() {
        assertThatThrownBy(() -> Access.require(as(Role.AGENT), Role.SUPERVISOR))
                .isInstanceOfSatisfying(HttpException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(403);
                    assertThat(e.getPayload()).contains("supervisor");
                });
        assertThatThrownBy(() -> Access.require(as(Role.SUPERVISOR), Role.ADMIN))
                .isInstanceOf(HttpException.class);
    }
}
