package hotline.reports;

import hotline.reports.internal.ReportSql;
import hotline.store.SqlTime;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Reads the reports from the roll-ups that {@link ReportRollup} keeps: one query per report, summing the days of the
 * period into its days, weeks or months. Thread-safe; never blocks.
 */
public final class ReportService {

    private final Pool pool;
    private final Map<Report, Function<ReportRequest, Future<ReportTable>>> live = new ConcurrentHashMap<>();

    public ReportService(Pool pool) {
        this.pool = pool;
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
        Tuple params = Tuple.of(request.from(), request.to(), request.by().dim(), request.interval().code());
        Future<List<ReportTable.Row>> rows = pool.preparedQuery(sql(request.report())).execute(params)
                .map(result -> result.stream().map(row -> new ReportTable.Row(row.getLocalDate("period"),
                        row.getString("key"), row.getString("label"), figures(request.report()).apply(row))).toList());
        Future<Instant> asOf = pool.query(ReportSql.STATE).execute()
                .map(result -> result.size() == 0 ? null : SqlTime.instant(result.iterator().next(), "ran_at"));
        return Future.all(rows, asOf).map(both -> new ReportTable(request, asOf.result(), rows.result()));
    }

    private static String sql(Report report) {
        return switch (report) {
            case TICKETS, FCR, REPEAT_CONTACTS -> ReportSql.READ_TICKETS;
            case CALLS -> ReportSql.READ_CALLS;
            case SLA -> ReportSql.READ_SLA;
            case SATISFACTION -> ReportSql.READ_SATISFACTION;
            case COMPLAINTS -> ReportSql.READ_COMPLAINTS;
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
            case AT_RISK -> throw new IllegalStateException("the at-risk report is answered by its own capability");
        };
    }

    private static Figures.FirstContact firstContact(Row row) {
        return new Figures.FirstContact(row.getLong("contacts"), row.getLong("repeated"), row.getLong("pending"));
    }
}
