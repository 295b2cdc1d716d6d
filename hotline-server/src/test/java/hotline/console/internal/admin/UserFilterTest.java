package hotline.console.internal.admin;

import hotline.auth.Role;
import hotline.auth.User;
import hotline.common.InvalidInputException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UserFilterTest {

    private static final Instant T0 = Instant.parse("2026-11-30T08:00:00Z");
    private static final User AGENT = new User(1, "agent1", "李小红 Agent Li", Role.AGENT, "PJSIP/1001", true, T0);
    private static final User GONE = new User(2, "agent2", "张明", Role.AGENT, null, false, T0);
    private static final User BOSS = new User(3, "supervisor1", "王班长", Role.SUPERVISOR, "PJSIP/2001", true, T0);
    private static final List<User> ALL = List.of(AGENT, GONE, BOSS);

    @Test
    @DisplayName("blank parameters let every user through")
    void blank() {
        assertThat(UserFilter.parse("", "", "").apply(ALL)).containsExactlyElementsOf(ALL);
        assertThat(UserFilter.parse(null, null, null).apply(ALL)).containsExactlyElementsOf(ALL);
    }

    @Test
    @DisplayName("a word matches the user name, the display name or the phone, in any case")
    void word() {
        assertThat(UserFilter.parse(" AGENT ", "", "").apply(ALL)).containsExactly(AGENT, GONE);
        assertThat(UserFilter.parse("班长", "", "").apply(ALL)).containsExactly(BOSS);
        assertThat(UserFilter.parse("pjsip/10", "", "").apply(ALL)).containsExactly(AGENT);
    }

    @Test
    @DisplayName("role and state narrow the list, together with the word")
    void roleAndState() {
        assertThat(UserFilter.parse("", "agent", "").apply(ALL)).containsExactly(AGENT, GONE);
        assertThat(UserFilter.parse("", "", "false").apply(ALL)).containsExactly(GONE);
        assertThat(UserFilter.parse("li", "agent", "true").apply(ALL)).containsExactly(AGENT);
    }

    @Test
    @DisplayName("an unknown role or state, or an over-long word, is refused naming the parameter")
    void refused() {
        assertThatThrownBy(() -> UserFilter.parse("", "boss", ""))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("role"));
        assertThatThrownBy(() -> UserFilter.parse("", "", "yes"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("active"));
        assertThatThrownBy(() -> UserFilter.parse("x".repeat(101), "", ""))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("q"));
    }
}
