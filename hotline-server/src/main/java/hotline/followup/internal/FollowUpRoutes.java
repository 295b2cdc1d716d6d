package hotline.followup.internal;

import hotline.auth.Access;
import hotline.auth.Role;
import hotline.common.Code;
import hotline.common.InvalidInputException;
import hotline.followup.FollowUp;
import hotline.followup.FollowUpService;
import hotline.http.ApiRoutes;
import hotline.http.Requests;
import hotline.http.Responses;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** {@code listFollowups}, {@code recordFollowupOutcome} (any role) and {@code satisfactionReport} (supervisor). */
public final class FollowUpRoutes implements ApiRoutes {

    private final FollowUpService followUps;

    public FollowUpRoutes(FollowUpService followUps) {
        this.followUps = followUps;
    }

    @Override
    public void mount(RouterBuilder builder) {
        builder.getRoute("listFollowups").addHandler(this::list);
        builder.getRoute("recordFollowupOutcome").addHandler(this::record);
        builder.getRoute("satisfactionReport").addHandler(Access.requireRole(Role.SUPERVISOR)).addHandler(this::report);
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
        JsonObject body = Requests.body(ctx);
        followUps.recordOutcome(Requests.pathId(ctx, "id"), body.getInteger("satisfaction"), body.getString("comment"),
                        Access.principal(ctx))
                .onSuccess(followUp -> Responses.ok(ctx, followUp.toJson()))
                .onFailure(ctx::fail);
    }

    private void report(RoutingContext ctx) {
        followUps.satisfaction(instant(ctx, "from"), instant(ctx, "to"),
                        Requests.query(ctx, "groupBy").orElse("day"))
                .onSuccess(report -> Responses.ok(ctx, report))
                .onFailure(ctx::fail);
    }

    private static Instant instant(RoutingContext ctx, String name) {
        String text = Requests.query(ctx, name).orElseThrow(() -> new InvalidInputException(name, name + " is required"));
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(name, name + " must be an ISO-8601 instant such as 2026-05-01T00:00:00Z");
        }
    }
}
