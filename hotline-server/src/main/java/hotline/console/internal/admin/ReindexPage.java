package hotline.console.internal.admin;

import hotline.auth.Role;
import hotline.common.ConflictException;
import hotline.console.internal.PageKit;
import hotline.console.internal.Viewer;
import hotline.search.ReindexProgress;
import hotline.search.Reindexed;
import hotline.search.Reindexing;
import hotline.search.SearchService;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.text.NumberFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code /admin/reindex} (admins only, as the API's rebuild): how many tickets the search index of this instance
 * holds, a button that starts rebuilding it from the database, and the rebuild's progress — tickets done of total,
 * rate, time left — which the page reads again every second while it runs ({@code /admin/reindex/progress}). A start
 * while a rebuild runs is refused (409) with the running one shown.
 */
final class ReindexPage implements Handler<Router> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final PageKit kit;
    private final Reindexing reindexing;
    private final SearchService search;
    private final Clock clock;
    private final ZoneId zone;

    ReindexPage(PageKit kit, Reindexing reindexing, SearchService search, Clock clock, ZoneId zone) {
        this.kit = kit;
        this.reindexing = reindexing;
        this.search = search;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public void handle(Router router) {
        Handler<RoutingContext> admin = kit.only(Role.ADMIN);
        kit.page(router.get("/admin/reindex"), admin, this::page);
        kit.page(router.get("/admin/reindex/progress"), admin,
                ctx -> kit.render(ctx, "admin/reindex-progress.ftlh", progressModel(ctx)));
        kit.page(router.post("/admin/reindex"), kit.forms(), admin, this::start);
    }

    private void page(RoutingContext ctx) {
        search.run(() -> search.index().size()).onFailure(ctx::fail).onSuccess(size -> {
            Map<String, Object> model = progressModel(ctx);
            model.put("indexed", number(Viewer.of(ctx), size));
            kit.render(ctx, "admin/reindex.ftlh", model);
        });
    }

    /** Starts a rebuild and answers its progress at once (the rebuild's end is logged by the search capability). */
    private void start(RoutingContext ctx) {
        Future<Reindexed> started = reindexing.reindex();
        Map<String, Object> model = progressModel(ctx);
        if (started.failed() && started.cause() instanceof ConflictException) {
            model.put("refused", true);
            ctx.response().setStatusCode(409);
        }
        kit.render(ctx, "admin/reindex-progress.ftlh", model);
    }

    private Map<String, Object> progressModel(RoutingContext ctx) {
        Viewer viewer = Viewer.of(ctx);
        ReindexProgress p = reindexing.progress();
        Instant now = clock.instant();
        Map<String, Object> progress = new HashMap<>();
        progress.put("state", p.state().code());
        progress.put("running", p.running());
        progress.put("percent", p.percent());
        progress.put("done", number(viewer, p.done()));
        progress.put("total", number(viewer, p.total()));
        progress.put("rate", number(viewer, Math.round(p.ratePerSecond(now))));
        progress.put("elapsed", clockText(p.elapsed(now).toSeconds()));
        p.secondsLeft(now).ifPresent(left -> progress.put("left", clockText(left)));
        if (p.startedAt() != null) {
            progress.put("startedAt", p.startedAt().toString());
            progress.put("startedText", TIME.format(p.startedAt().atZone(zone)));
        }
        if (p.finishedAt() != null) {
            progress.put("finishedText", TIME.format(p.finishedAt().atZone(zone)));
        }
        if (p.failure() != null) {
            progress.put("failure", p.failure());
        }
        Map<String, Object> model = kit.model(ctx);
        model.put("progress", progress);
        return model;
    }

    private static String number(Viewer viewer, long value) {
        return NumberFormat.getIntegerInstance(viewer.lang().locale()).format(value);
    }

    /** {@code m:ss}, or {@code h:mm:ss} from an hour on. */
    static String clockText(long seconds) {
        Duration d = Duration.ofSeconds(Math.max(0, seconds));
        return d.toHours() > 0
                ? String.format(Locale.ROOT, "%d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart())
                : String.format(Locale.ROOT, "%d:%02d", d.toMinutes(), d.toSecondsPart());
    }
}
