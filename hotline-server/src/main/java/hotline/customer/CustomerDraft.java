package hotline.customer;

import hotline.common.InvalidInputException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A new customer (or, in an import, the new state of one) as validated input: every rule of a customer's fields
 * holds. {@code tier} is null when the tier rules should decide; {@code tierReason} comes with an explicit tier.
 *
 * @param monthlyConsumption m³ per month, null when unknown
 */
public record CustomerDraft(String accountNumber, String name, List<String> phones, String address, String district,
                            WaterUse waterUse, CustomerKind kind, Tier tier, String tierReason,
                            boolean criticalFacility, CriticalReason criticalReason, BigDecimal monthlyConsumption,
                            String notes) {

    /** An account number (户号) is this many digits. */
    public static final int ACCOUNT_MIN_DIGITS = 6;
    public static final int ACCOUNT_MAX_DIGITS = 12;
    public static final int MAX_PHONES = 5;
    public static final int NAME_MAX = 100;
    public static final int ADDRESS_MAX = 300;
    public static final int DISTRICT_MAX = 50;
    public static final int NOTES_MAX = 2000;
    public static final int REASON_MAX = 500;
    private static final Pattern ACCOUNT_NUMBER =
            Pattern.compile("[0-9]{" + ACCOUNT_MIN_DIGITS + "," + ACCOUNT_MAX_DIGITS + "}");

    public CustomerDraft {
        phones = List.copyOf(phones);
    }

    /** Reads and validates the JSON of {@code POST /api/customers} (camelCase, as {@link Customer#toJson()}). */
    public static CustomerDraft fromJson(JsonObject json) {
        JsonFields fields = new JsonFields(json);
        String account = accountNumber(fields.requiredText("accountNumber", ACCOUNT_MAX_DIGITS));
        String name = fields.requiredText("name", NAME_MAX);
        List<String> phones = fields.phones("phones").orElseThrow(() -> new InvalidInputException("phones", "is required"));
        Tier tier = fields.code(Tier.class, "tier").orElse(null);
        String tierReason = fields.text("tierReason", REASON_MAX).filter(text -> !text.isBlank()).orElse(null);
        if (tier != null && tierReason == null) {
            throw new InvalidInputException("tierReason", "is required with an explicit tier (a manual override)");
        }
        if (tier == null && tierReason != null) {
            throw new InvalidInputException("tierReason", "only goes with an explicit tier");
        }
        boolean critical = fields.bool("criticalFacility").orElse(false);
        CriticalReason criticalReason = criticalReason(critical, fields.code(CriticalReason.class, "criticalReason").orElse(null));
        return new CustomerDraft(account, name, phones, fields.text("address", ADDRESS_MAX).orElse(""),
                fields.text("district", DISTRICT_MAX).orElse(""),
                fields.requiredCode(WaterUse.class, "waterUse"), fields.requiredCode(CustomerKind.class, "kind"),
                tier, tierReason, critical, criticalReason, fields.amount("monthlyConsumption").orElse(null),
                fields.text("notes", NOTES_MAX).orElse(""));
    }

    /** {@code raw} when it is an account number; else an {@link InvalidInputException} on {@code accountNumber}. */
    public static String accountNumber(String raw) {
        if (!ACCOUNT_NUMBER.matcher(raw).matches()) {
            throw new InvalidInputException("accountNumber",
                    "must be " + ACCOUNT_MIN_DIGITS + " to " + ACCOUNT_MAX_DIGITS + " digits");
        }
        return raw;
    }

    /** A critical facility needs its reason; a reason without the flag is a mistake, not something to drop. */
    static CriticalReason criticalReason(boolean critical, CriticalReason reason) {
        if (critical && reason == null) {
            throw new InvalidInputException("criticalReason", "is required for a critical facility");
        }
        if (!critical && reason != null) {
            throw new InvalidInputException("criticalReason", "only goes with criticalFacility true");
        }
        return reason;
    }

    /** The fields as the API names them, as events record the state a customer was given. */
    public JsonObject fields() {
        return new JsonObject()
                .put("name", name)
                .put("phones", new JsonArray(phones))
                .put("address", address)
                .put("district", district)
                .put("waterUse", waterUse.code())
                .put("kind", kind.code())
                .put("tier", tier == null ? null : tier.code())
                .put("tierReason", tierReason)
                .put("criticalFacility", criticalFacility)
                .put("criticalReason", criticalReason == null ? null : criticalReason.code())
                .put("monthlyConsumption", monthlyConsumption)
                .put("notes", notes);
    }

    /** This draft with the tier the rules give when none was set by hand. */
    public CustomerDraft withRuleTier(TierRules rules) {
        if (tier != null) {
            return this;
        }
        return new CustomerDraft(accountNumber, name, phones, address, district, waterUse, kind,
                rules.tierFor(waterUse, kind, monthlyConsumption), null, criticalFacility, criticalReason,
                monthlyConsumption, notes);
    }
}
