package hotline.console.internal;

import hotline.auth.UserService;
import hotline.common.InvalidInputException;
import hotline.telephony.ami.SimulatedCalls;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

import java.util.List;
import java.util.Map;

/**
 * Training without Asterisk ({@code --demo} only): the supervisor page's form places a simulated incoming call to an
 * agent's phone, and hangs it up, through {@link SimulatedCalls} (the switchboard's AMI path, not around it).
 */
public final class Training {

    static final int MAX_TEXT = 100;

    private final SimulatedCalls calls;
    private final UserService users;

    public Training(SimulatedCalls calls, UserService users) {
        this.calls = calls;
        this.users = users;
    }

    /** The agents a call can ring: active users with a phone, as {@code phone} and {@code name}. */
    public Future<List<Map<String, String>>> phones() {
        return users.list().map(all -> all.stream().filter(u -> u.active() && u.phoneInterface() != null)
                .map(u -> Map.of("phone", u.phoneInterface(), "name", u.displayName())).toList());
    }

    void call(RoutingContext ctx) {
        var form = ctx.request().formAttributes();
        calls.call(form.get("callerNumber"), form.get("agentPhone"), new SimulatedCalls.IvrFindings(
                customerId(form.get("customerId")), text(form, "path"), text(form, "reason"),
                text(form, "ticketNumber"), text(form, "callbackNumber")));
        ctx.response().setStatusCode(204).end();
    }

    void hangUp(RoutingContext ctx) {
        calls.hangUp(ctx.request().getFormAttribute("agentPhone"));
        ctx.response().setStatusCode(204).end();
    }

    private static Long customerId(String raw) {
        if (blank(raw) == null) {
            return null;
        }
        try {
            return Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("customerId", "must be a whole number");
        }
    }

    private static String text(io.vertx.core.MultiMap form, String field) {
        String value = blank(form.get(field));
        if (value != null && value.length() > MAX_TEXT) {
            throw new InvalidInputException(field, "at most " + MAX_TEXT + " characters");
        }
        return value;
    }

    private static String blank(String raw) {
        return raw == null || raw.isBlank() ? null : raw.strip();
    }
}
