package hotline.bench.search;

import java.util.List;

/**
 * The benchmark's queries: latency kinds (the same words for Lucene and PostgreSQL) and recall queries with known
 * answers (literal Chinese words: the cases whose text contains them; concept queries: the cases generated from a
 * topic, whatever words they use).
 */
public final class QuerySet {

    /** A concept query: the cases of {@code topic} are its answers. */
    public record Concept(String query, String topic) {
    }

    /** A boolean query: a word, a word to exclude, and two filters. */
    public record Filtered(String word, String excluded, String type, String district) {
    }

    public static final List<String> TERMS = List.of("leak", "meter", "pressure", "smell", "drain", "noise", "bill",
            "pipe");
    public static final List<String> CHINESE = List.of("爆管", "水压", "漏水", "黄水", "停水", "水表", "异味", "下水道");
    public static final List<String> PHRASES = List.of("burst main", "low pressure", "门口爆管", "水压很低",
            "rusty water", "楼道里漏水");
    public static final List<Filtered> FILTERED = List.of(
            new Filtered("漏水", "厨房", "repair", "haidian"),
            new Filtered("停水", "通知", "repair", "chaoyang"),
            new Filtered("黄水", "孩子", "complaint", "fengtai"),
            new Filtered("水费", "抄错", "inquiry", "daxing"));

    /** Literal Chinese words: a case answers when its text contains the word (what LIKE '%word%' finds). */
    public static final List<String> LITERAL = List.of("爆管", "水压", "漏水", "黄水", "停水", "水表", "异味", "下水道",
            "门口", "水费", "抢修", "满意", "楼道", "热水器");

    public static final List<Concept> CONCEPTS = List.of(
            new Concept("漏水", "leak"), new Concept("爆管", "burst"), new Concept("水压低", "low-pressure"),
            new Concept("停水", "no-supply"), new Concept("浑水", "turbid"), new Concept("异味", "odour"),
            new Concept("水表故障", "meter"), new Concept("水费太高", "bill"), new Concept("堵塞", "sewage"),
            new Concept("噪音", "noise"), new Concept("leak", "leak"), new Concept("no water", "no-supply"),
            new Concept("discoloured water", "turbid"), new Concept("high bill", "bill"));

    private QuerySet() {
    }

    public static boolean isChinese(String text) {
        return text.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
    }
}
