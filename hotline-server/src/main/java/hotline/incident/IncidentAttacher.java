package hotline.incident;

import hotline.followup.FollowUpPlanner;
import hotline.incident.internal.IncidentSql;
import hotline.notify.Notice;
import hotline.notify.NoticeKind;
import hotline.notify.Notices;
import hotline.sla.SlaTracker;
import hotline.store.SqlTime;
import hotline.ticket.Ticket;
import hotline.ticket.TicketEvent;
import hotline.ticket.TicketListener;
import hotline.ticket.TicketType;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.util.List;

/**
 * Attaches repair reports to incidents inside the report's own transaction: once a repair ticket has a category
 * (on create, or when {@code assess} sets it), an open incident of that category and place within the window takes
 * it as a report (its own SLA escalation stops: the incident carries it); otherwise the report opens a new incident
 * and the critical-facility customers of its district get a proactive call. Attaching is serialised per category and
 * district with a transaction-scoped advisory lock, so a burst of simultaneous reports opens exactly one incident.
 * When a report is closed by its incident ({@value IncidentService#CLOSED_ACTION}) its reporter is told (a
 * {@link NoticeKind#INCIDENT_CLOSED} notice, once per reporter and incident however many reports they made). Once the report's transaction commits, the event bus is told
 * ({@link IncidentChange#OPENED} or {@link IncidentChange#REPORT}). Registered after the {@link SlaTracker}. Never
 * blocks.
 */
public final class IncidentAttacher implements TicketListener {

    private final IncidentMatcher matcher;
    private final SlaTracker sla;
    private final IncidentNews news;

    IncidentAttacher(IncidentMatcher matcher, SlaTracker sla, IncidentNews news) {
        this.matcher = matcher;
        this.sla = sla;
        this.news = news;
    }

    @Override
    public Future<Void> onCreated(SqlConnection tx, Ticket created) {
        return attachable(created) ? attach(tx, created) : Future.succeededFuture();
    }

    @Override
    public Future<Void> onChanged(SqlConnection tx, Ticket before, Ticket after, TicketEvent event) {
        if (IncidentService.CLOSED_ACTION.equals(event.action())) {
            return notifyReporter(tx, after, event);
        }
        return before.category() == null && attachable(after) ? attach(tx, after) : Future.succeededFuture();
    }

    private static boolean attachable(Ticket ticket) {
        return ticket.type() == TicketType.REPAIR && ticket.category() != null
                && !(ticket.district().isBlank() && ticket.location().isBlank());
    }

    private Future<Void> attach(SqlConnection tx, Ticket ticket) {
        Report report = new Report(ticket.id(), ticket.category(), ticket.district(), ticket.location(),
                coordinates(ticket.details()), ticket.createdAt());
        return tx.preparedQuery(IncidentSql.LOCK_PLACE).execute(Tuple.of(report.category() + "|" + report.district()))
                .compose(locked -> tx.preparedQuery(IncidentSql.OPEN_AT).execute(Tuple.of(report.category(), report.district())))
                .compose(rows -> {
                    List<OpenIncident> open = rows.stream().map(row -> Incident.of(row).open()).toList();
                    return matcher.match(report, open)
                            .map(incident -> join(tx, ticket, incident.id()).compose(done -> sla.suspend(tx, ticket.id()))
                                    .onSuccess(done -> news.afterCommit(tx, incident, IncidentChange.REPORT)))
                            .orElseGet(() -> open(tx, ticket, report));
                });
    }

    private Future<Void> open(SqlConnection tx, Ticket ticket, Report report) {
        Coordinates at = report.coordinates();
        return tx.preparedQuery(IncidentSql.OPEN).execute(Tuple.tuple().addString(report.category())
                        .addString(report.district()).addString(report.location())
                        .addValue(at == null ? null : at.latitude()).addValue(at == null ? null : at.longitude())
                        .addLong(ticket.id()).addValue(SqlTime.param(report.at())))
                .compose(rows -> {
                    OpenIncident opened = Incident.of(rows.iterator().next()).open();
                    return join(tx, ticket, opened.id())
                            .compose(done -> FollowUpPlanner.planProactive(tx, opened.id(), report.district(), report.at()))
                            .onSuccess(done -> news.afterCommit(tx, opened, IncidentChange.OPENED));
                });
    }

    private static Future<Void> join(SqlConnection tx, Ticket ticket, long incidentId) {
        return tx.preparedQuery(IncidentSql.ATTACH)
                .execute(Tuple.of(ticket.id(), incidentId, SqlTime.param(ticket.createdAt()))).mapEmpty();
    }

    private static Future<Void> notifyReporter(SqlConnection tx, Ticket ticket, TicketEvent event) {
        JsonObject incident = event.data().getJsonObject("incident", new JsonObject());
        String reporter = reporterKey(ticket.customerId(), ticket.callerNumber());
        if (reporter == null) {
            return Future.succeededFuture();
        }
        Notice notice = new Notice(NoticeKind.INCIDENT_CLOSED, ticket.customerId(),
                ticket.customerId() == null ? ticket.callerNumber() : null, ticket.id(),
                new JsonObject().put("number", ticket.number()).put("district", ticket.district())
                        .put("resolution", incident.getString("resolution", "")),
                "incident:" + incident.getLong("id") + ":closed:" + reporter);
        return Notices.queue(tx, notice, event.at()).mapEmpty();
    }

    /** Names a reporter once across their reports: {@code c<customer id>}, else {@code p<caller number>}; null: nobody. */
    static String reporterKey(Long customerId, String callerNumber) {
        return customerId != null ? "c" + customerId
                : callerNumber == null || callerNumber.isBlank() ? null : "p" + callerNumber;
    }

    /** {@code details.coordinates = {"latitude", "longitude"}} when the report has valid ones, else null. */
    static Coordinates coordinates(JsonObject details) {
        JsonObject at = details.getJsonObject("coordinates");
        if (at == null || !(at.getValue("latitude") instanceof Number lat) || !(at.getValue("longitude") instanceof Number lon)) {
            return null;
        }
        double latitude = lat.doubleValue();
        double longitude = lon.doubleValue();
        return Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180 ? new Coordinates(latitude, longitude) : null;
    }
}
