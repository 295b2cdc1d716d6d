package hotline.ticket;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;

/**
 * Takes part in every ticket change, inside its transaction ({@code tx}): a failed future rolls the whole change
 * back. Registered with {@link TicketService#addListener} by the composition root; called on the event loop in
 * registration order, so it must not block.
 */
public interface TicketListener {

    default Future<Void> onCreated(SqlConnection tx, Ticket created) {
        return Future.succeededFuture();
    }

    default Future<Void> onChanged(SqlConnection tx, Ticket before, Ticket after, TicketEvent event) {
        return Future.succeededFuture();
    }
}
