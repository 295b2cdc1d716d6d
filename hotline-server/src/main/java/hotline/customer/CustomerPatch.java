package hotline.customer;

import hotline.common.InvalidInputException;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A validated change of a customer's plain fields ({@code PATCH /api/customers/{id}}): absent fields stay as they
 * are; JSON null clears an optional one ({@code monthlyConsumption}, {@code criticalReason}). The account number and
 * the tier are not plain fields (the tier changes with {@code POST /api/customers/{id}/tier}). {@code version} is the
 * version the client read.
 */
public record CustomerPatch(int version, JsonObject fields) {

    public CustomerPatch {
        fields = fields.copy();
    }

    /** Validates {@code json}; the field checks are those of {@link CustomerDraft}. */
    public static CustomerPatch fromJson(JsonObject json) {
        JsonFields fields = new JsonFields(json);
        int version = fields.integer("version").orElseThrow(() -> new InvalidInputException("version", "is required"));
        for (String field : json.fieldNames()) {
            if (!field.equals("version") && !Customer.CHANGEABLE.contains(field)
                    || field.equals("tier") || field.equals("tierReason")) {
                throw new InvalidInputException(field, "cannot be changed here");
            }
        }
        if (json.containsKey("name")) {
            fields.requiredText("name", CustomerDraft.NAME_MAX);
        }
        JsonObject copy = json.copy();
        copy.remove("version");
        return new CustomerPatch(version, copy).validated();
    }

    /**
     * {@code current} with this patch applied. A tier the rules gave is re-derived when the fields the rules read
     * change; a tier set by hand stays.
     */
    public Customer applyTo(Customer current, TierRules rules, Instant now) {
        JsonFields f = new JsonFields(fields);
        List<String> phones = f.phones("phones").orElse(current.phones());
        boolean critical = f.bool("criticalFacility").orElse(current.criticalFacility());
        CriticalReason reason = fields.containsKey("criticalReason")
                ? f.code(CriticalReason.class, "criticalReason").orElse(null)
                : critical ? current.criticalReason() : null;
        CustomerDraft.criticalReason(critical, reason);
        WaterUse waterUse = f.code(WaterUse.class, "waterUse").orElse(current.waterUse());
        CustomerKind kind = f.code(CustomerKind.class, "kind").orElse(current.kind());
        BigDecimal consumption = fields.containsKey("monthlyConsumption")
                ? f.amount("monthlyConsumption").orElse(null) : current.monthlyConsumption();
        Tier tier = current.tierReason() == null ? rules.tierFor(waterUse, kind, consumption) : current.tier();
        return new Customer(current.id(), current.accountNumber(),
                f.text("name", CustomerDraft.NAME_MAX).orElse(current.name()), phones,
                f.text("address", CustomerDraft.ADDRESS_MAX).orElse(current.address()),
                f.text("district", CustomerDraft.DISTRICT_MAX).orElse(current.district()),
                waterUse, kind, tier, current.tierReason(), critical, reason, consumption,
                f.text("notes", CustomerDraft.NOTES_MAX).orElse(current.notes()),
                current.version() + 1, current.createdAt(), now);
    }

    /** Checks every field now, so a bad patch fails before the database is asked. */
    private CustomerPatch validated() {
        JsonFields f = new JsonFields(fields);
        f.phones("phones");
        f.text("address", CustomerDraft.ADDRESS_MAX);
        f.text("district", CustomerDraft.DISTRICT_MAX);
        f.text("notes", CustomerDraft.NOTES_MAX);
        f.code(WaterUse.class, "waterUse");
        f.code(CustomerKind.class, "kind");
        f.code(CriticalReason.class, "criticalReason");
        f.bool("criticalFacility");
        f.amount("monthlyConsumption");
        return this;
    }
}
