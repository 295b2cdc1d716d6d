package hotline.capability;

import hotline.health.Health;
import hotline.http.ApiRoutes;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.Router;

import java.util.List;

/**
 * One capability of the server (customers, tickets, SLA, telephony, search, ...) as the composition root sees it:
 * its share of the API, its other routes, its part of {@code /health}, and what it starts and stops.
 *
 * <p>The composition root builds every capability first (constructors only wire objects and read settings; they
 * neither block on the network nor start timers), then calls {@link #start} on each in list order, waiting for one
 * before the next, and at shutdown {@link #stop} in reverse order. Both are called from a plain thread that waits on
 * the returned future; an implementation may block inside them only on a worker or virtual thread.
 */
public interface Capability {

    /** A short lower-case name for logs ("search", "telephony"). */
    String name();

    /** Operations of {@code openapi.yaml} this capability answers; mounted by every HTTP verticle. */
    default List<ApiRoutes> routes() {
        return List.of();
    }

    /** Routes outside the API contract (console pages, push streams, raw uploads), mounted before the API. */
    default List<Handler<Router>> pages() {
        return List.of();
    }

    /** Registers this capability's checks; called once, before {@link #start}. */
    default void registerHealth(Health health) {
    }

    /** Starts timers, listeners and servers; the future completes when the capability can serve. */
    default Future<Void> start() {
        return Future.succeededFuture();
    }

    /** Stops what {@link #start} started; work in flight finishes or is handed back before the future completes. */
    default Future<Void> stop() {
        return Future.succeededFuture();
    }
}
