package hotline.telephony.switchboard.internal;

import hotline.telephony.TelephonyAddresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Supplier;

/**
 * Carries an {@link AmiRequest} to Asterisk through whichever instance holds the AMI link. On the holder it goes
 * straight to the link; on another instance of a cluster it is asked of the holder over the event bus
 * ({@link TelephonyAddresses#AMI_ACTIONS}), which the holder serves only while its link is up (checked every
 * {@value #WATCH_MS} ms); a single instance without the link fails at once. Failures: {@link LinkDownException}
 * (nobody holds the link, or the holder did not answer in time), {@link RefusedException} (Asterisk said no).
 * Asterisk-Java's blocking calls run off the event loop.
 */
public final class LinkRelay {

    /** How often an instance checks whether it holds the link, to serve the others' actions or stop serving them. */
    static final long WATCH_MS = 200;
    /** What the bus adds to an action's own timeout: the hop to the holder and back. */
    private static final long BUS_MARGIN_MS = 2_000;
    private static final int DOWN = 503;
    private static final int REFUSED = 502;
    private static final Logger log = LoggerFactory.getLogger(LinkRelay.class);

    /** The AMI link is not up here nor, in a cluster, on another instance that answered. */
    static final class LinkDownException extends RuntimeException {
        LinkDownException(String message) {
            super(message, null, false, false);
        }
    }

    /** Asterisk answered the action with an error (or not at all). */
    static final class RefusedException extends RuntimeException {
        RefusedException(String message) {
            super(message, null, false, false);
        }
    }

    private final Vertx vertx;
    private final Supplier<ManagerConnection> link;
    private MessageConsumer<JsonObject> serving;
    private long watch = -1;

    /** {@code link} gives this instance's logged-in connection, or null while it holds none. */
    public LinkRelay(Vertx vertx, Supplier<ManagerConnection> link) {
        this.vertx = vertx;
        this.link = link;
    }

    /** In a cluster, starts serving the other instances' actions whenever this one holds the link. */
    public void start() {
        if (vertx.isClustered()) {
            watch = vertx.setPeriodic(0, WATCH_MS, id -> watch());
        }
    }

    public void stop() {
        vertx.cancelTimer(watch);
        if (serving != null) {
            serving.unregister();
            serving = null;
        }
    }

    /** Does {@code request} on the link, here or on the instance holding it. */
    Future<Void> send(JsonObject request) {
        ManagerConnection connection = link.get();
        if (connection != null) {
            return execute(connection, request);
        }
        if (!vertx.isClustered()) {
            return Future.failedFuture(new LinkDownException("the telephone system is not connected"));
        }
        long timeoutMs = AmiRequest.timeoutMs(request) + BUS_MARGIN_MS;
        return vertx.eventBus().<Void>request(TelephonyAddresses.AMI_ACTIONS, request,
                        new DeliveryOptions().setSendTimeout(timeoutMs))
                .<Void>mapEmpty()
                .recover(e -> Future.failedFuture(e instanceof ReplyException reply ? fromReply(reply, timeoutMs) : e));
    }

    private static RuntimeException fromReply(ReplyException reply, long timeoutMs) {
        return switch (reply.failureType()) {
            case NO_HANDLERS -> new LinkDownException("the telephone system is not connected: no instance holds the "
                    + "AMI link");
            case TIMEOUT -> new LinkDownException("the instance holding the AMI link did not answer within "
                    + timeoutMs + " ms");
            default -> reply.failureCode() == REFUSED ? new RefusedException(reply.getMessage())
                    : new LinkDownException(reply.getMessage());
        };
    }

    private void watch() {
        boolean holds = link.get() != null;
        if (holds && serving == null) {
            serving = vertx.eventBus().consumer(TelephonyAddresses.AMI_ACTIONS, this::serve);
            log.info("Serving the other instances' agent actions: this instance holds the AMI link");
        } else if (!holds && serving != null) {
            serving.unregister();
            serving = null;
            log.info("No longer serving agent actions: the AMI link is not held here");
        }
    }

    private void serve(Message<JsonObject> message) {
        ManagerConnection connection = link.get();
        if (connection == null) {
            // between the link's loss and the next watch; stop serving now so the next request finds no handler
            watch();
            message.fail(DOWN, "the telephone system is not connected: no instance holds the AMI link (the one "
                    + "that held it just lost it)");
            return;
        }
        execute(connection, message.body()).onSuccess(v -> message.reply(null)).onFailure(e ->
                message.fail(e instanceof RefusedException ? REFUSED : DOWN, String.valueOf(e.getMessage())));
    }

    private Future<Void> execute(ManagerConnection connection, JsonObject request) {
        ManagerAction action;
        try {
            action = AmiRequest.toAction(request);
        } catch (RuntimeException e) {
            return Future.failedFuture(new RefusedException(e.getMessage()));
        }
        return vertx.executeBlocking(() -> {
            ManagerResponse response;
            try {
                response = connection.sendAction(action, AmiRequest.timeoutMs(request));
            } catch (Exception e) {
                throw new RefusedException("Asterisk did not take " + action.getAction() + ": " + e.getMessage());
            }
            if (response instanceof ManagerError || response == null) {
                throw new RefusedException("Asterisk refused " + action.getAction() + ": "
                        + (response == null ? "no answer" : response.getMessage()));
            }
            return null;
        }, false);
    }
}
