package hotline.console.internal.wallboard;

import hotline.auth.Role;
import hotline.console.internal.PageKit;
import hotline.console.internal.Training;
import hotline.console.internal.Viewer;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.List;
import java.util.Map;

/**
 * The supervisor's wallboard pages: {@code /supervisor} (the wallboard), {@code /supervisor/tv} (the same, full screen
 * for a wall TV), {@code /supervisor/agents} (the agents, with pause and log-out) and, with {@code --demo},
 * {@code /supervisor/training} (simulated calls). Their live parts are fragments of their own, drawn by
 * {@link #swaps} for the first paint and for every live update. Supervisors only.
 */
public final class WallboardPages implements Handler<Router> {

    /** The live fragments: element id and template. */
    private static final Map<String, String> FRAGMENTS = Map.of(
            "wb-board", "supervisor/wallboard-board.ftlh",
            "tv-board", "supervisor/tv-board.ftlh",
            "agents-list", "supervisor/agents-list.ftlh");

    private final PageKit kit;
    private final Wallboard wallboard;
    private final Training training;

    /** {@code training} is null outside {@code --demo}. */
    public WallboardPages(PageKit kit, Wallboard wallboard, Training training) {
        this.kit = kit;
        this.wallboard = wallboard;
        this.training = training;
    }

    @Override
    public void handle(Router router) {
        Handler<RoutingContext> supervisor = kit.only(Role.SUPERVISOR);
        kit.page(router.get("/supervisor"), supervisor, ctx -> page(ctx, "supervisor/wallboard.ftlh"));
        kit.page(router.get("/supervisor/tv"), supervisor, ctx -> page(ctx, "supervisor/tv.ftlh"));
        kit.page(router.get("/supervisor/agents"), supervisor, ctx -> page(ctx, "supervisor/agents.ftlh"));
        if (training != null) {
            kit.page(router.get("/supervisor/training"), supervisor, this::training);
        }
    }

    /** Every live fragment of the supervisor's pages for {@code viewer}, as stream swaps. */
    public Future<List<Map<String, String>>> swaps(Viewer viewer) {
        return wallboard.model().map(board -> {
            Map<String, Object> model = model(viewer, board);
            return FRAGMENTS.entrySet().stream().map(fragment -> Map.of("target", fragment.getKey(),
                    "html", kit.templates().render(fragment.getValue(), model))).toList();
        });
    }

    private void page(RoutingContext ctx, String template) {
        wallboard.model().onFailure(ctx::fail)
                .onSuccess(board -> kit.render(ctx, template, model(Viewer.of(ctx), board)));
    }

    private Map<String, Object> model(Viewer viewer, Map<String, Object> board) {
        Map<String, Object> model = viewer.model(kit.assets());
        model.put("board", board);
        model.put("training", training != null);
        return model;
    }

    private void training(RoutingContext ctx) {
        training.phones().onFailure(ctx::fail).onSuccess(phones -> {
            Map<String, Object> model = kit.model(ctx);
            model.put("phones", phones);
            model.put("training", true);
            kit.render(ctx, "supervisor/training.ftlh", model);
        });
    }
}
