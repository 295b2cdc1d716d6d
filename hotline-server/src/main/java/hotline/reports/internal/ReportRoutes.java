package hotline.reports.internal;

import hotline.auth.Access;
import hotline.auth.Role;
import hotline.http.ApiRoutes;
import hotline.http.Requests;
import hotline.http.Responses;
import hotline.reports.Report;
import hotline.reports.ReportRequest;
import hotline.reports.ReportService;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;

import java.util.Map;

/**
 * One read per report ({@code /reports/tickets}, {@code calls}, {@code fcr}, {@code sla}, {@code satisfaction},
 * {@code complaints}, {@code visits}, {@code satisfaction_trend}, {@code repeat_contacts}, {@code at_risk}),
 * supervisors only: a report's path is its code. One operation each rather than one parameterised read, so the
 * contract states each report's own groupings (an unknown one is refused by the validator, naming {@code by}) and its
 * own definitions.
 */
public final class ReportRoutes implements ApiRoutes {

    private static final Map<String, Report> OPERATIONS = Map.of(
            "ticketVolumeReport", Report.TICKETS,
            "callReport", Report.CALLS,
            "firstContactResolutionReport", Report.FCR,
            "slaComplianceReport", Report.SLA,
            "satisfactionReport", Report.SATISFACTION,
            "complaintRateReport", Report.COMPLAINTS,
            "visitReport", Report.VISITS,
            "satisfactionTrendReport", Report.SATISFACTION_TREND,
            "repeatContactReport", Report.REPEAT_CONTACTS,
            "atRiskReport", Report.AT_RISK);

    private final ReportService reports;

    public ReportRoutes(ReportService reports) {
        this.reports = reports;
    }

    @Override
    public void mount(RouterBuilder builder) {
        OPERATIONS.forEach((operation, report) -> builder.getRoute(operation)
                .addHandler(Access.requireRole(Role.SUPERVISOR)).addHandler(ctx -> read(ctx, report)));
    }

    private void read(RoutingContext ctx, Report report) {
        ReportRequest request = ReportRequest.parse(report.code(), query(ctx, "from"), query(ctx, "to"),
                query(ctx, "interval"), query(ctx, "by"));
        reports.read(request).onSuccess(table -> Responses.ok(ctx, table.toJson())).onFailure(ctx::fail);
    }

    private static String query(RoutingContext ctx, String name) {
        return Requests.query(ctx, name).orElse(null);
    }
}
