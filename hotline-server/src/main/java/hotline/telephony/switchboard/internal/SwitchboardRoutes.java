package hotline.telephony.switchboard.internal;

import hotline.auth.Access;
import hotline.auth.Principal;
import hotline.auth.Role;
import hotline.common.Code;
import hotline.common.InvalidInputException;
import hotline.http.ApiRoutes;
import hotline.http.Requests;
import hotline.http.Responses;
import hotline.telephony.switchboard.CallRecord;
import hotline.telephony.switchboard.WrapUpCode;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.ext.web.openapi.router.RouterBuilder;

import java.util.List;
import java.util.function.Supplier;

/**
 * {@code GET /api/queues} (the live queue board), {@code GET /api/calls} (call records of a customer or a ticket),
 * {@code POST /api/agent/queue} (log in, log out, pause, resume), {@code POST /api/calls/originate} (click-to-call),
 * {@code POST /api/calls/wrap-up}, {@code POST /api/calls/inquiry}, {@code GET /api/calls/{uniqueid}/recording}
 * ({@link RecordingStreamer}), and for supervisors {@code GET /api/agents} ({@link AgentBoard}) and
 * {@code POST /api/agents/{userId}/queue} ({@link Interventions}).
 * A link to Asterisk that is down answers 503, an action Asterisk refuses 502.
 */
public final class SwitchboardRoutes implements ApiRoutes {

    private final Supplier<JsonObject> board;
    private final CallRecordStore calls;
    private final AgentActions agents;
    private final WrapUps wrapUps;
    private final RecordingStreamer recordings;
    private final AgentBoard agentBoard;
    private final Interventions interventions;

    public SwitchboardRoutes(Supplier<JsonObject> board, CallRecordStore calls, AgentActions agents, WrapUps wrapUps,
                             RecordingStreamer recordings, AgentBoard agentBoard, Interventions interventions) {
        this.board = board;
        this.calls = calls;
        this.agents = agents;
        this.wrapUps = wrapUps;
        this.recordings = recordings;
        this.agentBoard = agentBoard;
        this.interventions = interventions;
    }

    @Override
    public void mount(RouterBuilder builder) {
        builder.getRoute("listQueues").addHandler(ctx -> Responses.ok(ctx, board.get()));
        builder.getRoute("listCalls").addHandler(this::listCalls);
        builder.getRoute("changeAgentQueueState").addHandler(this::agentQueue);
        builder.getRoute("originateCall").addHandler(this::originate);
        builder.getRoute("wrapUpCall").addHandler(this::wrapUp);
        builder.getRoute("openCallInquiry").addHandler(this::openInquiry);
        // Vert.x's validator reads a uniqueid such as 1700000100.11 as a number and refuses it as not a string: the
        // streamer checks the parameter itself.
        builder.getRoute("getCallRecording").setDoValidation(false).addHandler(recordings::stream);
        builder.getRoute("listAgents").addHandler(Access.requireRole(Role.SUPERVISOR)).addHandler(ctx -> agentBoard.list()
                .onSuccess(list -> Responses.ok(ctx, new JsonObject().put("agents", list))).onFailure(ctx::fail));
        builder.getRoute("superviseAgentQueue").addHandler(Access.requireRole(Role.SUPERVISOR))
                .addHandler(this::superviseAgentQueue);
    }

    private void superviseAgentQueue(RoutingContext ctx) {
        JsonObject body = Requests.body(ctx);
        Interventions.Action action = Interventions.Action.valueOf(body.getString("action").toUpperCase());
        long userId = Long.parseLong(ctx.pathParam("userId"));
        answer(ctx, interventions.apply(userId, action, body.getString("reason").strip(), Access.principal(ctx)));
    }

    private void wrapUp(RoutingContext ctx) {
        JsonObject body = Requests.body(ctx);
        WrapUpCode code = Code.parse(WrapUpCode.class, body.getString("code")).orElseThrow(() ->
                new InvalidInputException("code", "must be one of " + String.join(", ", Code.codes(WrapUpCode.class))));
        wrapUps.wrapUp(body.getString("uniqueid"), code, body.getString("note"), body.getString("ticketNumber"), Access.principal(ctx))
                .onSuccess(v -> Responses.noContent(ctx)).onFailure(ctx::fail);
    }

    private void openInquiry(RoutingContext ctx) {
        JsonObject body = Requests.body(ctx);
        wrapUps.openInquiry(body.getString("uniqueid"), body.getString("subject"), body.getString("description"), Access.principal(ctx))
                .onSuccess(ticket -> Responses.created(ctx, "/api/tickets/" + ticket.id(), ticket.toJson()))
                .onFailure(ctx::fail);
    }


    private void agentQueue(RoutingContext ctx) {
        JsonObject body = Requests.body(ctx);
        Principal agent = Access.principal(ctx);
        Future<Void> done = switch (body.getString("action")) {
            case "login" -> agents.login(agent);
            case "logout" -> agents.logout(agent);
            case "pause" -> agents.pause(agent, true, body.getString("reason"));
            case "resume" -> agents.pause(agent, false, null);
            default -> throw new InvalidInputException("action", "must be login, logout, pause or resume");
        };
        answer(ctx, done);
    }

    private void originate(RoutingContext ctx) {
        JsonObject body = Requests.body(ctx);
        answer(ctx, agents.call(Access.principal(ctx), body.getString("number"), body.getString("ticketNumber")));
    }

    private static void answer(RoutingContext ctx, Future<Void> done) {
        done.onSuccess(v -> Responses.send(ctx, 202, new JsonObject().put("status", "sent").encode()))
                .onFailure(e -> ctx.fail(switch (e) {
                    case LinkRelay.LinkDownException down -> new HttpException(503, down.getMessage());
                    case LinkRelay.RefusedException refused -> new HttpException(502, refused.getMessage());
                    default -> e;
                }));
    }

    private void listCalls(RoutingContext ctx) {
        int limit = Requests.queryInt(ctx, "limit").orElse(50);
        var customerId = Requests.queryLong(ctx, "customerId");
        var ticketId = Requests.queryLong(ctx, "ticketId");
        boolean unwrapped = Requests.query(ctx, "unwrapped").map(Boolean::parseBoolean).orElse(false);
        if (customerId.isPresent() && ticketId.isPresent()) {
            throw new InvalidInputException("ticketId", "give customerId or ticketId, not both");
        }
        Future<List<CallRecord>> found = unwrapped ? calls.unwrapped(limit) : customerId.map(id -> calls.ofCustomer(id, limit))
                .or(() -> ticketId.map(id -> calls.ofTicket(id, limit)))
                .orElseGet(() -> calls.recent(limit));
        found.onSuccess(list -> Responses.ok(ctx, new JsonObject().put("calls",
                        new JsonArray(list.stream().map(CallRecord::toJson).toList()))))
                .onFailure(ctx::fail);
    }
}
