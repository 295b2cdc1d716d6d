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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.function.Function;

/**
 * Relationship health: one customer's score with its breakdown ({@link HealthScorer} over the figures read for that
 * customer) and, set-based in SQL with the same arithmetic, the customers at risk in the tier rule's order and their
 * numbers by district and tier (one computation of the list serves for a while: {@code cacheFor}). "The last 12
 * months" are 365 days back from now. Thread-safe; never blocks.
 */
public final class RelationshipHealth {

    public static final int MAX_PAGE_SIZE = 100;
    private static final Duration YEAR = Duration.ofDays(365);

    private final Pool pool;
    private final HealthScorer scorer;
    private final Clock clock;
    private final Duration cacheFor;
    private Snapshot latest;

    /** @param cacheFor how long one computation of the at-risk list serves its readers (zero: not at all) */
    public RelationshipHealth(Pool pool, HealthScorer scorer, Clock clock, Duration cacheFor) {
        this.pool = pool;
        this.scorer = scorer;
        this.clock = clock;
        this.cacheFor = cacheFor;
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
        return everyoneAtRisk().map(all -> {
            List<AtRiskCustomer> chosen = all.stream().filter(c -> district == null || c.district().equals(district))
                    .filter(c -> tier == null || c.tier().equals(tier.code())).toList();
            int from = (int) Math.min(chosen.size(), (long) (page - 1) * size);
            return new Paged<>(chosen.subList(from, Math.min(chosen.size(), from + size)), page, size, chosen.size());
        });
    }

    /** How many customers are at risk in each district and tier (only the pairs with any). */
    public Future<List<AtRiskCount>> atRiskCounts() {
        return everyoneAtRisk().map(all -> all.stream()
                .collect(Collectors.groupingBy(c -> new AtRiskCount(c.district(), c.tier(), 0), LinkedHashMap::new,
                        Collectors.counting()))
                .entrySet().stream().map(e -> new AtRiskCount(e.getKey().district(), e.getKey().tier(), e.getValue()))
                .toList());
    }

    /**
     * Every customer at risk, in the list's order: computed in SQL over all customers (seconds on a million tickets,
     * see docs/benchmarks.md), so one computation serves every page, filter, count and export for
     * {@code cacheFor}; zero computes each time.
     */
    private synchronized Future<List<AtRiskCustomer>> everyoneAtRisk() {
        Instant now = clock.instant();
        if (latest != null && now.isBefore(latest.at().plus(cacheFor))) {
            return latest.customers();
        }
        Tuple params = scoring(now).addValue(null).addValue(null).addInteger(Integer.MAX_VALUE).addLong(0L);
        Future<List<AtRiskCustomer>> computed = withCustomPlans(tx -> tx.preparedQuery(HealthSql.AT_RISK_PAGE)
                .execute(params).map(rows -> rows.stream().map(RelationshipHealth::atRisk).toList()));
        latest = new Snapshot(now, computed);
        computed.onFailure(failed -> forget(computed));
        return computed;
    }

    private synchronized void forget(Future<List<AtRiskCustomer>> failed) {
        if (latest != null && latest.customers() == failed) {
            latest = null;
        }
    }

    /** The at-risk list as computed at {@code at} (a future while it is being computed, shared by its readers). */
    private record Snapshot(Instant at, Future<List<AtRiskCustomer>> customers) {
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
            return new ReportTable(request, asOf, request.report().measures(), rows);
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
