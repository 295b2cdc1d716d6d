package hotline.search.internal;

import hotline.common.InvalidInputException;
import hotline.search.SearchHit;
import hotline.search.SearchRequest;
import hotline.search.SearchResults;
import hotline.search.SearchSort;
import hotline.ticket.TicketStatus;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * The read side of the index on one acquired {@link IndexSearcher}: filtered, paged, faceted search with highlighted
 * snippets, and similar cases by MoreLikeThis (cancelled tickets left out), {@link NearDuplicates near-duplicates}
 * collapsed on request. Blocking (call from a worker); thread-safe.
 */
public final class Searches {

    private static final int SNIPPETS = 2;
    /**
     * Without facets, matches are counted exactly up to this many; beyond it Lucene may skip documents that cannot
     * reach the top hits, which keeps frequent words fast.
     */
    private static final int COUNT_EXACTLY_UP_TO = 1_000;
    /** Terms rarer than this in the corpus are noise for similarity (typos, numbers). */
    private static final int SIMILAR_MIN_DOC_FREQ = 2;
    private static final int SIMILAR_MAX_TERMS = 25;
    /** Terms in more than this share of the cases say nothing about similarity (at least 20 cases). */
    private static final int SIMILAR_MAX_DOC_FREQ_PERCENT = 20;
    private static final int SIMILAR_MAX_DOC_FREQ_FLOOR = 20;
    /** Candidates ranked per similar case asked for when collapsing, so the groups still fill the list. */
    private static final int SIMILAR_CANDIDATES_PER_HIT = 5;
    private static final Set<String> GROUPING = Set.of(Fields.ID, Fields.RESOLUTION, Fields.SUBJECT);

    private final Analyzer analyzer;
    private final QueryFactory queries;

    public Searches(Analyzer analyzer, QueryFactory queries) {
        this.analyzer = analyzer;
        this.queries = queries;
    }

    public SearchResults search(IndexSearcher searcher, SearchRequest request) throws IOException {
        Query text = request.hasText() ? queries.parse(request.text()) : MatchAllDocsQuery.INSTANCE;
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(text, Occur.MUST);
        filter(query, Fields.TYPE, request.type());
        filter(query, Fields.STATUS, request.status());
        filter(query, Fields.DISTRICT, request.district());
        filter(query, Fields.TIER, request.tier());
        if (request.from() != null || request.to() != null) {
            long from = request.from() == null ? Long.MIN_VALUE : request.from().toEpochMilli();
            long to = request.to() == null ? Long.MAX_VALUE : request.to().toEpochMilli() - 1;
            query.add(LongField.newRangeQuery(Fields.CREATED, from, to), Occur.FILTER);
        }
        Query built = query.build();
        int depth = (request.page() + 1) * request.size();
        int countUpTo = request.facets() ? Integer.MAX_VALUE : Math.max(depth, COUNT_EXACTLY_UP_TO);
        CollectorManager<?, ? extends TopDocs> top = request.sort() == SearchSort.RELEVANCE
                ? new TopScoreDocCollectorManager(depth, countUpTo)
                : new TopFieldCollectorManager(new Sort(LongField.newSortField(Fields.CREATED,
                        request.sort() == SearchSort.NEWEST, SortedNumericSelector.Type.MIN)), depth, countUpTo);
        TopDocs topDocs;
        Map<String, Map<String, Long>> facets;
        if (request.facets()) {
            Object[] results = searcher.search(built, new MultiCollectorManager(top, new FacetCounts(Fields.FACETS)));
            topDocs = (TopDocs) results[0];
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Long>> counted = (Map<String, Map<String, Long>>) results[1];
            facets = counted;
        } else {
            topDocs = searcher.search(built, top);
            facets = Map.of();
        }
        int from = Math.min(request.page() * request.size(), topDocs.scoreDocs.length);
        ScoreDoc[] page = Arrays.copyOfRange(topDocs.scoreDocs, from, topDocs.scoreDocs.length);
        return new SearchResults(topDocs.totalHits.value(),
                topDocs.totalHits.relation() == TotalHits.Relation.EQUAL_TO, hits(searcher, text, page), facets);
    }

    public void forEachMatch(IndexSearcher searcher, String text, LongConsumer ids) throws IOException {
        searcher.search(queries.parse(text), new SimpleCollector() {
            private NumericDocValues values;

            @Override
            protected void doSetNextReader(LeafReaderContext context) throws IOException {
                values = DocValues.getNumeric(context.reader(), Fields.ID);
            }

            @Override
            public void collect(int doc) throws IOException {
                if (values.advanceExact(doc)) {
                    ids.accept(values.longValue());
                }
            }

            @Override
            public ScoreMode scoreMode() {
                return ScoreMode.COMPLETE_NO_SCORES;
            }
        });
    }

    /** Cases like the indexed ticket {@code id} (itself excluded); empty when it is not in the index. */
    public List<SearchHit> similarTo(IndexSearcher searcher, long id, int size, boolean collapse) throws IOException {
        TopDocs self = searcher.search(new TermQuery(Fields.idTerm(id)), 1);
        if (self.scoreDocs.length == 0) {
            return List.of();
        }
        Query like = moreLikeThis(searcher).like(self.scoreDocs[0].doc);
        return similar(searcher, like, Optional.of(id), size, collapse);
    }

    /** Cases like a free text (a complaint being recorded). */
    public List<SearchHit> similarToText(IndexSearcher searcher, String text, int size, boolean collapse)
            throws IOException {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("text", "must not be blank");
        }
        Collection<Object> value = List.of(text);
        Query like = moreLikeThis(searcher).like(Map.of(Fields.SUBJECT, value, Fields.BODY, value));
        return similar(searcher, like, Optional.empty(), size, collapse);
    }

    private MoreLikeThis moreLikeThis(IndexSearcher searcher) throws IOException {
        MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
        mlt.setAnalyzer(analyzer);
        mlt.setFieldNames(Fields.CASE_TEXT.toArray(String[]::new));
        mlt.setMinTermFreq(1);
        mlt.setMinDocFreq(SIMILAR_MIN_DOC_FREQ);
        mlt.setMaxDocFreq(Math.max(SIMILAR_MAX_DOC_FREQ_FLOOR,
                searcher.getIndexReader().numDocs() / 100 * SIMILAR_MAX_DOC_FREQ_PERCENT));
        mlt.setMaxQueryTerms(SIMILAR_MAX_TERMS);
        mlt.setBoost(true);
        return mlt;
    }

    private List<SearchHit> similar(IndexSearcher searcher, Query like, Optional<Long> exclude, int size,
                                    boolean collapse) throws IOException {
        // A cancelled ticket (a duplicate, an invalid report) tells nobody how a problem was solved.
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(like, Occur.MUST)
                .add(KeywordField.newExactQuery(Fields.STATUS, TicketStatus.CANCELLED.code()), Occur.MUST_NOT);
        exclude.ifPresent(id -> query.add(new TermQuery(Fields.idTerm(id)), Occur.MUST_NOT));
        Query built = query.build();
        if (!collapse) {
            return hits(searcher, built, searcher.search(built, size).scoreDocs);
        }
        StoredFields stored = searcher.storedFields();
        List<Candidate> candidates = new ArrayList<>();
        for (ScoreDoc scored : searcher.search(built, size * SIMILAR_CANDIDATES_PER_HIT).scoreDocs) {
            Document doc = stored.document(scored.doc, GROUPING);
            candidates.add(new Candidate(scored, Long.parseLong(doc.get(Fields.ID)),
                    NearDuplicates.key(doc.get(Fields.RESOLUTION), doc.get(Fields.SUBJECT))));
        }
        List<NearDuplicates.Group<Candidate>> groups = NearDuplicates.collapse(candidates, Candidate::key, size);
        ScoreDoc[] shown = groups.stream().map(group -> group.best().scored()).toArray(ScoreDoc[]::new);
        List<SearchHit> best = hits(searcher, built, shown);
        List<SearchHit> hits = new ArrayList<>(best.size());
        for (int i = 0; i < best.size(); i++) {
            hits.add(best.get(i).withAlsoSeen(groups.get(i).others().stream().map(Candidate::id).toList()));
        }
        return hits;
    }

    private record Candidate(ScoreDoc scored, long id, String key) {
    }

    private List<SearchHit> hits(IndexSearcher searcher, Query query, ScoreDoc[] page) throws IOException {
        if (page.length == 0) {
            return List.of();
        }
        UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new DefaultPassageFormatter("<em>", "</em>", "…", true))
                .withHandleMultiTermQuery(true)
                // Terms from the postings' offsets, not the query's exact matches per document: the expanded query
                // would otherwise be re-run on every hit, which costs more than the search itself.
                .withWeightMatches(false)
                .withHighlightPhrasesStrictly(false)
                .withMaxNoHighlightPassages(1)
                .build();
        TopDocs pageDocs = new TopDocs(new TotalHits(page.length, TotalHits.Relation.EQUAL_TO), page);
        String[] snippets = highlighter.highlight(Fields.BODY, query, pageDocs, SNIPPETS);
        StoredFields stored = searcher.storedFields();
        List<SearchHit> hits = new ArrayList<>(page.length);
        for (int i = 0; i < page.length; i++) {
            Document doc = stored.document(page[i].doc, Fields.HIT);
            List<String> texts = snippets[i] == null || snippets[i].isEmpty() ? List.of() : List.of(snippets[i]);
            hits.add(Fields.toHit(doc, Float.isNaN(page[i].score) ? 0f : page[i].score, texts));
        }
        return hits;
    }

    private static void filter(BooleanQuery.Builder query, String field, String value) {
        if (value != null && !value.isBlank()) {
            query.add(KeywordField.newExactQuery(field, value), Occur.FILTER);
        }
    }
}
