package hotline.notify;

import io.vertx.core.Future;

/**
 * The port to a utility's SMS provider. Hotline ships one generic HTTP/JSON adapter; a provider with its own API gets
 * a class implementing this interface with a public constructor {@code (io.vertx.core.Vertx, hotline.config.Config)},
 * named in setting {@code notify.sms.adapter}. Called on an event loop; must not block.
 */
public interface SmsGateway {

    /** Succeeds once the provider took the message; fails with a {@link SendFailure} (permanent or not) otherwise. */
    Future<Void> send(SmsMessage message);

    /** Releases connections; called once at shutdown. */
    default Future<Void> close() {
        return Future.succeededFuture();
    }
}
