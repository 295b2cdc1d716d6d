package hotline.reports;

import hotline.reports.internal.ReportSql;
import hotline.store.SqlTime;
import hotline.ticket.workflow.VisitAnswers;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Reads the reports: from the roll-ups that {@link ReportRollup} keeps, one query per report summing the days of the
 * period into its days, weeks or months; the two return-visit reports straight from the follow-ups (see
 * {@link ReportSql#READ_VISITS}). Thread-safe; never blocks.
 */
public final class ReportService {

    private final Pool pool;
    private final Clock clock;
    private final ZoneId zone;
    private final List<String> reasonCodes;
    private final Map<Report, Function<ReportRequest, Future<ReportTable>>> live = new ConcurrentHashMap<>();

    /** @param reasonCodes the reasons of the return-visit programme, in the order the visit report shows them */
    public ReportService(Pool pool, Clock clock, ZoneId zone, List<String> reasonCodes) {
        this.pool = pool;
        this.clock = clock;
        this.zone = zone;
        this.reasonCodes = List.copyOf(reasonCodes);
    }

    /**
     * Lets the capability that owns a report's data answer it (a count as of now rather than a roll-up); set while
     * the application is composed, before it serves.
     */
    public void answerWith(Report report, Function<ReportRequest, Future<ReportTable>> reader) {
        live.put(report, reader);
    }

    public Future<ReportTable> read(ReportRequest request) {
        Function<ReportRequest, Future<ReportTable>> reader = live.get(request.report());
        if (reader != null) {
            return reader.apply(request);
        }
        return switch (request.report()) {
            case VISITS, SATISFACTION_TREND -> visits(request);
            default -> rollups(request);
        };
    }

    private Future<ReportTable> rollups(ReportRequest request) {
        Tuple params = Tuple.of(request.from(), request.to(), request.by().dim(), request.interval().code());
        Future<List<ReportTable.Row>> rows = pool.preparedQuery(sql(request.report())).execute(params)
                .map(result -> result.stream().map(row -> new ReportTable.Row(row.getLocalDate("period"),
                        row.getString("key"), row.getString("label"), figures(request.report()).apply(row))).toList());
        Future<Instant> asOf = pool.query(ReportSql.STATE).execute()
                .map(result -> result.size() == 0 ? null : SqlTime.instant(result.iterator().next(), "ran_at"));
        return Future.all(rows, asOf).map(both -> new ReportTable(request, asOf.result(), request.report().measures(),
                rows.result()));
    }

    private static String sql(Report report) {
        return switch (report) {
            case TICKETS, FCR, REPEAT_CONTACTS -> ReportSql.READ_TICKETS;
            case CALLS -> ReportSql.READ_CALLS;
            case SLA -> ReportSql.READ_SLA;
            case SATISFACTION -> ReportSql.READ_SATISFACTION;
            case COMPLAINTS -> ReportSql.READ_COMPLAINTS;
            case VISITS, SATISFACTION_TREND -> throw new IllegalArgumentException(report + " has no roll-up");
            case AT_RISK -> throw new IllegalStateException("the at-risk report is answered by its own capability");
        };
    }

    private static Function<Row, Figures> figures(Report report) {
        return switch (report) {
            case TICKETS -> row -> new Figures.Tickets(row.getLong("tickets"));
            case FCR -> ReportService::firstContact;
            case REPEAT_CONTACTS -> row -> new Figures.RepeatContacts(firstContact(row));
            case CALLS -> row -> new Figures.Calls(row.getLong("offered"), row.getLong("answered"),
                    row.getLong("abandoned"), row.getLong("short_abandoned"), row.getLong("answered_within"),
                    row.getLong("wait_seconds"), row.getLong("handle_seconds"));
            case SLA -> row -> new Figures.Sla(row.getLong("due"), row.getLong("met"), row.getLong("breached"),
                    row.getLong("pending"), row.getLong("first_response_breached"));
            case SATISFACTION -> row -> new Figures.Satisfaction(row.getLong("answers"), row.getLong("score_sum"),
                    row.getLong("satisfied"));
            case COMPLAINTS -> row -> new Figures.Complaints(row.getLong("complaints"), row.getLong("customers"));
            case SATISFACTION_TREND -> row -> new Figures.Indicators(row.getLong("answers"), row.getLong("overall_sum"),
                    row.getLong("speed_sum"), row.getLong("speed_answers"), row.getLong("attitude_sum"),
                    row.getLong("attitude_answers"), row.getLong("result_sum"), row.getLong("result_answers"));
            case VISITS -> throw new IllegalArgumentException("the visits report needs its reasons");
            case AT_RISK -> throw new IllegalStateException("the at-risk report is answered by its own capability");
        };
    }

    private static Figures.FirstContact firstContact(Row row) {
        return new Figures.FirstContact(row.getLong("contacts"), row.getLong("repeated"), row.getLong("pending"));
    }

    /** A period and key of a report's rows. */
    private record Cell(LocalDate period, String key) {
    }

    private Future<ReportTable> visits(ReportRequest request) {
        Instant now = clock.instant();
        Future<List<Row>> counts = pool.preparedQuery(ReportSql.READ_VISITS)
                .execute(span(request).addInteger(VisitAnswers.SATISFIED_FROM).addInteger(VisitAnswers.DISSATISFIED_UP_TO))
                .map(rows -> rows.stream().toList());
        Future<Map<Cell, Map<String, Long>>> reasons = request.report() != Report.VISITS
                ? Future.succeededFuture(Map.of())
                : pool.preparedQuery(ReportSql.READ_VISIT_REASONS)
                .execute(span(request).addInteger(VisitAnswers.DISSATISFIED_UP_TO)).map(rows -> {
                    Map<Cell, Map<String, Long>> byCell = new HashMap<>();
                    rows.forEach(row -> byCell.computeIfAbsent(new Cell(row.getLocalDate("period"), row.getString("key")),
                            cell -> new HashMap<>()).put(row.getString("reason"), row.getLong("visits")));
                    return byCell;
                });
        return Future.all(counts, reasons).map(both -> {
            if (request.report() == Report.SATISFACTION_TREND) {
                return new ReportTable(request, now, request.report().measures(), counts.result().stream()
                        .map(row -> row(row, figures(Report.SATISFACTION_TREND).apply(row))).toList());
            }
            List<String> codes = reasonColumns(reasons.result());
            List<ReportTable.Row> rows = counts.result().stream().map(row -> {
                Map<String, Long> given = reasons.result().getOrDefault(new Cell(row.getLocalDate("period"),
                        row.getString("key")), Map.of());
                Map<String, Long> perReason = new LinkedHashMap<>();
                codes.forEach(code -> perReason.put(code, given.getOrDefault(code, 0L)));
                return row(row, new Figures.Visits(row.getLong("done"), row.getLong("answered"),
                        row.getLong("unreachable"), row.getLong("satisfied"), row.getLong("dissatisfied"), perReason));
            }).toList();
            List<String> measures = Stream.concat(request.report().measures().stream(),
                    codes.stream().map(code -> Figures.REASON + code)).toList();
            return new ReportTable(request, now, measures, rows);
        });
    }

    /** The programme's reasons, then any other found (one taken off the list since), so no answer drops out. */
    private List<String> reasonColumns(Map<Cell, Map<String, Long>> found) {
        List<String> codes = new ArrayList<>(reasonCodes);
        TreeSet<String> others = new TreeSet<>();
        found.values().forEach(counts -> others.addAll(counts.keySet()));
        others.removeAll(reasonCodes);
        codes.addAll(others);
        return codes;
    }

    private static ReportTable.Row row(Row row, Figures figures) {
        return new ReportTable.Row(row.getLocalDate("period"), row.getString("key"), row.getString("label"), figures);
    }

    /** $1..$5 of the visit reads: the period's first and end instant, grouping, interval and zone. */
    private Tuple span(ReportRequest request) {
        return Tuple.of(SqlTime.param(request.from().atStartOfDay(zone).toInstant()),
                SqlTime.param(request.to().plusDays(1).atStartOfDay(zone).toInstant()), request.by().dim(),
                request.interval().code(), zone.getId());
    }
}
