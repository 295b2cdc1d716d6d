package hotline.followup.internal;

import hotline.auth.Access;
import hotline.common.Code;
import hotline.followup.FollowUp;
import hotline.followup.FollowUpService;
import hotline.http.ApiRoutes;
import hotline.http.Requests;
import hotline.http.Responses;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;


/** {@code listFollowups} and {@code recordFollowupOutcome} (any role). */
public final class FollowUpRoutes implements ApiRoutes {

    private final FollowUpService followUps;

    public FollowUpRoutes(FollowUpService followUps) {
        this.followUps = followUps;
    }

    @Override
    public void mount(RouterBuilder builder) {
        builder.getRoute("listFollowups").addHandler(this::list);
        builder.getRoute("recordFollowupOutcome").addHandler(this::record);
    }

    private void list(RoutingContext ctx) {
        FollowUpService.Due due = Requests.query(ctx, "due").flatMap(code -> Code.parse(FollowUpService.Due.class, code))
                .orElse(FollowUpService.Due.TODAY);
        followUps.list(due, Requests.query(ctx, "assignee").orElse(null))
                .onSuccess(list -> Responses.ok(ctx,
                        new JsonObject().put("items", new JsonArray(list.stream().map(FollowUp::toJson).toList()))))
                .onFailure(ctx::fail);
    }

    private void record(RoutingContext ctx) {
        followUps.recordOutcome(Requests.pathId(ctx, "id"), Requests.body(ctx), Access.principal(ctx))
                .onSuccess(followUp -> Responses.ok(ctx, followUp.toJson()))
                .onFailure(ctx::fail);
    }
}
