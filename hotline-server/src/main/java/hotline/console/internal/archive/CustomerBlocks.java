package hotline.console.internal.archive;

import hotline.auth.Role;
import hotline.console.internal.PageKit;
import hotline.relationship.ContactTimeline;
import hotline.relationship.HealthScore;
import hotline.relationship.Indicator;
import hotline.relationship.RelationshipHealth;
import hotline.relationship.RiskReason;
import hotline.relationship.TimelineEntry;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The customer page's relationship blocks: the health score with its breakdown, and the contact timeline, whose
 * older pages {@code /customers/{id}/timeline?page=n} answers as a fragment (the page's "older" button appends it).
 */
public final class CustomerBlocks implements Handler<Router> {

    public static final int TIMELINE_PAGE = 20;

    private final PageKit kit;
    private final ContactTimeline timeline;
    private final RelationshipHealth health;
    private final ZoneId zone;

    public CustomerBlocks(PageKit kit, ContactTimeline timeline, RelationshipHealth health, ZoneId zone) {
        this.kit = kit;
        this.timeline = timeline;
        this.health = health;
        this.zone = zone;
    }

    @Override
    public void handle(Router router) {
        kit.page(router.getWithRegex("/customers/(?<id>[0-9]{1,18})/timeline"), kit.only(Role.AGENT), this::older);
    }

    /** Adds {@code health} and {@code timeline} (the first page) to a customer page's model. */
    public Future<Void> fill(long customerId, Map<String, Object> model) {
        Future<HealthScore> score = health.of(customerId);
        Future<ContactTimeline.Page> first = timeline.page(customerId, 1, TIMELINE_PAGE);
        return Future.all(score, first).map(both -> {
            model.put("health", health(score.result()));
            model.put("timeline", timeline(first.result()));
            return null;
        });
    }

    private void older(RoutingContext ctx) {
        long id = Long.parseLong(ctx.pathParam("id"));
        int page = ArchiveForms.page("page", ctx.request().getParam("page"));
        timeline.page(id, page, TIMELINE_PAGE).onFailure(ctx::fail).onSuccess(found -> {
            Map<String, Object> model = kit.model(ctx);
            model.put("timeline", timeline(found));
            model.put("customerId", id);
            kit.render(ctx, "fragments/timeline-page.ftlh", model);
        });
    }

    private Map<String, Object> timeline(ContactTimeline.Page page) {
        return Map.of("entries", page.entries().stream().map(this::entry).toList(), "page", page.page(),
                "next", page.hasNext() ? page.page() + 1 : 0);
    }

    private Map<String, Object> entry(TimelineEntry entry) {
        Map<String, Object> row = new HashMap<>();
        row.put("kind", entry.kind());
        row.put("at", entry.at().toString());
        row.put("atText", ArchiveForms.when(entry.at(), zone));
        row.put("title", entry.title() == null ? "" : entry.title());
        row.put("code", entry.code() == null ? "" : entry.code());
        row.put("state", entry.state() == null ? "" : entry.state());
        row.put("text", entry.text() == null ? "" : entry.text());
        row.put("score", entry.score() == null ? 0 : entry.score());
        row.put("seconds", entry.seconds() == null ? 0 : entry.seconds());
        return row;
    }

    private static Map<String, Object> health(HealthScore score) {
        List<Map<String, Object>> parts = score.parts().stream().map(part -> Map.<String, Object>of(
                "indicator", part.indicator().code(), "value", value(part), "points", part.points())).toList();
        return Map.of("score", score.score(), "atRisk", score.atRisk(),
                "risks", score.risks().stream().map(RiskReason::code).toList(), "parts", parts,
                "level", score.atRisk() ? "bad" : score.score() >= 80 ? "good" : "warn");
    }

    /** The value as the breakdown shows it: the average answer with two decimals (— without answers), else a count. */
    private static String value(HealthScore.Part part) {
        if (part.indicator() == Indicator.SATISFACTION) {
            return part.value() == 0 ? "—" : String.format(Locale.ROOT, "%.2f", part.value() / 100.0);
        }
        return Long.toString(part.value());
    }
}
