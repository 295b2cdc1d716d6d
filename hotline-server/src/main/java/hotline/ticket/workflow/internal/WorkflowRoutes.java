package hotline.ticket.workflow.internal;

import hotline.auth.Access;
import hotline.http.ApiRoutes;
import hotline.http.Requests;
import hotline.http.Responses;
import hotline.ticket.Channel;
import hotline.ticket.workflow.WorkflowService;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;

/**
 * {@code transitionTicket}: {@code POST /api/tickets/{id}/transitions} with {@code {"action", "fields", "version"?}};
 * answers the ticket after the action with its {@code workflow} (next step, allowed actions, their fields). Any
 * authenticated role may use it.
 */
public final class WorkflowRoutes implements ApiRoutes {

    private final WorkflowService workflows;

    public WorkflowRoutes(WorkflowService workflows) {
        this.workflows = workflows;
    }

    @Override
    public void mount(RouterBuilder builder) {
        builder.getRoute("transitionTicket").addHandler(this::transition);
    }

    private void transition(RoutingContext ctx) {
        JsonObject body = Requests.body(ctx);
        workflows.transition(Requests.pathId(ctx, "id"), body.getString("action"),
                        body.getJsonObject("fields", new JsonObject()), Access.principal(ctx), Channel.PHONE,
                        body.getInteger("version"))
                .onSuccess(ticket -> Responses.ok(ctx, ticket.toJson().put("workflow", WorkflowService.describe(ticket))))
                .onFailure(ctx::fail);
    }
}
