package hotline.outage;

import hotline.notify.NoticeKind;
import hotline.notify.Notices;
import hotline.outage.internal.OutageSql;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Queues a shut-off's notices to every customer it affects, in the caller's transaction, one set-based insert each.
 * The dedupe keys name the reason once: {@code outage:<id>:notice}, {@code outage:<id>:reminder},
 * {@code outage:<id>:extended:<n>}, {@code outage:<id>:restored} (each followed by {@code :<customer id>}), so a
 * retried change or a second instance never tells anyone twice. Thread-safe.
 */
final class OutageNotices {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ZoneId zone;

    OutageNotices(ZoneId zone) {
        this.zone = zone;
    }

    /** The first notice; answers how many were queued. */
    Future<Integer> notice(SqlConnection tx, Outage outage, Instant now) {
        return queue(tx, NoticeKind.OUTAGE_NOTICE, outage, "notice", variables(outage), now);
    }

    Future<Integer> reminder(SqlConnection tx, Outage outage, Instant now) {
        return queue(tx, NoticeKind.OUTAGE_REMINDER, outage, "reminder", variables(outage), now);
    }

    /**
     * The {@code n}th "extended": a supervisor moved the end from {@code previousEnd} to the outage's {@code endsAt},
     * or ({@code overrun}) the end passed with supply still off and no new end known.
     */
    Future<Integer> extended(SqlConnection tx, Outage outage, int n, Instant previousEnd, boolean overrun, Instant now) {
        JsonObject variables = variables(outage).put("previousEndsAt", previousEnd.toString())
                .put("previousEndsLocal", local(previousEnd)).put("overrun", overrun);
        return queue(tx, NoticeKind.OUTAGE_EXTENDED, outage, "extended:" + n, variables, now);
    }

    Future<Integer> restored(SqlConnection tx, Outage outage, Instant now) {
        return queue(tx, NoticeKind.SUPPLY_RESTORED, outage, "restored", variables(outage), now);
    }

    private Future<Integer> queue(SqlConnection tx, NoticeKind kind, Outage outage, String reason, JsonObject variables,
                                  Instant now) {
        return Notices.queueForCustomers(tx, kind, variables, "outage:" + outage.id() + ":" + reason, now,
                OutageSql.CUSTOMERS, List.of(outage.id()));
    }

    /** What every outage template may fill in: the window as instants and in the utility's local time. */
    private JsonObject variables(Outage outage) {
        return new JsonObject().put("outageId", outage.id()).put("reason", outage.reason())
                .put("areaKind", outage.areaKind().code()).put("area", new JsonArray(outage.area()))
                .put("startsAt", outage.startsAt().toString()).put("endsAt", outage.endsAt().toString())
                .put("startsLocal", local(outage.startsAt())).put("endsLocal", local(outage.endsAt()));
    }

    private String local(Instant instant) {
        return LOCAL.format(instant.atZone(zone));
    }
}
