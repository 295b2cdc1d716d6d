package hotline.auth.internal;

import hotline.auth.Access;
import hotline.auth.NewUser;
import hotline.auth.Role;
import hotline.auth.User;
import hotline.auth.UserChanges;
import hotline.auth.UserService;
import hotline.common.Code;
import hotline.common.InvalidInputException;
import hotline.common.NotFoundException;
import hotline.http.ApiRoutes;
import hotline.http.Requests;
import hotline.http.Responses;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;

import java.util.Optional;

/** The users admin API ({@code /api/users}); every operation is for admins only (403 for other roles). */
public final class UserRoutes implements ApiRoutes {

    private final UserService users;

    public UserRoutes(UserService users) {
        this.users = users;
    }

    @Override
    public void mount(RouterBuilder builder) {
        builder.getRoute("createUser").addHandler(Access.requireRole(Role.ADMIN)).addHandler(this::create);
        builder.getRoute("listUsers").addHandler(Access.requireRole(Role.ADMIN)).addHandler(this::list);
        builder.getRoute("getUser").addHandler(Access.requireRole(Role.ADMIN)).addHandler(this::get);
        builder.getRoute("updateUser").addHandler(Access.requireRole(Role.ADMIN)).addHandler(this::update);
    }

    private void create(RoutingContext ctx) {
        JsonObject body = Requests.body(ctx);
        NewUser user = new NewUser(body.getString("username"), body.getString("displayName"),
                role(body).orElseThrow(() -> new InvalidInputException("role", "is required")),
                body.getString("password"), body.getString("phoneInterface"));
        users.create(user)
                .onSuccess(created -> Responses.created(ctx, "/api/users/" + created.id(), created.toJson()))
                .onFailure(ctx::fail);
    }

    private void list(RoutingContext ctx) {
        users.list()
                .onSuccess(all -> Responses.ok(ctx, new JsonArray(all.stream().map(User::toJson).toList())))
                .onFailure(ctx::fail);
    }

    private void get(RoutingContext ctx) {
        long id = Requests.pathId(ctx, "id");
        users.find(id)
                .onSuccess(user -> user.ifPresentOrElse(found -> Responses.ok(ctx, found.toJson()),
                        () -> ctx.fail(new NotFoundException("no user " + id))))
                .onFailure(ctx::fail);
    }

    private void update(RoutingContext ctx) {
        JsonObject body = Requests.body(ctx);
        UserChanges changes = new UserChanges(
                Optional.ofNullable(body.getString("displayName")),
                role(body),
                Optional.ofNullable(body.getBoolean("active")),
                Optional.ofNullable(body.getString("password")),
                body.containsKey("phoneInterface")
                        ? Optional.of(Optional.ofNullable(body.getString("phoneInterface")))
                        : Optional.empty());
        users.update(Requests.pathId(ctx, "id"), changes)
                .onSuccess(user -> Responses.ok(ctx, user.toJson()))
                .onFailure(ctx::fail);
    }

    /** The contract allows only known roles; this maps the code to the enum. */
    private static Optional<Role> role(JsonObject body) {
        return Optional.ofNullable(body.getString("role")).map(code -> Code.parse(Role.class, code)
                .orElseThrow(() -> new InvalidInputException("role",
                        "must be one of " + Code.codes(Role.class))));
    }
}
