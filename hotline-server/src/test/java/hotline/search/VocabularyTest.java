package hotline.search;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VocabularyTest {

    private final Vocabulary vocabulary = Vocabulary.parse(List.of(
            "# comment",
            "quality: 水质, water quality",
            "turbid < quality: 浑水, 黄水, discoloured water",
            "leak: 漏水, 渗水, leak"), SearchIndex.analyzer());

    @Test
    @DisplayName("A term expands to its synonyms and narrower terms in both languages, matched in analysed form")
    void expansion() {
        assertThat(vocabulary.expand("水质")).contains("浑水", "黄水", "discoloured water", "water quality");
        assertThat(vocabulary.expand("浑水")).contains("黄水", "discoloured water").doesNotContain("水质");
        assertThat(vocabulary.expand("leak")).contains("漏水", "渗水");
        assertThat(vocabulary.contains("discolour water")).isTrue();
    }

    @Test
    @DisplayName("Chinese vocabulary terms are found inside a run of Chinese, longest first")
    void termsInText() {
        assertThat(vocabulary.cjkTermsIn("家里渗水了还有黄水")).containsExactly(new int[] {2, 4}, new int[] {7, 9});
    }

    @Test
    @DisplayName("The shipped vocabulary loads and has at least 40 concepts")
    void shipped() {
        assertThat(Vocabulary.loadDefault(SearchIndex.analyzer()).conceptCount()).isGreaterThanOrEqualTo(40);
    }

    @Test
    @DisplayName("A malformed line, an unknown broader concept or a cycle is refused with its place")
    void malformed() {
        assertThatThrownBy(() -> Vocabulary.parse(List.of("no colon here"), SearchIndex.analyzer()))
                .hasMessageContaining("line 1");
        assertThatThrownBy(() -> Vocabulary.parse(List.of("a < b: x"), SearchIndex.analyzer()))
                .hasMessageContaining("unknown broader concept b");
        assertThatThrownBy(() -> Vocabulary.parse(List.of("a < b: x", "b < a: y"), SearchIndex.analyzer()))
                .hasMessageContaining("cycle");
    }
}
