package hotline.sla;

import hotline.ticket.Ticket;
import hotline.ticket.TicketViewExtension;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;

/** What {@code getTicket} shows of the SLA: {@code sla} (due times, level, breaches; null before SLA tracking). */
final class SlaView implements TicketViewExtension {

    private final Pool pool;

    SlaView(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Future<JsonObject> extend(Ticket ticket) {
        return SlaTracker.find(pool, ticket.id())
                .map(sla -> new JsonObject().put("sla", sla.map(SlaState::toJson).orElse(null)));
    }
}
