package hotline.search;

import hotline.search.internal.NearDuplicates;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class NearDuplicatesTest {

    @Test
    @DisplayName("resolutions that differ only in case, spaces and punctuation are one; without one, the subject decides")
    void keys() {
        assertThat(NearDuplicates.key("更换接头，已修复。", "a"))
                .isEqualTo(NearDuplicates.key("更换接头 已修复", "b"));
        assertThat(NearDuplicates.key("Seal replaced; no leak.", null))
                .isEqualTo(NearDuplicates.key("seal replaced, no leak", "x"));
        assertThat(NearDuplicates.key("更换接头", "楼道水管漏水")).isNotEqualTo(NearDuplicates.key("更换阀门", "楼道水管漏水"));
        assertThat(NearDuplicates.key(null, "楼道水管漏水")).isEqualTo(NearDuplicates.key(" ", "楼道水管漏水！"));
        assertThat(NearDuplicates.key("楼道水管漏水", null)).isNotEqualTo(NearDuplicates.key(null, "楼道水管漏水"));
        assertThat(NearDuplicates.key(null, "  ")).isNull();
    }

    @Test
    @DisplayName("given ranked cases, when collapsed, then the best of each group leads in rank order with the others counted")
    void collapse() {
        Map<String, String> keys = Map.of("a1", "A", "a2", "A", "b1", "B", "a3", "A", "c1", "C", "b2", "B", "d1", "D");
        List<String> ranked = List.of("a1", "a2", "b1", "a3", "c1", "b2", "d1", "x1", "x2");

        List<NearDuplicates.Group<String>> groups = NearDuplicates.collapse(ranked, keys::get, 3);

        assertThat(groups).extracting(NearDuplicates.Group::best).containsExactly("a1", "b1", "c1");
        assertThat(groups.get(0).others()).containsExactly("a2", "a3");
        assertThat(groups.get(1).others()).containsExactly("b2");
        assertThat(groups.get(2).others()).isEmpty();
        assertThat(NearDuplicates.collapse(ranked, keys::get, 10)).extracting(NearDuplicates.Group::best)
                .containsExactly("a1", "b1", "c1", "d1", "x1", "x2");
    }
}
