package hotline.console.internal.reports;

import hotline.auth.Role;
import hotline.common.Code;
import hotline.common.InvalidInputException;
import hotline.console.internal.Lang;
import hotline.console.internal.PageKit;
import hotline.console.internal.Viewer;
import hotline.followup.VisitPolicy;
import hotline.reports.Grouping;
import hotline.reports.Interval;
import hotline.reports.Report;
import hotline.reports.ReportRequest;
import hotline.reports.ReportService;
import hotline.reports.ReportTable;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /supervisor/reports}: choose a report, a period and its grouping; the page shows the chart and the table,
 * and {@code /supervisor/reports.csv} with the same parameters downloads the table (in the viewer's language). A
 * parameter the report refuses is shown next to its field (400), never a failure. Supervisors only.
 */
public final class ReportsPage implements Handler<Router> {

    /** Without parameters: the last 30 days, by day, in total. */
    private static final int DEFAULT_DAYS = 30;
    private static final DateTimeFormatter AS_OF = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final PageKit kit;
    private final ReportService reports;
    private final VisitPolicy visits;
    private final Clock clock;
    private final ZoneId zone;

    /** @param visits the return-visit programme, whose reasons label the visit report's columns */
    public ReportsPage(PageKit kit, ReportService reports, VisitPolicy visits, Clock clock, ZoneId zone) {
        this.kit = kit;
        this.reports = reports;
        this.visits = visits;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public void handle(Router router) {
        kit.page(router.get("/supervisor/reports"), kit.only(Role.SUPERVISOR), this::page);
        kit.page(router.get("/supervisor/reports.csv"), kit.only(Role.SUPERVISOR), this::csv);
    }

    /** The parameters as given, with the defaults filled in (the form shows them back as they were typed). */
    private Map<String, String> params(RoutingContext ctx) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        Map<String, String> params = new HashMap<>();
        params.put("report", param(ctx, "report", Report.TICKETS.code()));
        params.put("from", param(ctx, "from", today.minusDays(DEFAULT_DAYS - 1).toString()));
        params.put("to", param(ctx, "to", today.toString()));
        params.put("interval", param(ctx, "interval", Interval.DAY.code()));
        params.put("by", param(ctx, "by", null));
        return params;
    }

    private static String param(RoutingContext ctx, String name, String fallback) {
        String value = ctx.request().getParam(name);
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    private static ReportRequest request(Map<String, String> params) {
        return ReportRequest.parse(params.get("report"), params.get("from"), params.get("to"), params.get("interval"),
                params.get("by"));
    }

    private void page(RoutingContext ctx) {
        Viewer viewer = Viewer.of(ctx);
        Map<String, String> params = params(ctx);
        Map<String, Object> model = kit.model(ctx);
        Report chosen = Code.parse(Report.class, params.get("report")).orElse(Report.TICKETS);
        model.put("form", params);
        model.put("reports", Code.codes(Report.class));
        model.put("intervals", Code.codes(Interval.class));
        model.put("groupings", chosen.groupings().stream().map(Grouping::code).toList());
        model.put("chosen", chosen.code());
        ReportRequest request;
        try {
            request = request(params);
        } catch (InvalidInputException invalid) {
            model.put("error", Map.of("field", invalid.field(), "message", invalid.getMessage()));
            ctx.response().setStatusCode(400);
            kit.render(ctx, "supervisor/reports.ftlh", model);
            return;
        }
        model.put("form", Map.of("report", request.report().code(), "from", request.from().toString(),
                "to", request.to().toString(), "interval", request.interval().code(), "by", request.by().code()));
        reports.read(request).onFailure(ctx::fail).onSuccess(table -> {
            ReportView.Table view = view(table, viewer.lang());
            model.put("header", view.header());
            model.put("rows", view.rows());
            model.put("firstMeasure", view.header().size() - table.measures().size());
            model.put("chart", ReportView.chart(table, viewer.lang()).encode());
            model.put("asOf", table.asOf() == null ? "" : AS_OF.format(table.asOf().atZone(zone)));
            model.put("csv", "/supervisor/reports.csv?report=" + request.report().code() + "&from=" + request.from()
                    + "&to=" + request.to() + "&interval=" + request.interval().code() + "&by=" + request.by().code());
            kit.render(ctx, "supervisor/reports.ftlh", model);
        });
    }

    private void csv(RoutingContext ctx) {
        ReportRequest request = request(params(ctx));
        Lang lang = Viewer.of(ctx).lang();
        reports.read(request).onFailure(ctx::fail).onSuccess(table -> {
            ReportView.Table view = view(table, lang);
            ctx.response().putHeader("Content-Type", "text/csv; charset=utf-8")
                    .putHeader("Content-Disposition", "attachment; filename=\"" + fileName(table) + "\"")
                    .putHeader("Cache-Control", "no-store")
                    .end(Buffer.buffer(CsvExport.write(view.header(), view.rows())));
        });
    }

    private ReportView.Table view(ReportTable table, Lang lang) {
        return ReportView.table(table, lang, code -> visits.reason(code).map(reason -> reason.label(lang.code()))
                .orElse(code));
    }

    private static String fileName(ReportTable table) {
        ReportRequest request = table.request();
        return String.join("-", List.of("hotline", request.report().code(), request.by().code(),
                request.from().toString(), request.to().toString())) + ".csv";
    }
}
