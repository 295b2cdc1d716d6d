package hotline.relationship;

import hotline.common.Code;
import hotline.common.NotFoundException;
import hotline.customer.Tier;
import hotline.relationship.internal.HealthSql;
import hotline.reports.Figures;
import hotline.reports.Grouping;
import hotline.reports.ReportRequest;
import hotline.reports.ReportTable;
import hotline.store.SqlTime;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Relationship health: one customer's score with its breakdown ({@link HealthScorer} over the figures read for that
 * customer) and, set-based in SQL with the same arithmetic, the customers at risk in the tier rule's order and their
 * numbers by district and tier. "The last 12 months" are 365 days back from now. Thread-safe; never blocks.
 */
public final class RelationshipHealth {

    public static final int MAX_PAGE_SIZE = 100;
    private static final Duration YEAR = Duration.ofDays(365);

    private final Pool pool;
    private final HealthScorer scorer;
    private final Clock clock;

    public RelationshipHealth(Pool pool, HealthScorer scorer, Clock clock) {
        this.pool = pool;
        this.scorer = scorer;
        this.clock = clock;
    }

    public HealthWeights weights() {
        return scorer.weights();
    }

    /** The customer's score and breakdown now; 404 for an unknown customer. */
    public Future<HealthScore> of(long customerId) {
        Instant now = clock.instant();
        return withCustomPlans(tx -> tx.preparedQuery(HealthSql.CUSTOMER_FIGURES)
                .execute(window(now).addLong(customerId)).map(rows -> {
                    if (rows.size() == 0) {
                        throw new NotFoundException("no customer " + customerId);
                    }
                    Row row = rows.iterator().next();
                    return scorer.score(figures(row), Code.parse(Tier.class, row.getString("tier")).orElseThrow(), now);
                }));
    }

    /** A page of the customers at risk (district and tier: null for all), key customers first, lowest score first. */
    public Future<Paged<AtRiskCustomer>> atRisk(String district, Tier tier, int page, int size) {
        Tuple params = scoring(clock.instant()).addString(district).addString(tier == null ? null : tier.code())
                .addInteger(size).addLong((long) (page - 1) * size);
        return withCustomPlans(tx -> tx.preparedQuery(HealthSql.AT_RISK_PAGE).execute(params).map(rows -> {
            List<AtRiskCustomer> items = new ArrayList<>();
            long total = 0;
            for (Row row : rows) {
                items.add(atRisk(row));
                total = row.getLong("total");
            }
            return new Paged<>(items, page, size, total);
        }));
    }

    /** How many customers are at risk in each district and tier (only the pairs with any). */
    public Future<List<AtRiskCount>> atRiskCounts() {
        Tuple params = scoring(clock.instant());
        return withCustomPlans(tx -> tx.preparedQuery(HealthSql.AT_RISK_COUNTS).execute(params)
                .map(rows -> rows.stream().map(row -> new AtRiskCount(row.getString("district"),
                        row.getString("tier"), row.getLong("at_risk"))).toList()));
    }

    /**
     * The at-risk report of the reports page and API: the counts now, one row per district (or one in total) by tier,
     * dated the request's last day.
     */
    public Future<ReportTable> atRiskReport(ReportRequest request) {
        Instant asOf = clock.instant();
        boolean byDistrict = request.by() == Grouping.DISTRICT;
        return atRiskCounts().map(counts -> {
            Map<String, long[]> byKey = new TreeMap<>();
            for (AtRiskCount count : counts) {
                long[] tiers = byKey.computeIfAbsent(byDistrict ? count.district() : "", key -> new long[3]);
                tiers[Code.parse(Tier.class, count.tier()).orElseThrow().ordinal()] += count.atRisk();
            }
            List<ReportTable.Row> rows = byKey.entrySet().stream().map(entry -> new ReportTable.Row(request.to(),
                    entry.getKey(), null, new Figures.AtRisk(entry.getValue()[Tier.KEY.ordinal()],
                    entry.getValue()[Tier.ORDINARY.ordinal()], entry.getValue()[Tier.SMALL.ordinal()]))).toList();
            return new ReportTable(request, asOf, rows);
        });
    }

    /** The customers at risk in one district and tier. */
    public record AtRiskCount(String district, String tier, long atRisk) {
    }

    /** $1 now, $2 a year ago, $3 the start of the bad-visit window. */
    private Tuple window(Instant now) {
        return Tuple.of(SqlTime.param(now), SqlTime.param(now.minus(YEAR)),
                SqlTime.param(now.minus(Duration.ofDays(scorer.weights().badFollowUpDays()))));
    }

    /** The window, all customers ($4 null), and the weights $5..$18 in {@link HealthSql}'s order. */
    private Tuple scoring(Instant now) {
        HealthWeights weights = scorer.weights();
        Tuple params = window(now).addValue(null).addLong((long) weights.base()).addLong((long) weights.atRiskBelow());
        for (Indicator indicator : List.of(Indicator.COMPLAINTS, Indicator.UNRESOLVED, Indicator.SATISFACTION,
                Indicator.REPEAT_CONTACTS, Indicator.ESCALATIONS, Indicator.TENURE)) {
            params.addLong((long) weights.of(indicator).perUnit()).addLong((long) weights.of(indicator).max());
        }
        return params;
    }

    private <T> Future<T> withCustomPlans(Function<SqlConnection, Future<T>> work) {
        return pool.withTransaction(tx -> tx.query(HealthSql.CUSTOM_PLANS).execute().compose(done -> work.apply(tx)));
    }

    private static HealthIndicators figures(Row row) {
        return new HealthIndicators(row.getLong("complaints"), row.getLong("unresolved"),
                row.getLong("open_complaints"), row.getLong("answers"), row.getLong("score_sum"),
                row.getLong("bad_follow_ups"), row.getLong("repeat_contacts"), row.getLong("escalations"),
                SqlTime.instant(row, "created_at"));
    }

    private static AtRiskCustomer atRisk(Row row) {
        List<RiskReason> risks = Arrays.stream(row.getArrayOfStrings("risks"))
                .map(code -> Code.parse(RiskReason.class, code).orElseThrow()).toList();
        return new AtRiskCustomer(row.getLong("id"), row.getString("account_number"), row.getString("name"),
                row.getString("district"), row.getString("tier"), row.getString("critical_reason"),
                row.getLong("score").intValue(), risks, row.getLong("complaints"), row.getLong("open_complaints"),
                row.getLong("bad_follow_ups"));
    }
}
