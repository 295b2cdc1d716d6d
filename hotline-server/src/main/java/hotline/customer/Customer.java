package hotline.customer;

import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A customer of the utility as stored. {@code phones} are normalised ({@link PhoneNumbers}), first the main one.
 * {@code tierReason} is null when the tier comes from the {@link TierRules}, and says why when it was set by hand.
 *
 * @param monthlyConsumption m³ per month, null when unknown
 * @param version            incremented by every change (optimistic locking)
 */
public record Customer(long id, String accountNumber, String name, List<String> phones, String address,
                       String district, WaterUse waterUse, CustomerKind kind, Tier tier, String tierReason,
                       boolean criticalFacility, CriticalReason criticalReason, BigDecimal monthlyConsumption,
                       String notes, int version, Instant createdAt, Instant updatedAt) {

    /** The fields a change to a customer can touch, as JSON names; events record the ones that changed. */
    static final List<String> CHANGEABLE = List.of("name", "phones", "address", "district", "waterUse", "kind", "tier",
            "tierReason", "criticalFacility", "criticalReason", "monthlyConsumption", "notes");

    public Customer {
        phones = List.copyOf(phones);
    }

    /** The API's camelCase JSON; enums as their codes, absent optional values as null. */
    public JsonObject toJson() {
        return new JsonObject()
                .put("id", id)
                .put("accountNumber", accountNumber)
                .mergeIn(asDraft().fields())
                .put("version", version)
                .put("createdAt", createdAt.toString())
                .put("updatedAt", updatedAt.toString());
    }

    /** The customer's own fields, as a draft would give them. */
    public CustomerDraft asDraft() {
        return new CustomerDraft(accountNumber, name, phones, address, district, waterUse, kind, tier, tierReason,
                criticalFacility, criticalReason, monthlyConsumption, notes);
    }

    /** This customer with another tier and its reason (null: the rules gave it), one version on, changed at {@code now}. */
    public Customer withTier(Tier newTier, String newTierReason, Instant now) {
        return new Customer(id, accountNumber, name, phones, address, district, waterUse, kind, newTier, newTierReason,
                criticalFacility, criticalReason, monthlyConsumption, notes, version + 1, createdAt, now);
    }

    /** {@code {"field": {"from": old, "to": new}}} for every changeable field that differs in {@code after}. */
    public JsonObject changesTo(Customer after) {
        JsonObject before = toJson();
        JsonObject now = after.toJson();
        JsonObject changes = new JsonObject();
        for (String field : CHANGEABLE) {
            if (!Objects.equals(comparable(before.getValue(field)), comparable(now.getValue(field)))) {
                changes.put(field, new JsonObject().put("from", before.getValue(field)).put("to", now.getValue(field)));
            }
        }
        return changes;
    }

    private static Object comparable(Object value) {
        return value instanceof BigDecimal amount ? amount.stripTrailingZeros() : value;
    }
}
