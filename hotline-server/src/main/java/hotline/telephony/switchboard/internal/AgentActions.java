package hotline.telephony.switchboard.internal;

import hotline.auth.Principal;
import hotline.auth.User;
import hotline.auth.UserService;
import hotline.common.InvalidInputException;
import hotline.telephony.ChannelVariables;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.action.QueueAddAction;
import org.asteriskjava.manager.action.QueuePauseAction;
import org.asteriskjava.manager.action.QueueRemoveAction;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;

import java.util.Map;
import java.util.function.Supplier;

/**
 * What an agent asks of Asterisk through the AMI link: log in to the queue, log out, pause with a reason, resume
 * (QueueAdd / QueueRemove / QueuePause), and click-to-call (Originate: the agent's own phone rings first, then the
 * dialplan context {@code hotline-agents} dials the number; the ticket, if any, travels as {@code HOTLINE_TICKET} so
 * the call record links it). The agent's phone is their {@link User#phoneInterface()}. Asterisk-Java's blocking
 * calls run off the event loop; results are Futures. A link that is down fails with {@link LinkDownException}.
 */
public final class AgentActions {

    /** The dialplan context agents' outgoing calls run in (ivr-scripts/extensions_hotline.conf). */
    public static final String OUTGOING_CONTEXT = "hotline-agents";
    private static final long ACTION_TIMEOUT_MS = 5_000;
    /** How long an agent's phone rings for an Originate. */
    private static final long RING_TIMEOUT_MS = 30_000;

    /** The AMI link is not up: nothing can be asked of Asterisk now. */
    public static final class LinkDownException extends RuntimeException {
        LinkDownException() {
            super("the telephone system is not connected", null, false, false);
        }
    }

    /** Asterisk answered the action with an error (or not at all). */
    public static final class RefusedException extends RuntimeException {
        RefusedException(String message) {
            super(message, null, false, false);
        }
    }

    private final Vertx vertx;
    private final UserService users;
    private final String queue;
    private final Supplier<ManagerConnection> link;

    public AgentActions(Vertx vertx, UserService users, String queue, Supplier<ManagerConnection> link) {
        this.vertx = vertx;
        this.users = users;
        this.queue = queue;
        this.link = link;
    }

    public Future<Void> login(Principal agent) {
        return phoneOf(agent).compose(phone -> {
            QueueAddAction add = new QueueAddAction(queue, phone);
            add.setMemberName(agent.displayName());
            return send(add, ACTION_TIMEOUT_MS);
        });
    }

    public Future<Void> logout(Principal agent) {
        return phoneOf(agent).compose(this::logout);
    }

    /** Takes {@code phone} out of the queue. */
    Future<Void> logout(String phone) {
        return send(new QueueRemoveAction(queue, phone), ACTION_TIMEOUT_MS);
    }

    /** Pauses ({@code reason} shown on the wallboard) or, with {@code paused} false, resumes. */
    public Future<Void> pause(Principal agent, boolean paused, String reason) {
        return phoneOf(agent).compose(phone -> pause(phone, paused, reason));
    }

    /** Pauses {@code phone} in the queue ({@code reason} shown on the wallboard) or resumes it. */
    Future<Void> pause(String phone, boolean paused, String reason) {
        QueuePauseAction pause = new QueuePauseAction(phone, queue, paused);
        if (paused && reason != null) {
            pause.setReason(reason);
        }
        return send(pause, ACTION_TIMEOUT_MS);
    }

    /** Rings the agent's phone, then {@code number}; {@code ticketNumber} (may be null) is linked to the call. */
    public Future<Void> call(Principal agent, String number, String ticketNumber) {
        return phoneOf(agent).compose(phone -> send(originate(phone, number,
                ticketNumber == null ? Map.of() : Map.of(ChannelVariables.VAR_TICKET, ticketNumber), true), ACTION_TIMEOUT_MS));
    }

    /**
     * Rings {@code phone} (an agent's interface), then {@code number} in the agents' context, with channel
     * {@code variables}; succeeds only once the agent's phone answered (Originate waited for, up to the ring timeout),
     * fails when it did not or Asterisk refused. Used by the callback dialler.
     */
    public Future<Void> originateAndWait(String phone, String number, Map<String, String> variables) {
        return send(originate(phone, number, variables, false), RING_TIMEOUT_MS + ACTION_TIMEOUT_MS);
    }

    private static OriginateAction originate(String phone, String number, Map<String, String> variables, boolean async) {
        OriginateAction originate = new OriginateAction();
        originate.setChannel(phone);
        originate.setContext(OUTGOING_CONTEXT);
        originate.setExten(number);
        originate.setPriority(1);
        originate.setCallerId("Hotline <" + number + ">");
        originate.setTimeout(RING_TIMEOUT_MS);
        originate.setAsync(async);
        if (!variables.isEmpty()) {
            originate.setVariables(variables);
        }
        return originate;
    }

    private Future<String> phoneOf(Principal agent) {
        return users.find(agent.id()).map(user -> {
            String phone = user.map(User::phoneInterface).orElse(null);
            if (phone == null) {
                throw new InvalidInputException("phoneInterface", "no phone is set for this user (users.phoneInterface)");
            }
            return phone;
        });
    }

    private Future<Void> send(ManagerAction action, long timeoutMs) {
        ManagerConnection connection = link.get();
        if (connection == null) {
            return Future.failedFuture(new LinkDownException());
        }
        return vertx.executeBlocking(() -> {
            ManagerResponse response = connection.sendAction(action, timeoutMs);
            if (response instanceof ManagerError || response == null) {
                throw new RefusedException("Asterisk refused " + action.getAction() + ": "
                        + (response == null ? "no answer" : response.getMessage()));
            }
            return null;
        }, false);
    }
}
