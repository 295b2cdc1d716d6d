package hotline.search;

import io.vertx.core.json.JsonObject;

/** What a finished rebuild of the index did: the tickets it holds, the outbox position it reflects, the time it took. */
public record Reindexed(long tickets, OutboxPosition position, long millis) {

    public JsonObject toJson() {
        return new JsonObject().put("tickets", tickets).put("position", position.snapshot()).put("millis", millis);
    }
}
