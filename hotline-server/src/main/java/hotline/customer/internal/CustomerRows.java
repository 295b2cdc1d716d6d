package hotline.customer.internal;

import hotline.common.Code;
import hotline.customer.CriticalReason;
import hotline.customer.Customer;
import hotline.customer.CustomerDraft;
import hotline.customer.CustomerEvent;
import hotline.customer.CustomerKind;
import hotline.customer.Tier;
import hotline.customer.TierOverride;
import hotline.customer.WaterUse;
import hotline.store.SqlTime;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** Mapping between the rows of {@link CustomerSql} and the customer records. */
public final class CustomerRows {

    private CustomerRows() {
    }

    public static Customer customer(Row row) {
        return new Customer(row.getLong("id"), row.getString("account_number"), row.getString("name"),
                Arrays.asList(row.getArrayOfStrings("phones")), row.getString("address"), row.getString("district"),
                code(WaterUse.class, row.getString("water_use")), code(CustomerKind.class, row.getString("kind")),
                code(Tier.class, row.getString("tier")), row.getString("tier_reason"), row.getBoolean("critical_facility"),
                row.getString("critical_reason") == null ? null : code(CriticalReason.class, row.getString("critical_reason")),
                row.getBigDecimal("monthly_consumption"), row.getString("notes"), row.getInteger("version"),
                SqlTime.instant(row, "created_at"), SqlTime.instant(row, "updated_at"));
    }

    public static CustomerEvent event(Row row) {
        Object changes = row.getValue("changes");
        return new CustomerEvent(row.getLong("id"), SqlTime.instant(row, "at"), row.getString("actor"),
                row.getString("action"), changes instanceof JsonObject json ? json : new JsonObject(),
                row.getString("reason"));
    }

    /** A row of {@link CustomerSql#TIER_OVERRIDES}. */
    public static TierOverride tierOverride(Row row) {
        return new TierOverride(row.getLong("id"), row.getString("account_number"), row.getString("name"),
                row.getString("district"), code(Tier.class, row.getString("tier")), row.getString("tier_reason"),
                SqlTime.instant(row, "at"), row.getString("actor"));
    }

    /** Parameters of {@link CustomerSql#INSERT}. */
    public static Tuple insert(CustomerDraft draft, Instant now) {
        return Tuple.of(draft.accountNumber(), draft.name(), draft.address(), draft.district(), draft.waterUse().code(),
                        draft.kind().code(), draft.tier().code(), draft.tierReason(), draft.criticalFacility(),
                        draft.criticalReason() == null ? null : draft.criticalReason().code())
                .addValue(draft.monthlyConsumption()).addString(draft.notes()).addOffsetDateTime(SqlTime.param(now));
    }

    /** Parameters of {@link CustomerSql#UPSERT_MANY}: one array per column, one element per draft. */
    public static Tuple upsertMany(List<CustomerDraft> drafts, Instant now) {
        List<Function<CustomerDraft, String>> texts = List.of(CustomerDraft::accountNumber, CustomerDraft::name,
                CustomerDraft::address, CustomerDraft::district, draft -> draft.waterUse().code(),
                draft -> draft.kind().code(), draft -> draft.tier().code(), CustomerDraft::tierReason);
        Tuple tuple = Tuple.tuple();
        texts.forEach(column -> tuple.addArrayOfString(drafts.stream().map(column).toArray(String[]::new)));
        return tuple.addArrayOfBoolean(drafts.stream().map(CustomerDraft::criticalFacility).toArray(Boolean[]::new))
                .addArrayOfString(drafts.stream().map(draft -> draft.criticalReason() == null ? null
                        : draft.criticalReason().code()).toArray(String[]::new))
                .addArrayOfString(drafts.stream().map(draft -> draft.monthlyConsumption() == null ? null
                        : draft.monthlyConsumption().toPlainString()).toArray(String[]::new))
                .addArrayOfString(drafts.stream().map(CustomerDraft::notes).toArray(String[]::new))
                .addOffsetDateTime(SqlTime.param(now));
    }

    /** Parameters of {@link CustomerSql#UPDATE}: the new state, guarded by the version it was read at. */
    public static Tuple update(Customer customer, int readVersion) {
        return Tuple.of(customer.id(), readVersion, customer.name(), customer.address(), customer.district(),
                        customer.waterUse().code(), customer.kind().code(), customer.tier().code(), customer.tierReason(),
                        customer.criticalFacility())
                .addString(customer.criticalReason() == null ? null : customer.criticalReason().code())
                .addValue(customer.monthlyConsumption()).addString(customer.notes())
                .addOffsetDateTime(SqlTime.param(customer.updatedAt()));
    }

    private static <E extends Enum<E> & Code> E code(Class<E> type, String code) {
        return Code.parse(type, code).orElseThrow(() -> new IllegalStateException("stored " + type.getSimpleName()
                + " '" + code + "' is unknown"));
    }
}
