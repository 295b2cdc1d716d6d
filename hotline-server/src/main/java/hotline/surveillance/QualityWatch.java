package hotline.surveillance;

import hotline.store.SqlTime;
import hotline.surveillance.internal.AlertSql;
import hotline.ticket.Ticket;
import hotline.ticket.TicketEvent;
import hotline.ticket.TicketListener;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Water-quality surveillance inside the report's own transaction: whenever a ticket becomes a water-quality report
 * (taste, odour, colour) in a district, that district's count for the hour is compared with the baseline of the same
 * hour in past weeks ({@link QualityAlertRule}); crossing it raises one supervisor alert per district-hour (table
 * {@code alerts}, and an outbox row of topic {@code alert} as its event). Never blocks.
 */
public final class QualityWatch implements TicketListener {

    public static final String CATEGORY = "water_quality";

    private final QualityAlertRule rule;
    private final Clock clock;

    public QualityWatch(QualityAlertRule rule, Clock clock) {
        this.rule = rule;
        this.clock = clock;
    }

    @Override
    public Future<Void> onCreated(SqlConnection tx, Ticket created) {
        return CATEGORY.equals(created.category()) ? check(tx, created) : Future.succeededFuture();
    }

    @Override
    public Future<Void> onChanged(SqlConnection tx, Ticket before, Ticket after, TicketEvent event) {
        return CATEGORY.equals(after.category()) && !CATEGORY.equals(before.category()) ? check(tx, after)
                : Future.succeededFuture();
    }

    private Future<Void> check(SqlConnection tx, Ticket ticket) {
        if (ticket.district().isBlank()) {
            return Future.succeededFuture();
        }
        Instant hour = ticket.createdAt().truncatedTo(ChronoUnit.HOURS);
        return tx.preparedQuery(AlertSql.HOURLY_COUNTS)
                .execute(Tuple.of(ticket.district(), SqlTime.param(hour), rule.weeks()))
                .compose(rows -> {
                    int count = 0;
                    List<Integer> past = new ArrayList<>();
                    for (var row : rows) {
                        if (row.getInteger("week") == 0) {
                            count = row.getInteger("reports");
                        } else {
                            past.add(row.getInteger("reports"));
                        }
                    }
                    return rule.evaluate(count, past)
                            .map(finding -> raise(tx, ticket.district(), hour, finding))
                            .orElse(Future.succeededFuture());
                });
    }

    private Future<Void> raise(SqlConnection tx, String district, Instant hour, QualityAlertRule.Finding finding) {
        Instant now = clock.instant();
        return tx.preparedQuery(AlertSql.RAISE).execute(Tuple.of(district, SqlTime.param(hour), finding.count(),
                        finding.baseline(), finding.threshold(), SqlTime.param(now)))
                .compose(rows -> {
                    if (rows.size() == 0) {
                        return Future.succeededFuture(); // this district-hour is already alerted
                    }
                    long id = rows.iterator().next().getLong("id");
                    JsonObject payload = QualityAlert.of(id, district, hour, finding, now).toJson();
                    return tx.preparedQuery(AlertSql.OUTBOX).execute(Tuple.of(id, payload, SqlTime.param(now)))
                            .mapEmpty();
                });
    }
}
