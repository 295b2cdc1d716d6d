package hotline.relationship.internal;

import hotline.auth.Access;
import hotline.auth.Role;
import hotline.common.Code;
import hotline.common.InvalidInputException;
import hotline.customer.Tier;
import hotline.http.ApiRoutes;
import hotline.http.Requests;
import hotline.http.Responses;
import hotline.relationship.ArchiveCustomer;
import hotline.relationship.ArchiveFilter;
import hotline.relationship.AtRiskCustomer;
import hotline.relationship.ContactTimeline;
import hotline.relationship.CustomerArchive;
import hotline.relationship.RelationshipHealth;
import hotline.relationship.SavedSegment;
import hotline.relationship.SegmentCount;
import hotline.relationship.TimelineEntry;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;

/**
 * The archive, timeline, health, at-risk and segment operations of {@code openapi.yaml}; handlers only read the
 * request, call the capability and answer. Segments and the at-risk list are for supervisors.
 */
public final class RelationshipRoutes implements ApiRoutes {

    private static final int DEFAULT_SIZE = 20;

    private final CustomerArchive archive;
    private final ContactTimeline timeline;
    private final RelationshipHealth health;

    public RelationshipRoutes(CustomerArchive archive, ContactTimeline timeline, RelationshipHealth health) {
        this.archive = archive;
        this.timeline = timeline;
        this.health = health;
    }

    @Override
    public void mount(RouterBuilder builder) {
        builder.getRoute("searchCustomerArchive").addHandler(this::search);
        builder.getRoute("getCustomerTimeline").addHandler(this::timeline);
        builder.getRoute("getCustomerHealth").addHandler(this::health);
        builder.getRoute("listCustomersAtRisk").addHandler(Access.requireRole(Role.SUPERVISOR)).addHandler(this::atRisk);
        builder.getRoute("countCustomerSegments").addHandler(Access.requireRole(Role.SUPERVISOR)).addHandler(this::counts);
        builder.getRoute("listSavedSegments").addHandler(Access.requireRole(Role.SUPERVISOR)).addHandler(this::segments);
        builder.getRoute("saveSegment").addHandler(Access.requireRole(Role.SUPERVISOR)).addHandler(this::save);
        builder.getRoute("deleteSavedSegment").addHandler(Access.requireRole(Role.SUPERVISOR)).addHandler(this::delete);
    }

    private void search(RoutingContext ctx) {
        archive.search(filter(ctx), page(ctx), size(ctx))
                .onSuccess(found -> Responses.ok(ctx, found.toJson(ArchiveCustomer::toJson)))
                .onFailure(ctx::fail);
    }

    private void timeline(RoutingContext ctx) {
        long id = Requests.pathId(ctx, "id");
        int page = page(ctx);
        int size = size(ctx);
        timeline.page(id, page, size)
                .onSuccess(found -> Responses.ok(ctx, new JsonObject()
                        .put("items", new JsonArray(found.entries().stream().map(TimelineEntry::toJson).toList()))
                        .put("page", page).put("size", size).put("hasNext", found.hasNext())))
                .onFailure(ctx::fail);
    }

    private void health(RoutingContext ctx) {
        health.of(Requests.pathId(ctx, "id")).onSuccess(score -> Responses.ok(ctx, score.toJson())).onFailure(ctx::fail);
    }

    private void atRisk(RoutingContext ctx) {
        Tier tier = Requests.query(ctx, "tier").flatMap(code -> Code.parse(Tier.class, code)).orElse(null);
        health.atRisk(Requests.query(ctx, "district").orElse(null), tier, page(ctx), size(ctx))
                .onSuccess(found -> Responses.ok(ctx, found.toJson(AtRiskCustomer::toJson)))
                .onFailure(ctx::fail);
    }

    private void counts(RoutingContext ctx) {
        Future<ArchiveFilter> filter = Requests.queryLong(ctx, "segment")
                .map(id -> archive.segment(id).map(SavedSegment::filter))
                .orElseGet(() -> Future.succeededFuture(filter(ctx)));
        filter.compose(chosen -> archive.segmentCounts(chosen).map(counts -> new JsonObject()
                        .put("filter", chosen.toJson())
                        .put("counts", new JsonArray(counts.stream().map(SegmentCount::toJson).toList()))))
                .onSuccess(json -> Responses.ok(ctx, json))
                .onFailure(ctx::fail);
    }

    private void segments(RoutingContext ctx) {
        archive.segments().onSuccess(list -> Responses.ok(ctx, new JsonArray(list.stream().map(SavedSegment::toJson)
                .toList()))).onFailure(ctx::fail);
    }

    private void save(RoutingContext ctx) {
        JsonObject body = Requests.body(ctx);
        ArchiveFilter filter = ArchiveFilter.fromJson(body.getJsonObject("filter"));
        String name = body.getString("name").strip();
        if (name.isEmpty()) {
            throw new InvalidInputException("name", "name must not be blank");
        }
        archive.save(name, filter, Access.principal(ctx).username())
                .onSuccess(saved -> Responses.created(ctx, "/api/customers/segments/saved/" + saved.id(), saved.toJson()))
                .onFailure(ctx::fail);
    }

    private void delete(RoutingContext ctx) {
        archive.delete(Requests.pathId(ctx, "id")).onSuccess(done -> Responses.noContent(ctx)).onFailure(ctx::fail);
    }

    /** The filter as the client sent it (the validator decodes a second time, which turns '+' into a space). */
    private static ArchiveFilter filter(RoutingContext ctx) {
        return ArchiveFilter.parse(name -> Requests.query(ctx, name).map(checked -> ctx.request().getParam(name))
                .orElse(null));
    }

    private static int page(RoutingContext ctx) {
        return Requests.queryInt(ctx, "page").orElse(1);
    }

    private static int size(RoutingContext ctx) {
        return Requests.queryInt(ctx, "size").orElse(DEFAULT_SIZE);
    }
}
