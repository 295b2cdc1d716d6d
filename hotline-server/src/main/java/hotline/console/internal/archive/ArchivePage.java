package hotline.console.internal.archive;

import hotline.auth.Role;
import hotline.common.InvalidInputException;
import hotline.console.internal.PageKit;
import hotline.relationship.ArchiveFilter;
import hotline.relationship.CustomerArchive;
import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.ZoneId;
import java.util.Map;

/**
 * {@code /archive}: the customer archive for agents and supervisors. The filter lives in the address (a search can be
 * bookmarked, sent and paged); a refused filter is shown next to its field (400) with what was typed kept.
 */
public final class ArchivePage implements Handler<Router> {

    static final int PAGE_SIZE = 25;

    private final PageKit kit;
    private final CustomerArchive archive;
    private final ZoneId zone;

    public ArchivePage(PageKit kit, CustomerArchive archive, ZoneId zone) {
        this.kit = kit;
        this.archive = archive;
        this.zone = zone;
    }

    @Override
    public void handle(Router router) {
        kit.page(router.get("/archive"), kit.only(Role.AGENT), this::page);
    }

    private void page(RoutingContext ctx) {
        Map<String, Object> model = kit.model(ctx);
        model.put("form", ArchiveForms.typed(ctx));
        ArchiveForms.choices(model);
        ArchiveFilter filter;
        int page;
        try {
            filter = ArchiveFilter.parse(ctx.request()::getParam);
            page = ArchiveForms.page("page", ctx.request().getParam("page"));
        } catch (InvalidInputException invalid) {
            model.put("error", Map.of("field", invalid.field(), "message", invalid.getMessage()));
            ctx.response().setStatusCode(400);
            kit.render(ctx, "archive.ftlh", model);
            return;
        }
        archive.search(filter, page, PAGE_SIZE).onFailure(ctx::fail).onSuccess(found -> {
            model.put("rows", found.items().stream().map(customer -> ArchiveForms.row(customer, zone)).toList());
            model.put("total", found.total());
            model.put("page", page);
            model.put("pages", ArchiveForms.pages(found.total(), PAGE_SIZE));
            model.put("query", ArchiveForms.query(filter));
            kit.render(ctx, "archive.ftlh", model);
        });
    }
}
