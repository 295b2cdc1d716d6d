package hotline.search;

import hotline.common.InvalidInputException;

import java.time.Instant;

/**
 * One search: the user's words (may be null or blank: then only the filters apply, newest first), exact-match filters
 * (null = any), a creation-date range {@code [from, to)} (null = open), a 0-based page of {@code size} hits (1..{@value #MAX_SIZE}),
 * the order, and whether to count facets. Validated on construction; the field names are the API's.
 */
public record SearchRequest(String text, String type, String status, String district, String tier, Instant from,
                            Instant to, int page, int size, SearchSort sort, boolean facets) {

    /** Longest accepted query text, in characters; longer text is refused rather than truncated. */
    public static final int MAX_TEXT = 1_000;
    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    /** Deepest hit a page may reach: deep paging over relevance-ranked hits has no use and costs memory. */
    public static final int MAX_DEPTH = 10_000;

    public SearchRequest {
        if (text != null && text.length() > MAX_TEXT) {
            throw new InvalidInputException("q", "must be at most " + MAX_TEXT + " characters");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidInputException("size", "must be between 1 and " + MAX_SIZE);
        }
        if (page < 0 || (long) (page + 1) * size > MAX_DEPTH) {
            throw new InvalidInputException("page", "must be between 0 and " + (MAX_DEPTH / size - 1));
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidInputException("to", "must be after from");
        }
        if (sort == null) {
            sort = text == null || text.isBlank() ? SearchSort.NEWEST : SearchSort.RELEVANCE;
        }
    }

    /** Words only, first page of {@value #DEFAULT_SIZE} by relevance, with facets. */
    public static SearchRequest of(String text) {
        return new SearchRequest(text, null, null, null, null, null, null, 0, DEFAULT_SIZE, null, true);
    }

    public boolean hasText() {
        return text != null && !text.isBlank();
    }
}
