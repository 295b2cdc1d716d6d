package hotline.telephony.switchboard.internal;

import hotline.auth.Principal;
import hotline.auth.User;
import hotline.auth.UserService;
import hotline.common.InvalidInputException;
import hotline.telephony.ChannelVariables;
import io.vertx.core.Future;

import java.util.Map;

/**
 * What an agent asks of Asterisk through the AMI link: log in to the queue, log out, pause with a reason, resume
 * (QueueAdd / QueueRemove / QueuePause), and click-to-call (Originate: the agent's own phone rings first, then the
 * dialplan context {@value AmiRequest#OUTGOING_CONTEXT} dials the number; the ticket, if any, travels as
 * {@code HOTLINE_TICKET} so the call record links it). The agent's phone is their {@link User#phoneInterface()}. The
 * {@link LinkRelay} carries each action to the instance holding the link; results are Futures, failing with
 * {@link LinkRelay.LinkDownException} when nobody holds it and {@link LinkRelay.RefusedException} when Asterisk said no.
 */
public final class AgentActions {

    private static final long ACTION_TIMEOUT_MS = 5_000;

    private final UserService users;
    private final String queue;
    private final LinkRelay relay;

    public AgentActions(UserService users, String queue, LinkRelay relay) {
        this.users = users;
        this.queue = queue;
        this.relay = relay;
    }

    public Future<Void> login(Principal agent) {
        return phoneOf(agent).compose(phone ->
                relay.send(AmiRequest.queueAdd(queue, phone, agent.displayName(), ACTION_TIMEOUT_MS)));
    }

    public Future<Void> logout(Principal agent) {
        return phoneOf(agent).compose(this::logout);
    }

    /** Takes {@code phone} out of the queue. */
    Future<Void> logout(String phone) {
        return relay.send(AmiRequest.queueRemove(queue, phone, ACTION_TIMEOUT_MS));
    }

    /** Pauses ({@code reason} shown on the wallboard) or, with {@code paused} false, resumes. */
    public Future<Void> pause(Principal agent, boolean paused, String reason) {
        return phoneOf(agent).compose(phone -> pause(phone, paused, reason));
    }

    /** Pauses {@code phone} in the queue ({@code reason} shown on the wallboard) or resumes it. */
    Future<Void> pause(String phone, boolean paused, String reason) {
        return relay.send(AmiRequest.queuePause(queue, phone, paused, reason, ACTION_TIMEOUT_MS));
    }

    /** Rings the agent's phone, then {@code number}; {@code ticketNumber} (may be null) is linked to the call. */
    public Future<Void> call(Principal agent, String number, String ticketNumber) {
        return phoneOf(agent).compose(phone -> relay.send(AmiRequest.originate(phone, number,
                ticketNumber == null ? Map.of() : Map.of(ChannelVariables.VAR_TICKET, ticketNumber), true,
                ACTION_TIMEOUT_MS)));
    }

    /**
     * Rings {@code phone} (an agent's interface), then {@code number} in the agents' context, with channel
     * {@code variables}; succeeds only once the agent's phone answered (Originate waited for, up to the ring timeout),
     * fails when it did not or Asterisk refused. Used by the callback dialler.
     */
    public Future<Void> originateAndWait(String phone, String number, Map<String, String> variables) {
        return relay.send(AmiRequest.originate(phone, number, variables, false,
                AmiRequest.RING_TIMEOUT_MS + ACTION_TIMEOUT_MS));
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
}
