package hotline.search;

import hotline.search.internal.UserQuery;
import hotline.search.internal.UserQuery.Clause;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UserQueryTest {

    @Test
    @DisplayName("Words, quoted phrases and exclusions are read; operator characters only separate words")
    void clauses() {
        assertThat(UserQuery.parse("爆管 \"burst main\" -test NOT 停水 a AND b OR c")).containsExactly(
                new Clause("爆管", false, false), new Clause("burst main", true, false),
                new Clause("test", false, true), new Clause("停水", false, true),
                new Clause("a", false, false), new Clause("b", false, false), new Clause("c", false, false));
        assertThat(UserQuery.parse("(漏水) [x TO y] *水 title:abc")).extracting(Clause::text)
                .containsExactly("漏水", "x", "TO", "y", "水", "title", "abc");
    }

    @Test
    @DisplayName("An unclosed quote runs to the end, and a lone dash or quote is nothing")
    void unbalanced() {
        assertThat(UserQuery.parse("漏水 \"门口 爆管")).containsExactly(new Clause("漏水", false, false),
                new Clause("门口 爆管", true, false));
        assertThat(UserQuery.parse("- \" \"")).isEmpty();
        assertThat(UserQuery.parse("HL-20261101-000001")).containsExactly(
                new Clause("HL-20261101-000001", false, false));
    }
}
