package hotline.console.internal.outages;

import hotline.auth.Role;
import hotline.common.ConflictException;
import hotline.common.InvalidInputException;
import hotline.console.internal.PageKit;
import hotline.console.internal.Viewer;
import hotline.outage.Outage;
import hotline.outage.OutageDraft;
import hotline.outage.OutageService;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The supervisor's planned outages (supervisors only), every change through the {@link OutageService}, the door of
 * {@code /api/outages} too:
 * <ul>
 *   <li>{@code GET /supervisor/outages}: the scheduled shut-offs and the latest ended ones, and the form that schedules
 *   one; {@code POST} schedules it and opens its page, or answers the form with the refused field's message next to
 *   it (422), the typed values kept;</li>
 *   <li>{@code GET /supervisor/outages/{id}}: one shut-off, how many customers it affects and were told (notice,
 *   reminder, restored), its critical facilities with their call tasks, and the forms that extend, cancel or close
 *   it ({@code POST .../extension}, {@code .../cancellation}, {@code .../close}; a refusal shows on the page).</li>
 * </ul>
 */
public final class OutagesPage implements Handler<Router> {

    private static final String ONE = "/supervisor/outages/(?<id>[0-9]{1,18})";

    private final PageKit kit;
    private final OutageService outages;
    private final OutageViews views;

    public OutagesPage(PageKit kit, OutageService outages) {
        this.kit = kit;
        this.outages = outages;
        this.views = new OutageViews(outages.clock(), outages.zone());
    }

    @Override
    public void handle(Router router) {
        Handler<RoutingContext> supervisor = kit.only(Role.SUPERVISOR);
        Handler<RoutingContext> forms = kit.forms();
        kit.page(router.get("/supervisor/outages"), supervisor, ctx -> list(ctx, Map.of(), Map.of()));
        kit.page(router.post("/supervisor/outages"), forms, supervisor, this::schedule);
        kit.page(router.getWithRegex(ONE), supervisor, ctx -> detail(ctx, Map.of()));
        kit.page(router.postWithRegex(ONE + "/extension"), forms, supervisor,
                ctx -> change(ctx, id -> outages.extend(id,
                        OutageForm.time(ctx.request().getFormAttribute("endsAt"), "endsAt", outages.zone()),
                        Viewer.of(ctx).principal())));
        kit.page(router.postWithRegex(ONE + "/cancellation"), forms, supervisor,
                ctx -> change(ctx, id -> outages.cancel(id, Viewer.of(ctx).principal())));
        kit.page(router.postWithRegex(ONE + "/close"), forms, supervisor,
                ctx -> change(ctx, id -> outages.close(id, Viewer.of(ctx).principal())));
    }

    private void list(RoutingContext ctx, Map<String, String> values, Map<String, String> errors) {
        outages.list(null).onFailure(ctx::fail).onSuccess(all -> {
            Map<String, Object> model = kit.model(ctx);
            model.put("outages", all.stream().map(views::row).toList());
            model.put("values", values);
            model.put("errors", errors);
            model.put("rule", OutageViews.rule(outages.rule()));
            model.put("kinds", List.of("districts", "streets", "accounts"));
            kit.render(ctx, "supervisor/outages.ftlh", model);
        });
    }

    private void schedule(RoutingContext ctx) {
        OutageForm form = OutageForm.of(ctx);
        Future<Outage> scheduled;
        OutageDraft draft = null;
        try {
            draft = form.draft(outages.zone());
            scheduled = outages.schedule(draft, Viewer.of(ctx).principal());
        } catch (InvalidInputException e) {
            scheduled = Future.failedFuture(e);
        }
        List<String> area = draft == null ? List.of() : draft.area();
        scheduled.onSuccess(outage -> redirect(ctx, outage.id())).onFailure(failure -> {
            if (failure instanceof InvalidInputException invalid) {
                ctx.response().setStatusCode(422);
                list(ctx, form.values(),
                        OutageForm.error("schedule", invalid, Viewer.of(ctx).lang(), outages.rule(), area));
            } else {
                ctx.fail(failure);
            }
        });
    }

    private void detail(RoutingContext ctx, Map<String, String> errors) {
        outages.detail(Long.parseLong(ctx.pathParam("id"))).onFailure(ctx::fail).onSuccess(detail -> {
            Map<String, Object> model = kit.model(ctx);
            model.putAll(views.detail(detail));
            model.put("errors", errors);
            kit.render(ctx, "supervisor/outage.ftlh", model);
        });
    }

    /** Applies a change to the outage of the path: back to its page, or its page with the refusal (422, 409). */
    private void change(RoutingContext ctx, Function<Long, Future<Outage>> change) {
        long id = Long.parseLong(ctx.pathParam("id"));
        Future<Outage> changed;
        try {
            changed = change.apply(id);
        } catch (InvalidInputException e) {
            changed = Future.failedFuture(e);
        }
        changed.onSuccess(outage -> redirect(ctx, id)).onFailure(failure -> {
            switch (failure) {
                case InvalidInputException invalid -> {
                    ctx.response().setStatusCode(422);
                    detail(ctx, OutageForm.error("extend", invalid, Viewer.of(ctx).lang(), outages.rule(), List.of()));
                }
                case ConflictException conflict -> {
                    ctx.response().setStatusCode(409);
                    detail(ctx, Map.of("change", Viewer.of(ctx).lang().message("outages.error.conflict")));
                }
                default -> ctx.fail(failure);
            }
        });
    }

    private static void redirect(RoutingContext ctx, long id) {
        ctx.response().setStatusCode(303).putHeader("Location", "/supervisor/outages/" + id).end();
    }
}
