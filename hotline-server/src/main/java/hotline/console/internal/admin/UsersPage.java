package hotline.console.internal.admin;

import hotline.auth.NewUser;
import hotline.auth.Role;
import hotline.auth.User;
import hotline.auth.UserChanges;
import hotline.auth.UserService;
import hotline.common.Code;
import hotline.common.InvalidInputException;
import hotline.common.NotFoundException;
import hotline.console.internal.PageKit;
import hotline.console.internal.Viewer;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code /admin/users} (admins only): the users, filtered by a word, a role and their state; a new user, whose
 * password is typed (the password policy checks it) or made up and shown once; a user's display name, role and desk
 * phone (the screen pops follow the phone); deactivating, which ends the user's sessions and live stream at once, and
 * reactivating; a password reset, typed or made up and shown once, which ends the old sessions. Every change goes
 * through the {@link UserService}, the door of {@code /api/users} too. A refused input comes back as its form with
 * the message next to the field (422, or 409 for a clash); a change tells the list to reload (htmx trigger
 * {@value #CHANGED}).
 */
final class UsersPage implements Handler<Router> {

    static final String CHANGED = "users-changed";
    private static final String USER = "/admin/users/(?<id>[0-9]{1,18})";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final PageKit kit;
    private final UserService users;
    private final ZoneId zone;

    UsersPage(PageKit kit, UserService users, ZoneId zone) {
        this.kit = kit;
        this.users = users;
        this.zone = zone;
    }

    @Override
    public void handle(Router router) {
        Handler<RoutingContext> admin = kit.only(Role.ADMIN);
        Handler<RoutingContext> forms = kit.forms();
        kit.page(router.get("/admin/users"), admin, ctx -> page(ctx, null));
        kit.page(router.get("/admin/users/rows"), admin, this::rows);
        kit.page(router.get("/admin/users/new"), admin, ctx -> kit.render(ctx, "admin/user-new.ftlh", newForm(ctx)));
        kit.page(router.getWithRegex(USER), admin, this::edit);
        kit.page(router.post("/admin/users"), forms, admin, this::create);
        kit.page(router.postWithRegex(USER), forms, admin, this::changeDetails);
        kit.page(router.postWithRegex(USER + "/active"), forms, admin, this::changeActivity);
        kit.page(router.postWithRegex(USER + "/password"), forms, admin, this::resetPassword);
    }

    /** The whole page; the side panel edits {@code edited}, or takes a new user when null. */
    private void page(RoutingContext ctx, User edited) {
        UserFilter filter = filter(ctx);
        users.list().map(all -> {
            Map<String, Object> model = edited == null ? newForm(ctx) : editModel(ctx, edited);
            model.put("rows", rows(ctx, filter.apply(all)));
            model.put("filter", Map.of("q", param(ctx, "q"), "role", param(ctx, "role"), "active", param(ctx, "active")));
            return model;
        }).onSuccess(model -> kit.render(ctx, "admin/users.ftlh", model)).onFailure(ctx::fail);
    }

    private void rows(RoutingContext ctx) {
        UserFilter filter = filter(ctx);
        users.list().onSuccess(all -> {
            Map<String, Object> model = kit.model(ctx);
            model.put("rows", rows(ctx, filter.apply(all)));
            kit.render(ctx, "admin/user-rows.ftlh", model);
        }).onFailure(ctx::fail);
    }

    private void edit(RoutingContext ctx) {
        long id = id(ctx);
        users.find(id).onFailure(ctx::fail).onSuccess(found -> {
            if (found.isEmpty()) {
                ctx.fail(new NotFoundException("no user " + id));
            } else if (ctx.request().getHeader("HX-Request") == null) {
                page(ctx, found.get());
            } else {
                kit.render(ctx, "admin/user-edit.ftlh", editModel(ctx, found.get()));
            }
        });
    }

    private void create(RoutingContext ctx) {
        Map<String, String> typed = form(ctx, "username", "displayName", "role", "phoneInterface");
        String password = form(ctx, "password").get("password");
        Future<String> chosen = password.isEmpty()
                ? users.temporaryPassword(typed.get("username"), typed.get("displayName"))
                : Future.succeededFuture(password);
        chosen.compose(secret -> users.create(new NewUser(typed.get("username"), typed.get("displayName"),
                        role(typed.get("role")), secret, blankToNull(typed.get("phoneInterface")))))
                .onSuccess(created -> {
                    Map<String, Object> model = newForm(ctx);
                    model.put("created", row(ctx, created));
                    if (password.isEmpty()) {
                        model.put("password", chosen.result());
                    }
                    ctx.response().putHeader("HX-Trigger", CHANGED);
                    kit.render(ctx, "admin/user-new.ftlh", model);
                })
                .onFailure(failure -> FieldError.of(failure, Viewer.of(ctx).lang()).ifPresentOrElse(error -> {
                    Map<String, Object> model = newForm(ctx);
                    model.put("values", typed);
                    model.put("errors", error.asMap());
                    ctx.response().setStatusCode(error.status());
                    kit.render(ctx, "admin/user-new.ftlh", model);
                }, () -> ctx.fail(failure)));
    }

    private void changeDetails(RoutingContext ctx) {
        Map<String, String> typed = form(ctx, "displayName", "role", "phoneInterface");
        answer(ctx, "details", typed, () -> users.update(id(ctx), new UserChanges(Optional.of(typed.get("displayName")),
                        Optional.of(role(typed.get("role"))), Optional.empty(), Optional.empty(),
                        Optional.of(Optional.ofNullable(blankToNull(typed.get("phoneInterface"))))))
                .map(user -> new Outcome(user, "admin.users.saved", null)));
    }

    private void changeActivity(RoutingContext ctx) {
        String typed = form(ctx, "active").get("active");
        answer(ctx, "access", Map.of(), () -> {
            boolean active = switch (typed) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new InvalidInputException("active", "must be true or false");
            };
            return users.update(id(ctx), new UserChanges(Optional.empty(), Optional.empty(), Optional.of(active),
                            Optional.empty(), Optional.empty()))
                    .map(user -> new Outcome(user, active ? "admin.users.reactivated" : "admin.users.deactivated", null));
        });
    }

    /** A typed password, or one made up here and shown once; either way the user's sessions end. */
    private void resetPassword(RoutingContext ctx) {
        long id = id(ctx);
        String typed = form(ctx, "password").get("password");
        answer(ctx, "password", Map.of(), () -> {
            Future<String> chosen = !typed.isEmpty() ? Future.succeededFuture(typed) : users.find(id)
                    .compose(user -> users.temporaryPassword(user.map(User::username).orElse(""),
                            user.map(User::displayName).orElse("")));
            return chosen.compose(secret -> users.update(id, new UserChanges(Optional.empty(), Optional.empty(),
                            Optional.empty(), Optional.of(secret), Optional.empty()))
                    .map(user -> new Outcome(user, "admin.users.passwordReset", typed.isEmpty() ? secret : null)));
        });
    }

    /** What a change of the edit panel did: the user after it, the message that says so, a password to show once. */
    private record Outcome(User user, String notice, String password) {
    }

    /**
     * Runs {@code change} (a refused input may also be thrown while it is being built) and answers the edit panel:
     * with the outcome, or with the error next to its field in {@code section} and the typed {@code values}.
     */
    private void answer(RoutingContext ctx, String section, Map<String, String> values, Supplier<Future<Outcome>> change) {
        long id = id(ctx);
        Future.<Void>succeededFuture().compose(v -> change.get())
                .onSuccess(outcome -> {
                    Map<String, Object> model = editModel(ctx, outcome.user());
                    model.put("notice", Map.of("section", section, "key", outcome.notice()));
                    if (outcome.password() != null) {
                        model.put("password", outcome.password());
                    }
                    ctx.response().putHeader("HX-Trigger", CHANGED);
                    kit.render(ctx, "admin/user-edit.ftlh", model);
                })
                .onFailure(failure -> FieldError.of(failure, Viewer.of(ctx).lang()).ifPresentOrElse(error -> users.find(id)
                        .map(user -> user.orElseThrow(() -> new NotFoundException("no user " + id)))
                        .onFailure(ctx::fail)
                        .onSuccess(user -> {
                            Map<String, Object> model = editModel(ctx, user);
                            model.put("section", section);
                            model.put("values", values);
                            model.put("errors", error.asMap());
                            ctx.response().setStatusCode(error.status());
                            kit.render(ctx, "admin/user-edit.ftlh", model);
                        }), () -> ctx.fail(failure)));
    }

    private Map<String, Object> newForm(RoutingContext ctx) {
        Map<String, Object> model = kit.model(ctx);
        model.put("roles", Code.codes(Role.class));
        model.put("values", Map.of("role", Role.AGENT.code()));
        model.put("errors", Map.of());
        return model;
    }

    private Map<String, Object> editModel(RoutingContext ctx, User user) {
        Map<String, Object> model = kit.model(ctx);
        model.put("roles", Code.codes(Role.class));
        model.put("edited", row(ctx, user));
        model.put("values", Map.of());
        model.put("errors", Map.of());
        return model;
    }

    private List<Map<String, Object>> rows(RoutingContext ctx, List<User> list) {
        return list.stream().map(user -> row(ctx, user)).toList();
    }

    private Map<String, Object> row(RoutingContext ctx, User user) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", user.id());
        row.put("username", user.username());
        row.put("displayName", user.displayName());
        row.put("role", user.role().code());
        row.put("phoneInterface", user.phoneInterface() == null ? "" : user.phoneInterface());
        row.put("active", user.active());
        row.put("createdText", DAY.format(user.createdAt().atZone(zone)));
        row.put("self", user.id() == Viewer.of(ctx).principal().id());
        return row;
    }

    private static UserFilter filter(RoutingContext ctx) {
        return UserFilter.parse(param(ctx, "q"), param(ctx, "role"), param(ctx, "active"));
    }

    private static Role role(String code) {
        return Code.parse(Role.class, code)
                .orElseThrow(() -> new InvalidInputException("role", "must be one of " + Code.codes(Role.class)));
    }

    /** The named form fields as typed ("" when absent); the page shows them again next to an error. */
    private static Map<String, String> form(RoutingContext ctx, String... names) {
        Map<String, String> values = new HashMap<>();
        for (String name : names) {
            String value = ctx.request().getFormAttribute(name);
            values.put(name, value == null ? "" : value);
        }
        return values;
    }

    private static String param(RoutingContext ctx, String name) {
        return ctx.request().getParam(name, "");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static long id(RoutingContext ctx) {
        return Long.parseLong(ctx.pathParam("id"));
    }
}
