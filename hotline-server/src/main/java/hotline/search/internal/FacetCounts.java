package hotline.search.internal;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts the matching documents per value of each facet dimension, from the {@code KeywordField} doc values, in the
 * same pass as the top hits. One collector per search slice; {@link #reduce} merges them, each dimension's values
 * largest count first.
 */
public final class FacetCounts implements CollectorManager<FacetCounts.Counter, Map<String, Map<String, Long>>> {

    private final List<String> dimensions;

    public FacetCounts(List<String> dimensions) {
        this.dimensions = List.copyOf(dimensions);
    }

    @Override
    public Counter newCollector() {
        return new Counter(dimensions);
    }

    @Override
    public Map<String, Map<String, Long>> reduce(Collection<Counter> collectors) {
        Map<String, Map<String, Long>> merged = new LinkedHashMap<>();
        for (String dimension : dimensions) {
            Map<String, Long> sum = new HashMap<>();
            for (Counter counter : collectors) {
                counter.counts.get(dimension).forEach((value, count) -> sum.merge(value, count, Long::sum));
            }
            Map<String, Long> sorted = new LinkedHashMap<>();
            sum.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .forEach(e -> sorted.put(e.getKey(), e.getValue()));
            merged.put(dimension, sorted);
        }
        return merged;
    }

    /** Counts by ordinal within a segment and turns ordinals into values when the segment is done. */
    public static final class Counter implements Collector {

        private final List<String> dimensions;
        private final Map<String, Map<String, Long>> counts = new HashMap<>();

        Counter(List<String> dimensions) {
            this.dimensions = dimensions;
            dimensions.forEach(d -> counts.put(d, new HashMap<>()));
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            int n = dimensions.size();
            SortedSetDocValues[] values = new SortedSetDocValues[n];
            long[][] ordinalCounts = new long[n][];
            for (int d = 0; d < n; d++) {
                values[d] = DocValues.getSortedSet(context.reader(), dimensions.get(d));
                ordinalCounts[d] = new long[(int) values[d].getValueCount()];
            }
            return new LeafCollector() {
                @Override
                public void setScorer(Scorable scorer) {
                    // counting needs no scores
                }

                @Override
                public void collect(int doc) throws IOException {
                    for (int d = 0; d < n; d++) {
                        if (values[d].advanceExact(doc)) {
                            for (int k = 0; k < values[d].docValueCount(); k++) {
                                ordinalCounts[d][(int) values[d].nextOrd()]++;
                            }
                        }
                    }
                }

                @Override
                public void finish() throws IOException {
                    for (int d = 0; d < n; d++) {
                        SortedSetDocValues lookup = DocValues.getSortedSet(context.reader(), dimensions.get(d));
                        Map<String, Long> target = counts.get(dimensions.get(d));
                        for (int ord = 0; ord < ordinalCounts[d].length; ord++) {
                            if (ordinalCounts[d][ord] > 0) {
                                target.merge(lookup.lookupOrd(ord).utf8ToString(), ordinalCounts[d][ord], Long::sum);
                            }
                        }
                    }
                }
            };
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }
}
