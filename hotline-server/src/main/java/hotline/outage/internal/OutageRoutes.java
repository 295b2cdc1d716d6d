package hotline.outage.internal;

import hotline.auth.Access;
import hotline.auth.Role;
import hotline.common.Code;
import hotline.common.InvalidInputException;
import hotline.http.ApiRoutes;
import hotline.http.Requests;
import hotline.http.Responses;
import hotline.outage.Outage;
import hotline.outage.OutageDraft;
import hotline.outage.OutageService;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/** {@code listOutages}, {@code scheduleOutage}, {@code getOutage}, {@code extendOutage}, {@code cancelOutage}, {@code closeOutage} (supervisor). */
public final class OutageRoutes implements ApiRoutes {

    private final OutageService outages;

    public OutageRoutes(OutageService outages) {
        this.outages = outages;
    }

    @Override
    public void mount(RouterBuilder builder) {
        for (String operation : List.of("listOutages", "scheduleOutage", "getOutage", "extendOutage", "cancelOutage",
                "closeOutage")) {
            builder.getRoute(operation).addHandler(Access.requireRole(Role.SUPERVISOR));
        }
        builder.getRoute("listOutages").addHandler(this::list);
        builder.getRoute("scheduleOutage").addHandler(this::schedule);
        builder.getRoute("getOutage").addHandler(ctx -> outages.detail(Requests.pathId(ctx, "id"))
                .onSuccess(detail -> Responses.ok(ctx, detail.toJson(outages.clock().instant()))).onFailure(ctx::fail));
        builder.getRoute("extendOutage").addHandler(ctx -> outages.extend(Requests.pathId(ctx, "id"),
                        instant(Requests.body(ctx), "endsAt"), Access.principal(ctx))
                .onSuccess(outage -> answer(ctx, outage)).onFailure(ctx::fail));
        builder.getRoute("cancelOutage").addHandler(ctx -> outages.cancel(Requests.pathId(ctx, "id"), Access.principal(ctx))
                .onSuccess(outage -> answer(ctx, outage)).onFailure(ctx::fail));
        builder.getRoute("closeOutage").addHandler(ctx -> outages.close(Requests.pathId(ctx, "id"), Access.principal(ctx))
                .onSuccess(outage -> answer(ctx, outage)).onFailure(ctx::fail));
    }

    private void list(RoutingContext ctx) {
        Instant now = outages.clock().instant();
        outages.list(Requests.query(ctx, "status").flatMap(code -> Code.parse(Outage.Status.class, code)).orElse(null))
                .onSuccess(list -> Responses.ok(ctx, new JsonObject().put("items",
                        new JsonArray(list.stream().map(outage -> outage.toJson(now)).toList()))))
                .onFailure(ctx::fail);
    }

    private void schedule(RoutingContext ctx) {
        JsonObject body = Requests.body(ctx);
        OutageDraft draft = new OutageDraft(Code.parse(Outage.AreaKind.class, body.getString("areaKind")).orElse(null),
                body.getJsonArray("area").stream().map(String::valueOf).toList(), instant(body, "startsAt"),
                instant(body, "endsAt"), body.getString("reason"), body.getBoolean("emergency", false));
        outages.schedule(draft, Access.principal(ctx))
                .onSuccess(outage -> Responses.created(ctx, "/api/outages/" + outage.id(),
                        outage.toJson(outages.clock().instant())))
                .onFailure(ctx::fail);
    }

    private void answer(RoutingContext ctx, Outage outage) {
        Responses.ok(ctx, outage.toJson(outages.clock().instant()));
    }

    private static Instant instant(JsonObject body, String field) {
        try {
            return OffsetDateTime.parse(body.getString(field)).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "a date and time with its offset is required, e.g. 2026-12-01T08:00:00+08:00");
        }
    }
}
