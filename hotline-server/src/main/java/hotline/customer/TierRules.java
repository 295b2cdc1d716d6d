package hotline.customer;

import hotline.common.Code;
import hotline.config.ConfFiles;
import hotline.config.Config;
import hotline.config.ConfigException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The customer-tier rules of {@code conf/tiers.json}: the first {@link TierRule} that matches decides the tier; none
 * matching gives {@code default}. File format:
 * <pre>{"default": "ordinary", "rules": [{"name": "...", "waterUse": ["public"], "kind": ["organisation"],
 *   "minConsumption": 500, "maxConsumption": null, "tier": "key"}]}</pre>
 * A bad file fails start-up with a {@link ConfigException} naming the entry ({@code rules[2].tier}). Immutable and
 * thread-safe.
 */
public final class TierRules {

    /** Path of the rule file; default {@code conf/tiers.json}. */
    public static final String FILE = "customers.tierRules";
    private static final Set<String> RULE_KEYS = Set.of("name", "waterUse", "kind", "minConsumption", "maxConsumption", "tier");

    private final Tier fallback;
    private final List<TierRule> rules;

    public TierRules(Tier fallback, List<TierRule> rules) {
        this.fallback = fallback;
        this.rules = List.copyOf(rules);
    }

    /**
     * The rules of the file {@link #FILE} names when set, else {@code conf/tiers.json} when present, else the rules
     * shipped in the jar (a copy of the repository's {@code conf/tiers.json}).
     */
    public static TierRules load(Config config) {
        return ConfFiles.locate(config.string(FILE), "tiers.json", json -> parse(json, "tiers.json"));
    }

    /** Validates the rule file's JSON; {@code source} names it in errors. */
    public static TierRules parse(JsonObject json, String source) {
        for (String key : json.fieldNames()) {
            if (!key.equals("default") && !key.equals("rules")) {
                throw new ConfigException(source + ": unknown entry '" + key + "' (expected default, rules)");
            }
        }
        Tier fallback = code(Tier.class, json.getValue("default"), source + ": default");
        if (!(json.getValue("rules") instanceof JsonArray array)) {
            throw new ConfigException(source + ": rules: expected a list of rules");
        }
        List<TierRule> rules = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String where = source + ": rules[" + i + "]";
            if (!(array.getValue(i) instanceof JsonObject rule)) {
                throw new ConfigException(where + ": expected an object");
            }
            rules.add(rule(rule, where));
        }
        return new TierRules(fallback, rules);
    }

    private static TierRule rule(JsonObject rule, String where) {
        for (String key : rule.fieldNames()) {
            if (!RULE_KEYS.contains(key)) {
                throw new ConfigException(where + "." + key + ": unknown entry (expected one of " + RULE_KEYS + ")");
            }
        }
        if (!(rule.getValue("name") instanceof String name) || name.isBlank()) {
            throw new ConfigException(where + ".name: a name saying what the rule is for is required");
        }
        BigDecimal min = amount(rule.getValue("minConsumption"), where + ".minConsumption");
        BigDecimal max = amount(rule.getValue("maxConsumption"), where + ".maxConsumption");
        if (min != null && max != null && min.compareTo(max) >= 0) {
            throw new ConfigException(where + ": minConsumption must be below maxConsumption");
        }
        return new TierRule(name, codes(WaterUse.class, rule.getValue("waterUse"), where + ".waterUse"),
                codes(CustomerKind.class, rule.getValue("kind"), where + ".kind"), min, max,
                code(Tier.class, rule.getValue("tier"), where + ".tier"));
    }

    private static <E extends Enum<E> & Code> E code(Class<E> type, Object value, String where) {
        return Code.parse(type, value instanceof String text ? text : null).orElseThrow(() ->
                new ConfigException(where + ": expected one of " + Code.codes(type) + ", got " + value));
    }

    private static <E extends Enum<E> & Code> Set<E> codes(Class<E> type, Object value, String where) {
        Set<E> codes = EnumSet.noneOf(type);
        if (value == null) {
            return codes;
        }
        if (!(value instanceof JsonArray array) || array.isEmpty()) {
            throw new ConfigException(where + ": expected a non-empty list of " + Code.codes(type));
        }
        for (int i = 0; i < array.size(); i++) {
            codes.add(code(type, array.getValue(i), where + "[" + i + "]"));
        }
        return codes;
    }

    private static BigDecimal amount(Object value, String where) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof Number number) || new BigDecimal(number.toString()).signum() < 0) {
            throw new ConfigException(where + ": expected a number of m³/month >= 0, got " + value);
        }
        return new BigDecimal(number.toString());
    }

    /** The tier of a customer with these facts; {@code monthlyConsumption} (m³/month) may be null. */
    public Tier tierFor(WaterUse waterUse, CustomerKind kind, BigDecimal monthlyConsumption) {
        return rules.stream().filter(rule -> rule.matches(waterUse, kind, monthlyConsumption))
                .map(TierRule::tier).findFirst().orElse(fallback);
    }

    public List<TierRule> rules() {
        return rules;
    }
}
