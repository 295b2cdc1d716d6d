package hotline.console.internal.admin;

import hotline.auth.Role;
import hotline.console.internal.PageKit;
import io.vertx.core.Handler;
import io.vertx.ext.web.Router;

/**
 * {@code /admin/import} (supervisors and admins, as the API's import): the form that sends a customer CSV file to
 * {@code POST /api/customers/import} (streamed to a worker there, so the server stays free) and shows its answer — the
 * counts, and the bad rows the answer lists, in pages — drawn by {@code static/admin.js}.
 */
final class ImportPage implements Handler<Router> {

    /** Bad rows per page of the error table: a page fits a 1366×768 screen beside the form. */
    static final int ERRORS_PER_PAGE = 10;

    private final PageKit kit;

    ImportPage(PageKit kit) {
        this.kit = kit;
    }

    @Override
    public void handle(Router router) {
        kit.page(router.get("/admin/import"), kit.only(Role.SUPERVISOR), ctx -> {
            var model = kit.model(ctx);
            model.put("perPage", ERRORS_PER_PAGE);
            kit.render(ctx, "admin/import.ftlh", model);
        });
    }
}
