package hotline.ticket;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;

import java.util.List;

/**
 * Takes part in every ticket change, inside its transaction ({@code tx}): a failed future rolls the whole change
 * back. Registered with {@link TicketService#addListener} by the composition root; called on the event loop in
 * registration order, so it must not block. Tickets created together share one transaction: each listener gets the
 * whole batch ({@link #onCreated(SqlConnection, List)}) before the next listener does.
 */
public interface TicketListener {

    default Future<Void> onCreated(SqlConnection tx, Ticket created) {
        return Future.succeededFuture();
    }

    /**
     * The tickets created in one transaction, in creation order: by default {@link #onCreated(SqlConnection, Ticket)}
     * for each in turn. A listener that can do the work of many tickets in one round trip overrides this.
     */
    default Future<Void> onCreated(SqlConnection tx, List<Ticket> created) {
        Future<Void> chain = Future.succeededFuture();
        for (Ticket ticket : created) {
            chain = chain.compose(done -> onCreated(tx, ticket));
        }
        return chain;
    }

    default Future<Void> onChanged(SqlConnection tx, Ticket before, Ticket after, TicketEvent event) {
        return Future.succeededFuture();
    }
}
