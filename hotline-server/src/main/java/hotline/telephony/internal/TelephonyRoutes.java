package hotline.telephony.internal;

import hotline.common.InvalidInputException;
import hotline.http.ApiRoutes;
import hotline.http.Requests;
import hotline.http.Responses;
import hotline.telephony.CallRecord;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;

import java.util.List;
import java.util.function.Supplier;

/** {@code GET /api/queues} (the live queue board) and {@code GET /api/calls} (call records of a customer or a ticket). */
public final class TelephonyRoutes implements ApiRoutes {

    private final Supplier<JsonObject> board;
    private final CallRecordStore calls;

    public TelephonyRoutes(Supplier<JsonObject> board, CallRecordStore calls) {
        this.board = board;
        this.calls = calls;
    }

    @Override
    public void mount(RouterBuilder builder) {
        builder.getRoute("listQueues").addHandler(ctx -> Responses.ok(ctx, board.get()));
        builder.getRoute("listCalls").addHandler(this::listCalls);
    }

    private void listCalls(RoutingContext ctx) {
        int limit = Requests.queryInt(ctx, "limit").orElse(50);
        var customerId = Requests.query(ctx, "customerId").map(Long::valueOf);
        var ticketId = Requests.query(ctx, "ticketId").map(Long::valueOf);
        if (customerId.isPresent() && ticketId.isPresent()) {
            throw new InvalidInputException("ticketId", "give customerId or ticketId, not both");
        }
        Future<List<CallRecord>> found = customerId.map(id -> calls.ofCustomer(id, limit))
                .or(() -> ticketId.map(id -> calls.ofTicket(id, limit)))
                .orElseGet(() -> calls.recent(limit));
        found.onSuccess(list -> Responses.ok(ctx, new JsonObject().put("calls",
                        new JsonArray(list.stream().map(CallRecord::toJson).toList()))))
                .onFailure(ctx::fail);
    }
}
