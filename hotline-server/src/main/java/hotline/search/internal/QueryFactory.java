package hotline.search.internal;

import hotline.common.InvalidInputException;
import hotline.search.Vocabulary;
import hotline.ticket.TicketNumber;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns the user's words into a Lucene query. Each clause must match; a clause matches its text in any text field
 * (subject weighted double), or — scoring above every text match — a ticket number, phone or account number equal to
 * it. A Chinese clause is split at the vocabulary's terms (门口爆管 → 门口 + 爆管); a vocabulary term, Chinese or
 * English (one to {@link Vocabulary#longestKeyTokens()} words), also matches its synonyms and narrower terms, weighted
 * below the original so exact matches rank first. Quoted phrases match exactly, without synonyms. Thread-safe.
 */
public final class QueryFactory {

    /** Score of an exact look-up hit: above any BM25 text score this index produces. */
    public static final float EXACT_SCORE = 1_000f;
    /** Weight of the words the user typed relative to their synonyms (1). */
    public static final float ORIGINAL_WEIGHT = 4f;
    public static final int MAX_CLAUSES = 32;

    private static final Pattern PHONE = Pattern.compile("[+\\d][\\d\\- ]{4,24}");

    private final Analyzer analyzer;
    private final Vocabulary vocabulary;
    private final QueryBuilder builder;

    public QueryFactory(Analyzer analyzer, Vocabulary vocabulary) {
        this.analyzer = analyzer;
        this.vocabulary = vocabulary;
        this.builder = new QueryBuilder(analyzer);
    }

    /**
     * The query for the user's text. Text with words in it always gives a query; text with nothing searchable
     * (only operators and punctuation) is an {@link InvalidInputException} for field {@code q}.
     */
    public Query parse(String text) {
        List<UserQuery.Clause> clauses = UserQuery.parse(text);
        if (clauses.size() > MAX_CLAUSES) {
            throw new InvalidInputException("q", "must have at most " + MAX_CLAUSES + " words or phrases");
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        boolean positive = false;
        boolean any = false;
        int i = 0;
        while (i < clauses.size()) {
            UserQuery.Clause clause = clauses.get(i);
            int span = clause.phrase() || clause.negated() ? 1 : vocabularySpan(clauses, i);
            String words = span == 1 ? clause.text() : joined(clauses, i, span);
            Query part = clause.phrase() ? phrase(words) : words(words);
            Query exact = span == 1 ? exactLookup(words) : null;
            if (exact != null) {
                part = part == null ? exact : new BooleanQuery.Builder()
                        .add(exact, Occur.SHOULD).add(part, Occur.SHOULD).build();
            }
            if (part != null) {
                query.add(part, clause.negated() ? Occur.MUST_NOT : Occur.MUST);
                positive |= !clause.negated();
                any = true;
            }
            i += span;
        }
        if (!any) {
            throw new InvalidInputException("q", "has no word to search for");
        }
        if (!positive) {
            query.add(MatchAllDocsQuery.INSTANCE, Occur.MUST);
        }
        return query.build();
    }

    /** How many plain words from {@code start} form the longest vocabulary term (1 when none does). */
    private int vocabularySpan(List<UserQuery.Clause> clauses, int start) {
        int limit = Math.min(clauses.size() - start, vocabulary.longestKeyTokens());
        for (int span = limit; span > 1; span--) {
            boolean plain = clauses.subList(start, start + span).stream().noneMatch(c -> c.phrase() || c.negated());
            if (plain && vocabulary.contains(Analysis.key(analyzer, joined(clauses, start, span)))) {
                return span;
            }
        }
        return 1;
    }

    private static String joined(List<UserQuery.Clause> clauses, int start, int span) {
        return String.join(" ", clauses.subList(start, start + span).stream().map(UserQuery.Clause::text).toList());
    }

    private Query exactLookup(String word) {
        List<Query> lookups = new ArrayList<>();
        TicketNumber.parse(word.toUpperCase(Locale.ROOT)).ifPresent(number ->
                lookups.add(new TermQuery(new Term(Fields.NUMBER_KEY, Fields.lookupKey(number.toString())))));
        if (PHONE.matcher(word).matches()) {
            lookups.add(new TermQuery(new Term(Fields.PHONE, Fields.phoneKey(word))));
        }
        if (word.length() >= 4 && word.chars().anyMatch(Character::isDigit)) {
            lookups.add(new TermQuery(new Term(Fields.ACCOUNT, Fields.lookupKey(word))));
        }
        if (lookups.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        lookups.forEach(q -> any.add(q, Occur.SHOULD));
        return new BoostQuery(new ConstantScoreQuery(any.build()), EXACT_SCORE);
    }

    /** A quoted phrase: its tokens in order, in any text field. */
    private Query phrase(String text) {
        return inTextFields(text);
    }

    /** A word (or vocabulary term of several words): Chinese runs split at vocabulary terms, the rest as typed. */
    private Query words(String text) {
        String key = Analysis.key(analyzer, text);
        if (key.isEmpty()) {
            return null;
        }
        if (vocabulary.contains(key)) {
            return withSynonyms(text, key);
        }
        List<Query> parts = new ArrayList<>();
        StringBuilder other = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int end = i;
            while (end < text.length() && Analysis.isCjk(text.codePointAt(end)) == Analysis.isCjk(cp)) {
                end += Character.charCount(text.codePointAt(end));
            }
            if (Analysis.isCjk(cp)) {
                other.append(' ');
                addChinese(text.substring(i, end), parts);
            } else {
                other.append(text, i, end);
            }
            i = end;
        }
        String latin = other.toString().strip();
        if (!latin.isEmpty()) {
            Query q = inTextFields(latin);
            if (q != null) {
                parts.add(q);
            }
        }
        if (parts.isEmpty()) {
            return null;
        }
        if (parts.size() == 1) {
            return parts.getFirst();
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        parts.forEach(q -> all.add(q, Occur.MUST));
        return all.build();
    }

    /** A run of Chinese: vocabulary terms with their synonyms, the text between them as substrings. */
    private void addChinese(String run, List<Query> parts) {
        List<int[]> terms = vocabulary.cjkTermsIn(run);
        int at = 0;
        for (int[] term : terms) {
            addSubstring(run.substring(at, term[0]), parts, !terms.isEmpty());
            String word = run.substring(term[0], term[1]);
            Query concept = withSynonyms(word, Analysis.key(analyzer, word));
            if (concept != null) {
                parts.add(concept);
            }
            at = term[1];
        }
        addSubstring(run.substring(at), parts, !terms.isEmpty());
    }

    private void addSubstring(String chinese, List<Query> parts, boolean hasTerms) {
        if (chinese.isEmpty()) {
            return;
        }
        if (chinese.codePointCount(0, chinese.length()) > 1) {
            parts.add(inTextFields(chinese));
        } else if (!hasTerms) {
            parts.add(singleCharacter(chinese));
        }
        // A lone character beside vocabulary terms (了, 的) adds nothing but misses; it is left out.
    }

    /**
     * One Chinese character alone: the index holds bigrams, so it matches the bigrams it begins, and itself where it
     * stood alone in the text.
     */
    private Query singleCharacter(String character) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (String field : Fields.TEXT) {
            any.add(new BoostQuery(new PrefixQuery(new Term(field, character)), Fields.weight(field)), Occur.SHOULD);
        }
        return any.build();
    }

    /**
     * The original words and their synonyms as ONE flat disjunction of (term or phrase, field) clauses: flat, the
     * scorer can skip documents that only synonyms match once the top hits are full of original-word matches.
     */
    private Query withSynonyms(String original, String originalKey) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        boolean found = addInFields(any, Fields.TEXT, original, ORIGINAL_WEIGHT);
        for (String term : vocabulary.expand(originalKey)) {
            if (!Analysis.key(analyzer, term).equals(originalKey)) {
                found |= addInFields(any, Fields.CASE_TEXT, term, 1f);
            }
        }
        return found ? any.build() : null;
    }

    /** The text's tokens as a phrase (one token: a term) in each text field; null when it has no token. */
    private Query inTextFields(String text) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        return addInFields(any, Fields.TEXT, text, 1f) ? any.build() : null;
    }

    /** Adds the text as a phrase in each field (synonyms go to the case texts only: names and addresses have none). */
    private boolean addInFields(BooleanQuery.Builder any, List<String> fields, String text, float weight) {
        boolean found = false;
        for (String field : fields) {
            Query q = builder.createPhraseQuery(field, text.toLowerCase(Locale.ROOT));
            if (q != null) {
                any.add(new BoostQuery(q, weight * Fields.weight(field)), Occur.SHOULD);
                found = true;
            }
        }
        return found;
    }
}
