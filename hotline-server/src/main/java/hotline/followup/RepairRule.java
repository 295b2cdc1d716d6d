package hotline.followup;

import hotline.common.Code;
import hotline.config.ConfigException;
import hotline.customer.Tier;
import hotline.ticket.Priority;
import hotline.ticket.workflow.RepairCategory;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which verified repairs get a return call ({@code repairs} of {@code conf/visits.json}): any whose priority (set from
 * the severity at assessment, raised when urgent) or category is listed, or whose customer's tier is listed or who is
 * a critical facility (when {@code criticalFacility}). Immutable.
 */
public record RepairRule(Set<String> priorities, Set<String> categories, Set<String> tiers, boolean criticalFacility) {

    public RepairRule {
        priorities = Set.copyOf(priorities);
        categories = Set.copyOf(categories);
        tiers = Set.copyOf(tiers);
    }

    /**
     * True when a repair of {@code priority} and {@code category} (null: not assessed) for a customer of {@code tier}
     * (null: no customer) gets a return call.
     */
    public boolean applies(Priority priority, String category, String tier, boolean critical) {
        return priorities.contains(priority.code()) || (category != null && categories.contains(category))
                || (tier != null && tiers.contains(tier)) || (criticalFacility && critical);
    }

    static RepairRule parse(JsonObject json) {
        if (json == null) {
            throw new ConfigException("repairs: an object is required");
        }
        if (!(json.getValue("criticalFacility", false) instanceof Boolean critical)) {
            throw new ConfigException("repairs.criticalFacility: true or false is required");
        }
        return new RepairRule(codes(json, "priorities", Code.codes(Priority.class)),
                codes(json, "categories", Code.codes(RepairCategory.class)), codes(json, "tiers", Code.codes(Tier.class)),
                critical);
    }

    private static Set<String> codes(JsonObject json, String name, List<String> allowed) {
        Object value = json.getValue(name, new JsonArray());
        if (!(value instanceof JsonArray array)) {
            throw new ConfigException("repairs." + name + ": a list of " + allowed + " is required");
        }
        Set<String> codes = new LinkedHashSet<>();
        for (Object code : array) {
            if (!(code instanceof String text) || !allowed.contains(text)) {
                throw new ConfigException("repairs." + name + ": " + code + " is not one of " + allowed);
            }
            codes.add(text);
        }
        return codes;
    }
}
