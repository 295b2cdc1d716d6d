package hotline.search.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The user's query text read as clauses, forgivingly: words, {@code "quoted phrases"} (an unclosed quote runs to the
 * end), {@code -word} or {@code NOT word} to exclude. Every other operator character of Lucene's syntax (brackets,
 * {@code * ? ~ ^ : \ / ! & |}, a lone {@code -}) separates words and means nothing, so no input can fail to parse;
 * {@code AND} and {@code OR} are ignored (all words must match). Plain Java, stateless.
 */
public final class UserQuery {

    /** One word or phrase of the query. */
    public record Clause(String text, boolean phrase, boolean negated) {
    }

    private static final String SEPARATORS = "()[]{}<>*?~^:\\/!&|+=,;";

    private UserQuery() {
    }

    public static List<Clause> parse(String text) {
        List<Clause> clauses = new ArrayList<>();
        boolean negateNext = false;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (isQuote(c)) {
                int end = i + 1;
                while (end < n && !isQuote(text.charAt(end))) {
                    end++;
                }
                String phrase = text.substring(i + 1, end).strip();
                if (!phrase.isEmpty()) {
                    clauses.add(new Clause(phrase, true, negateNext));
                }
                negateNext = false;
                i = end + 1;
            } else if (Character.isWhitespace(c) || SEPARATORS.indexOf(c) >= 0) {
                i++;
            } else if (c == '-' && (i == 0 || isBreak(text.charAt(i - 1)))) {
                negateNext = true;
                i++;
            } else {
                int end = i;
                while (end < n && !isBreak(text.charAt(end))) {
                    end++;
                }
                String word = text.substring(i, end);
                switch (word) {
                    case "AND", "OR", "&&", "||" -> { }
                    case "NOT" -> negateNext = true;
                    default -> {
                        clauses.add(new Clause(word, false, negateNext));
                        negateNext = false;
                    }
                }
                i = end;
            }
        }
        return clauses;
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '“' || c == '”';
    }

    private static boolean isBreak(char c) {
        return Character.isWhitespace(c) || isQuote(c) || SEPARATORS.indexOf(c) >= 0;
    }
}
