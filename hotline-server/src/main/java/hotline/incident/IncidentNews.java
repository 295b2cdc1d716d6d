package hotline.incident;

import hotline.auth.Principal;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Transaction;

/**
 * Tells the event bus ({@value IncidentService#BUS_ADDRESS}) that an incident changed, only once the change is
 * committed: a change that rolls back is never told. Thread-safe; never blocks.
 */
final class IncidentNews {

    private final EventBus bus;

    IncidentNews(EventBus bus) {
        this.bus = bus;
    }

    /**
     * Tells now (for a change already committed) of {@code change} to {@code incident} by {@code actor} (null: a
     * report): {@code {"id", "kind", "category", "district", "otherId", "actorId"}}; {@code otherId} is the incident
     * merged into this one ({@link IncidentChange#MERGED}), or the one this new incident was split off
     * ({@link IncidentChange#SPLIT}), else null.
     */
    void told(OpenIncident incident, IncidentChange change, Long otherId, Principal actor) {
        bus.publish(IncidentService.BUS_ADDRESS, new JsonObject().put("id", incident.id()).put("kind", change.code())
                .put("category", incident.category()).put("district", incident.district()).put("otherId", otherId)
                .put("actorId", actor == null ? null : actor.id()));
    }

    /** Tells of {@code change} when transaction {@code tx} commits (at once if it is not in one). */
    void afterCommit(SqlConnection tx, OpenIncident incident, IncidentChange change) {
        Transaction transaction = tx.transaction();
        Future<Void> committed = transaction == null ? Future.succeededFuture() : transaction.completion();
        committed.onSuccess(done -> told(incident, change, null, null));
    }
}
