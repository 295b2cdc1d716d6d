package hotline.search;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.List;

/**
 * One found ticket: what a result list shows, the highlighted snippets (HTML-escaped text with matches in
 * {@code <em>}), the score (higher is better; exact look-ups by number, phone or account score above every text
 * match), and — when the ticket has them — how it was resolved and its satisfaction score (1..5). A similar case
 * also names the near-duplicates collapsed into it ({@code alsoSeenIds}, best first; empty elsewhere).
 */
public record SearchHit(long id, String number, String type, String status, String district, String subject,
                        List<String> snippets, float score, Instant createdAt, Instant updatedAt, Instant closedAt,
                        String resolution, Integer satisfaction, List<Long> alsoSeenIds) {

    public SearchHit {
        alsoSeenIds = alsoSeenIds == null ? List.of() : List.copyOf(alsoSeenIds);
    }

    /** How many near-duplicates were collapsed into this hit. */
    public int alsoSeen() {
        return alsoSeenIds.size();
    }

    public SearchHit withAlsoSeen(List<Long> ids) {
        return new SearchHit(id, number, type, status, district, subject, snippets, score, createdAt, updatedAt,
                closedAt, resolution, satisfaction, ids);
    }

    public JsonObject toJson() {
        JsonObject json = new JsonObject()
                .put("id", id)
                .put("number", number)
                .put("type", type)
                .put("status", status)
                .put("district", district)
                .put("subject", subject)
                .put("snippets", new JsonArray(List.copyOf(snippets)))
                .put("score", score)
                .put("createdAt", createdAt.toString())
                .put("updatedAt", updatedAt.toString());
        if (closedAt != null) {
            json.put("closedAt", closedAt.toString());
        }
        if (resolution != null) {
            json.put("resolution", resolution);
        }
        if (satisfaction != null) {
            json.put("satisfaction", satisfaction);
        }
        if (!alsoSeenIds.isEmpty()) {
            json.put("alsoSeen", alsoSeen()).put("alsoSeenIds", new JsonArray(alsoSeenIds));
        }
        return json;
    }
}
