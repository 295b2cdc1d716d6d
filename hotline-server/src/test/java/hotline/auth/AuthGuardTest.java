package hotline.auth;

import io.vertx.ext.auth.User;
import io.vertx.ext.auth.authorization.RoleBasedAuthorization;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuthGuardTest {

    @Test
    @DisplayName("an admin's Vert.x user carries every lower role too, so requireRole(SUPERVISOR) lets admins pass")
    void adminCarriesLowerRoles() {
        User admin = AuthGuard.vertxUser(new Principal(1, "admin", "Admin", Role.ADMIN));

        assertThat(RoleBasedAuthorization.create("agent").match(admin)).isTrue();
        assertThat(RoleBasedAuthorization.create("supervisor").match(admin)).isTrue();
        assertThat(RoleBasedAuthorization.create("admin").match(admin)).isTrue();
    }

    @Test
    @DisplayName("an agent's Vert.x user carries no role above agent")
    void agentHasNoHigherRole() {
        User agent = AuthGuard.vertxUser(new Principal(2, "agent1", "Agent One", Role.AGENT));

        assertThat(RoleBasedAuthorization.create("agent").match(agent)).isTrue();
        assertThat(RoleBasedAuthorization.create("supervisor").match(agent)).isFalse();
    }
}
