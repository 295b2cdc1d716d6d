package hotline.customer;

import java.math.BigDecimal;
import java.util.Set;

/**
 * One line of {@code conf/tiers.json}: a customer matches when its water use and kind are among the listed ones (an
 * empty set matches all) and its monthly consumption lies in {@code [minConsumption, maxConsumption)} (m³/month;
 * a null bound is open; a rule with a bound never matches a customer whose consumption is unknown).
 */
public record TierRule(String name, Set<WaterUse> waterUses, Set<CustomerKind> kinds, BigDecimal minConsumption,
                       BigDecimal maxConsumption, Tier tier) {

    public TierRule {
        waterUses = Set.copyOf(waterUses);
        kinds = Set.copyOf(kinds);
    }

    public boolean matches(WaterUse waterUse, CustomerKind kind, BigDecimal monthlyConsumption) {
        if (!waterUses.isEmpty() && !waterUses.contains(waterUse) || !kinds.isEmpty() && !kinds.contains(kind)) {
            return false;
        }
        if (minConsumption == null && maxConsumption == null) {
            return true;
        }
        return monthlyConsumption != null
                && (minConsumption == null || monthlyConsumption.compareTo(minConsumption) >= 0)
                && (maxConsumption == null || monthlyConsumption.compareTo(maxConsumption) < 0);
    }
}
