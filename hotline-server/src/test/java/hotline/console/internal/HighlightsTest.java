package hotline.console.internal;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HighlightsTest {

    @Test
    @DisplayName("a snippet of escaped text with balanced <em> passes unchanged")
    void indexMarkupPasses() {
        assertThat(Highlights.safe("楼道 <em>漏水</em> &lt;script&gt;")).isEqualTo("楼道 <em>漏水</em> &lt;script&gt;");
    }

    @Test
    @DisplayName("any other markup, or an unbalanced </em>, makes the whole snippet escaped text")
    void otherMarkupEscaped() {
        assertThat(Highlights.safe("<em>a</em><script>x</script>")).doesNotContain("<script>");
        assertThat(Highlights.safe("</em><script>x</script>")).startsWith("&lt;/em&gt;");
        assertThat(Highlights.safe("<em>a\" onmouseover=\"x</em>")).doesNotContain("\"");
    }
}
