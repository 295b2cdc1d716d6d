package hotline.crew;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * A repair crew (抢修班组) with its open jobs: the repair tickets dispatched to it and not yet repaired, and the
 * open incidents it is dispatched to.
 */
public record Crew(long id, String name, String district, String phone, boolean onDuty, List<Long> openTickets,
                   List<Long> openIncidents) {

    public Crew {
        openTickets = List.copyOf(openTickets);
        openIncidents = List.copyOf(openIncidents);
    }

    public JsonObject toJson() {
        return new JsonObject().put("id", id).put("name", name).put("district", district).put("phone", phone)
                .put("onDuty", onDuty).put("openTickets", new JsonArray(openTickets))
                .put("openIncidents", new JsonArray(openIncidents));
    }
}
