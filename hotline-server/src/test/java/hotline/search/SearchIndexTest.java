package hotline.search;

import hotline.common.InvalidInputException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static hotline.search.Tickets.cancelled;
import static hotline.search.Tickets.position;
import static hotline.search.Tickets.resolved;
import static hotline.search.Tickets.ticket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SearchIndexTest {

    @TempDir
    Path dir;
    SearchIndex index;

    @BeforeEach
    void open() {
        index = SearchIndex.open(dir, Vocabulary.loadDefault(SearchIndex.analyzer()));
        index.apply(List.of(
                ticket(1, "repair", "north", "门口爆管", "今天早上门口爆管了，水喷得很高"),
                ticket(2, "repair", "south", "水压低", "三楼水压很低，洗澡都不行"),
                ticket(3, "repair", "east", "Pipe leaking in basement", "The pipe leaks near the meter"),
                ticket(4, "complaint", "north", "家里漏水", "厨房水管漏水好几天了"),
                ticket(5, "complaint", "west", "渗水", "墙角一直渗水"),
                ticket(6, "inquiry", "south", "水发黄", "打开水龙头出来的是黄水"),
                ticket(7, "complaint", "south", "水质问题", "担心水质，想问问有没有检测"),
                ticket(8, "repair", "north", "停水了", "整栋楼没水", "维修人员已到场，关闸抢修"),
                ticket(9, "inquiry", "east", "Water bill question", "Why is my bill so high this month")), position(9));
        index.refresh();
    }

    @AfterEach
    void close() {
        index.close();
    }

    private List<Long> ids(String q) {
        return index.search(SearchRequest.of(q)).hits().stream().map(SearchHit::id).toList();
    }

    @Test
    @DisplayName("A Chinese word is found inside a sentence, and English words in any inflection")
    void chineseWordsAndEnglishInflections() {
        assertThat(ids("爆管")).first().isEqualTo(1L);
        assertThat(ids("水压")).contains(2L);
        assertThat(ids("leaking")).contains(3L);
        assertThat(ids("leaks")).contains(3L);
        assertThat(ids("门口爆管了")).containsExactly(1L);
    }

    @Test
    @DisplayName("A word finds its synonyms in both languages, and the cases using the word itself rank first")
    void synonymsBothWaysExactFirst() {
        List<Long> seepage = ids("渗水");
        assertThat(seepage).first().isEqualTo(5L);
        assertThat(seepage).contains(3L, 4L);
        assertThat(ids("leak")).contains(3L, 4L, 5L).first().isEqualTo(3L);
    }

    @Test
    @DisplayName("A broader term finds its narrower terms, but a narrower term does not find the broader one")
    void broaderFindsNarrower() {
        assertThat(ids("水质")).first().isEqualTo(7L);
        assertThat(ids("水质")).contains(6L);
        assertThat(ids("浑水")).contains(6L).doesNotContain(7L);
        assertThat(ids("no supply")).contains(8L);
    }

    @Test
    @DisplayName("Ticket number, phone and account look-ups come first")
    void exactLookups() {
        assertThat(ids(Tickets.number(4))).first().isEqualTo(4L);
        assertThat(ids("138-0013-0006")).first().isEqualTo(6L);
        assertThat(ids("acc100002")).first().isEqualTo(2L);
        assertThat(index.search(SearchRequest.of(Tickets.number(4))).hits().getFirst().score())
                .isGreaterThan(100f);
    }

    @Test
    @DisplayName("Filters narrow the hits and facets count the matches per type, status, district and tier")
    void filtersAndFacets() {
        SearchResults all = index.search(SearchRequest.of(null));
        assertThat(all.total()).isEqualTo(9);
        assertThat(all.facets().get("type")).containsEntry("repair", 4L).containsEntry("complaint", 3L);
        assertThat(all.facets().get("district")).containsEntry("south", 3L);
        SearchResults filtered = index.search(new SearchRequest("漏水", "complaint", null, "north", null, null, null,
                0, 10, null, true));
        assertThat(filtered.hits()).extracting(SearchHit::id).containsExactly(4L);
        assertThat(filtered.facets().get("tier")).containsEntry("ordinary", 1L);
    }

    @Test
    @DisplayName("Snippets mark the matched words and escape HTML")
    void snippets() {
        index.apply(List.of(ticket(10, "repair", "north", "<b>爆管</b>", "<script>x</script> 路口爆管")), position(10));
        index.refresh();
        SearchHit hit = index.search(SearchRequest.of("爆管 路口")).hits().getFirst();
        assertThat(hit.id()).isEqualTo(10L);
        assertThat(hit.snippets().getFirst()).contains("<em>").contains("&lt;script&gt;").doesNotContain("<script>");
    }

    @Test
    @DisplayName("Hostile query text gives a sensible result or an invalid-input error, never anything else")
    void hostileQueries() {
        List<String> hostile = List.of("\"爆管", "(漏水", "漏水)", "[1 TO", "AND", "OR OR", "-", "--x", "*水", "?",
                "~", "^2", "\\", "水 AND", "NOT", "\"\"", "a:b:c", "/regex/", "+-!&&||", "*", "漏水*", "'; DROP TABLE",
                "\u0000", "😀", "水".repeat(1000), "x ".repeat(500), "{!lucene}", "field:\"value");
        for (String q : hostile) {
            try {
                index.search(SearchRequest.of(q));
            } catch (InvalidInputException e) {
                assertThat(e.field()).isEqualTo("q");
            }
        }
        assertThat(ids("*水")).isNotEmpty();
        assertThat(ids("\"爆管")).containsExactly(1L);
        assertThatThrownBy(() -> index.search(SearchRequest.of("x".repeat(10_000))))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> index.search(SearchRequest.of("*** ???")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no word");
    }

    @Test
    @DisplayName("Similar cases are related ones, never the ticket itself, with their resolution and satisfaction")
    void similarCases() {
        index.apply(List.of(
                resolved(20, "厨房水管漏水", "厨房水管接头漏水，地面全湿", "更换接头，已修复", 5),
                resolved(21, "卫生间水管漏水", "卫生间水管漏水严重", "更换水管", 4),
                resolved(22, "水费太高", "这个月水费比上个月高很多", "核对读数，属实", 3)), position(22));
        index.refresh();
        List<SearchHit> similar = index.similarTo(20, 5, true);
        assertThat(similar).extracting(SearchHit::id).doesNotContain(20L).contains(21L);
        assertThat(similar).filteredOn(h -> h.id() == 21L).extracting(SearchHit::resolution).containsExactly("更换水管");
        List<SearchHit> byText = index.similarToText("我家水管漏水了，厨房都是水", 3, true);
        assertThat(byText).extracting(SearchHit::id).contains(20L);
        SearchHit first = byText.stream().filter(h -> h.id() == 20L).findFirst().orElseThrow();
        assertThat(first.resolution()).isEqualTo("更换接头，已修复");
        assertThat(first.satisfaction()).isEqualTo(5);
    }

    @Test
    @DisplayName("Similar cases that ended the same way collapse into the best-ranked one, which counts the others;"
            + " cancelled tickets are never similar cases")
    void similarCasesCollapse() {
        index.apply(List.of(
                resolved(30, "楼道水管漏水", "楼道水管冻裂漏水，地上全是水", "进户管冻裂，已更换管段并做防冻保温", 5),
                resolved(31, "楼道水管漏水", "楼道的水管冻裂了一直漏水", "进户管冻裂，已更换管段并做防冻保温。", 4),
                resolved(32, "楼道水管漏水", "楼道水管冻裂，水流到楼下", "进户管冻裂 已更换管段并做防冻保温", 4),
                resolved(33, "阳台水管冻裂", "阳台水管冻裂漏水", "冻裂管段已更换，已加装保温层", 5),
                resolved(34, "水管冻裂", "水管冻裂了在漏水", "漏点在表后户内管道，已关阀止水", 3),
                cancelled(35, "楼道水管冻裂", "楼道里的水管冻裂了，一直在漏水")), position(35));
        index.refresh();
        String frozen = "楼道里的水管冻裂了，一直在漏水";

        List<SearchHit> collapsed = index.similarToText(frozen, 5, true);

        assertThat(collapsed).extracting(SearchHit::id).contains(33L, 34L).doesNotContain(35L);
        List<SearchHit> stairwell = collapsed.stream().filter(hit -> hit.id() >= 30 && hit.id() <= 32).toList();
        assertThat(stairwell).hasSize(1);
        assertThat(stairwell.getFirst().alsoSeen()).isEqualTo(2);
        List<Long> all = new ArrayList<>(stairwell.getFirst().alsoSeenIds());
        all.add(stairwell.getFirst().id());
        assertThat(all).containsExactlyInAnyOrder(30L, 31L, 32L);
        assertThat(stairwell.getFirst().toJson().getInteger("alsoSeen")).isEqualTo(2);
        assertThat(collapsed).filteredOn(hit -> hit.id() > 32).allSatisfy(hit -> {
            assertThat(hit.alsoSeen()).isZero();
            assertThat(hit.toJson().containsKey("alsoSeen")).isFalse();
        });

        List<SearchHit> listed = index.similarToText(frozen, 5, false);
        assertThat(listed).extracting(SearchHit::id).contains(30L, 31L, 32L).doesNotContain(35L);
        assertThat(listed).allSatisfy(hit -> assertThat(hit.alsoSeen()).isZero());
        List<SearchHit> ofTicket = index.similarTo(30, 5, true);
        assertThat(ofTicket).extracting(SearchHit::id).doesNotContain(30L);
        assertThat(ofTicket).filteredOn(hit -> hit.id() == 31 || hit.id() == 32).singleElement()
                .satisfies(hit -> assertThat(hit.alsoSeen()).isEqualTo(1));
    }

    @Test
    @DisplayName("A search on a closed index fails at once instead of waiting")
    void closedIndexFails() {
        index.close();
        assertThatThrownBy(() -> index.search(SearchRequest.of("爆管"))).isInstanceOf(IllegalStateException.class);
        index = SearchIndex.open(dir, Vocabulary.empty());
    }

    @Test
    @DisplayName("An update replaces the ticket's document; the committed outbox position survives a reopen")
    void updateAndReopen() {
        index.apply(List.of(ticket(1, "repair", "north", "已修好", "管道已更换")), position(12));
        index.refresh();
        assertThat(ids("爆管")).doesNotContain(1L);
        assertThat(index.size()).isEqualTo(9);
        index.close();
        index = SearchIndex.open(dir, Vocabulary.loadDefault(SearchIndex.analyzer()));
        assertThat(index.committedPosition()).contains(position(12));
        assertThat(ids("管道")).contains(1L);
    }
}
