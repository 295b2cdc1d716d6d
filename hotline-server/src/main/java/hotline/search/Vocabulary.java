package hotline.search;

import hotline.search.internal.Analysis;
import org.apache.lucene.analysis.Analyzer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The trade vocabulary used at query time: concepts, each a set of synonymous terms in Chinese and English, and each
 * possibly narrower than one broader concept. A term of the query expands to every term of its concept(s) and of
 * all their narrower concepts, in both languages; a narrower term does not expand to its broader one.
 *
 * <p>File format ({@code conf/search-vocabulary.txt}), one concept a line, {@code #} starts a comment:
 * <pre>  concept-id [&lt; broader-id]: term, term, ...</pre>
 * Terms are matched in their analysed form, so "Leaking" in a query finds the entry "leak". Immutable, thread-safe.
 */
public final class Vocabulary {

    /** The vocabulary shipped with the server (a copy of {@code conf/search-vocabulary.txt} on the class path). */
    public static final String RESOURCE = "/search-vocabulary.txt";

    private final Map<String, Set<String>> expansions;
    private final Set<String> cjkTerms;
    private final int conceptCount;
    private final int longestKeyTokens;
    private final int longestCjkTerm;

    private Vocabulary(Map<String, Set<String>> expansions, Set<String> cjkTerms, int conceptCount,
                       int longestKeyTokens) {
        this.expansions = expansions;
        this.cjkTerms = cjkTerms;
        this.conceptCount = conceptCount;
        this.longestKeyTokens = longestKeyTokens;
        this.longestCjkTerm = cjkTerms.stream().mapToInt(String::length).max().orElse(0);
    }

    public static Vocabulary empty() {
        return new Vocabulary(Map.of(), Set.of(), 0, 0);
    }

    public static Vocabulary load(Path file, Analyzer analyzer) {
        try {
            return parse(Files.readAllLines(file, StandardCharsets.UTF_8), analyzer);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the search vocabulary " + file, e);
        }
    }

    public static Vocabulary loadDefault(Analyzer analyzer) {
        try (var in = Vocabulary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the search vocabulary " + RESOURCE + " is not on the class path");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList(), analyzer);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the search vocabulary " + RESOURCE, e);
        }
    }

    /** Parses the lines of a vocabulary file; a malformed line is an {@link IllegalArgumentException} naming it. */
    public static Vocabulary parse(List<String> lines, Analyzer analyzer) {
        Map<String, List<String>> terms = new LinkedHashMap<>();
        Map<String, String> broader = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("vocabulary line " + (i + 1) + ": expected 'concept: term, term'");
            }
            String[] head = line.substring(0, colon).split("<");
            String id = head[0].strip();
            if (id.isEmpty() || terms.containsKey(id)) {
                throw new IllegalArgumentException("vocabulary line " + (i + 1) + ": missing or repeated concept id");
            }
            if (head.length > 1) {
                broader.put(id, head[1].strip());
            }
            List<String> list = new ArrayList<>();
            for (String term : line.substring(colon + 1).split("[,，]")) {
                if (!term.isBlank()) {
                    list.add(term.strip());
                }
            }
            if (list.isEmpty()) {
                throw new IllegalArgumentException("vocabulary line " + (i + 1) + ": no terms");
            }
            terms.put(id, list);
        }
        Map<String, List<String>> narrower = new HashMap<>();
        broader.forEach((id, parent) -> {
            if (!terms.containsKey(parent)) {
                throw new IllegalArgumentException("concept " + id + ": unknown broader concept " + parent);
            }
            narrower.computeIfAbsent(parent, k -> new ArrayList<>()).add(id);
        });
        Map<String, Set<String>> expansions = new HashMap<>();
        Set<String> cjkTerms = new HashSet<>();
        int longest = 0;
        for (String id : terms.keySet()) {
            Set<String> all = new LinkedHashSet<>();
            Set<String> seen = new HashSet<>();
            Deque<String> todo = new ArrayDeque<>(List.of(id));
            while (!todo.isEmpty()) {
                String concept = todo.pop();
                if (!seen.add(concept)) {
                    throw new IllegalArgumentException("concept " + id + ": its narrower terms form a cycle");
                }
                all.addAll(terms.get(concept));
                todo.addAll(narrower.getOrDefault(concept, List.of()));
            }
            Set<String> needed = withoutRedundant(all, analyzer);
            for (String term : terms.get(id)) {
                String key = Analysis.key(analyzer, term);
                if (term.codePoints().allMatch(Analysis::isCjk)) {
                    cjkTerms.add(term);
                }
                if (!key.isEmpty()) {
                    expansions.computeIfAbsent(key, k -> new LinkedHashSet<>()).addAll(needed);
                    longest = Math.max(longest, key.split(" ").length);
                }
            }
        }
        expansions.replaceAll((key, set) -> Collections.unmodifiableSet(set));
        return new Vocabulary(Map.copyOf(expansions), Set.copyOf(cjkTerms), terms.size(), longest);
    }

    /**
     * The terms that can add matches beside a shorter one: 水管漏水 and "leaking pipe" go when 漏水 and "leak" are
     * there, since every text with the longer term has the shorter one. Fewer, shorter clauses make expanded queries
     * several times faster at the same recall.
     */
    private static Set<String> withoutRedundant(Set<String> terms, Analyzer analyzer) {
        Map<String, String> keys = new LinkedHashMap<>();
        terms.forEach(term -> keys.put(term, " " + Analysis.key(analyzer, term) + " "));
        Set<String> needed = new LinkedHashSet<>();
        for (String term : terms) {
            String key = keys.get(term);
            boolean covered = keys.values().stream()
                    .anyMatch(other -> !other.equals(key) && !other.isBlank() && key.contains(other));
            if (!covered) {
                needed.add(term);
            }
        }
        return needed;
    }

    /**
     * The terms a query term stands for (itself included unless a shorter synonym covers it), or an empty set;
     * {@code key} in analysed form.
     */
    public Set<String> expand(String key) {
        return expansions.getOrDefault(key, Set.of());
    }

    public boolean contains(String key) {
        return expansions.containsKey(key);
    }

    /** How many analysed tokens the longest term has (bounds the look-ahead when matching terms in a query). */
    public int longestKeyTokens() {
        return longestKeyTokens;
    }

    /**
     * The vocabulary terms in a run of Chinese text, longest first from the left (门口爆管了 → 爆管 at 2), as
     * {@code [start, end)} character ranges; the text between them is left to plain matching.
     */
    public List<int[]> cjkTermsIn(String run) {
        List<int[]> found = new ArrayList<>();
        int i = 0;
        while (i < run.length()) {
            int match = 0;
            for (int length = Math.min(longestCjkTerm, run.length() - i); length >= 2 && match == 0; length--) {
                if (cjkTerms.contains(run.substring(i, i + length))) {
                    match = length;
                }
            }
            if (match > 0) {
                found.add(new int[] {i, i + match});
                i += match;
            } else {
                i++;
            }
        }
        return found;
    }

    public int conceptCount() {
        return conceptCount;
    }
}
