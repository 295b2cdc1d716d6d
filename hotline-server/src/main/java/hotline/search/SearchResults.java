package hotline.search;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Map;

/**
 * A page of hits, the number of matching tickets ({@code totalExact} false: at least that many — counting stops early
 * when no facets are asked for), and — when asked for — facet counts: for each of {@code type}, {@code status},
 * {@code district}, {@code tier} the matching tickets per value, largest first.
 */
public record SearchResults(long total, boolean totalExact, List<SearchHit> hits,
                            Map<String, Map<String, Long>> facets) {

    public JsonObject toJson() {
        JsonObject facetJson = new JsonObject();
        facets.forEach((dimension, counts) -> {
            JsonArray values = new JsonArray();
            counts.forEach((value, count) -> values.add(new JsonObject().put("value", value).put("count", count)));
            facetJson.put(dimension, values);
        });
        return new JsonObject()
                .put("total", total)
                .put("totalExact", totalExact)
                .put("hits", new JsonArray(hits.stream().map(SearchHit::toJson).toList()))
                .put("facets", facetJson);
    }
}
