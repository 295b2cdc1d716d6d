package hotline.customer;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;

/**
 * Told of every change to a customer inside the change's own transaction (a failure rolls the change back); the
 * SLA uses it to recompute the due times of a customer's open tickets when the tier or critical flag moves.
 * Registered by the composition root before the server takes traffic.
 */
@FunctionalInterface
public interface CustomerListener {

    Future<Void> onChanged(SqlConnection tx, Customer before, Customer after);
}
