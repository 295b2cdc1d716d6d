package hotline.console.internal;

import hotline.auth.AuthGuard;
import hotline.auth.Role;
import hotline.auth.SessionService;
import hotline.auth.UserService;
import hotline.common.InvalidInputException;
import hotline.search.SearchRequest;
import hotline.search.SearchResults;
import hotline.search.SearchService;
import hotline.search.SearchSort;
import io.vertx.core.Handler;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The console's routes outside {@code /api}: {@code /} (to the desk or the log-in page), {@code /login},
 * {@code /logout}, {@code /desk}, {@code /search}, {@code /console/lang}, {@code /customers/…},
 * {@code /followups}, the simulated calls of {@code --demo}, the live stream
 * {@code /console/events}, and the static files ({@code /static/}, {@code /webjars/}). Each route carries the
 * {@link SecurityHeaders} and the {@link ErrorPages} failure handler.
 */
public final class PageRoutes implements Handler<Router> {

    private static final int SEARCH_PAGE = 20;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final SessionService sessions;
    private final UserService users;
    private final SearchService search;
    private final Templates templates;
    private final Assets assets;
    private final Desk desk;
    private final AgentStates agents;
    private final LiveStream stream;
    private final PageKit kit;
    private final ZoneId zone;
    private final boolean secureCookie;
    private final CustomerPages customers;
    private final FollowUpsPage followUps;
    private final Training training;

    /** {@code training} is null outside {@code --demo}: then there are no simulated calls. */
    public PageRoutes(SessionService sessions, UserService users, SearchService search, Templates templates, Assets assets,
                      Desk desk, AgentStates agents, LiveStream stream, ZoneId zone, boolean secureCookie,
                      CustomerPages customers, FollowUpsPage followUps, Training training) {
        this.customers = customers;
        this.followUps = followUps;
        this.training = training;
        this.sessions = sessions;
        this.users = users;
        this.search = search;
        this.templates = templates;
        this.assets = assets;
        this.desk = desk;
        this.agents = agents;
        this.stream = stream;
        this.zone = zone;
        this.secureCookie = secureCookie;
        this.kit = new PageKit(sessions, templates, assets);
    }

    @Override
    public void handle(Router router) {
        Handler<RoutingContext> agent = kit.only(Role.AGENT);
        Handler<RoutingContext> supervisor = kit.only(Role.SUPERVISOR);
        Handler<RoutingContext> forms = kit.forms();

        kit.page(router.get("/"), this::root);
        kit.page(router.get("/login"), this::login);
        kit.page(router.post("/logout"), forms, agent, this::logout);
        kit.page(router.post("/console/lang"), forms, this::language);
        kit.page(router.get("/desk"), agent, this::desk);
        kit.page(router.get("/search"), agent, this::search);
        kit.page(router.get("/console/events"), agent, stream);
        kit.page(router.get("/customers/new"), agent, customers::newForm);
        kit.page(router.get("/customers/:id"), agent, customers::page);
        kit.page(router.get("/customers/:id/billing"), agent, customers::billing);
        kit.page(router.get("/followups"), agent, followUps);
        if (training != null) {
            kit.page(router.post("/supervisor/simulated-calls"), forms, supervisor, training::call);
            kit.page(router.post("/supervisor/simulated-calls/hang-up"), forms, supervisor, training::hangUp);
        }
        kit.page(router.get("/static/*"), StaticHandler.create("console/static").setMaxAgeSeconds(3600));
        kit.page(router.get("/webjars/*"), StaticHandler.create("META-INF/resources/webjars")
                .setMaxAgeSeconds(86_400));
    }

    private void root(RoutingContext ctx) {
        String token = AuthGuard.token(ctx).orElse(null);
        if (token == null) {
            ctx.redirect("/login");
            return;
        }
        sessions.authenticate(token).onFailure(ctx::fail)
                .onSuccess(principal -> ctx.redirect(principal.isPresent() ? "/desk" : "/login"));
    }

    private void login(RoutingContext ctx) {
        PageKit.html(ctx, templates.render("login.ftlh", Viewer.anonymousModel(Lang.of(ctx), assets)));
    }

    private void logout(RoutingContext ctx) {
        sessions.close(Viewer.of(ctx).sessionToken()).onFailure(ctx::fail).onSuccess(done -> {
            ctx.response().addCookie(Cookie.cookie(AuthGuard.COOKIE, "").setPath("/").setMaxAge(0).setHttpOnly(true)
                    .setSameSite(CookieSameSite.STRICT).setSecure(secureCookie));
            ctx.redirect("/login");
        });
    }

    /** Remembers the chosen language for a year; signed in or not (the log-in page has the switch too). */
    private void language(RoutingContext ctx) {
        Csrf.requireSameOrigin(ctx);
        Lang lang = Lang.parse(ctx.request().getFormAttribute("lang"))
                .orElseThrow(() -> new InvalidInputException("lang", "must be zh or en"));
        ctx.response().addCookie(Cookie.cookie(Lang.COOKIE, lang.code()).setPath("/").setMaxAge(365L * 24 * 3600)
                .setSameSite(CookieSameSite.LAX).setSecure(secureCookie));
        String back = ctx.request().getHeader("Referer");
        ctx.redirect(back != null && sameSitePath(back) != null ? sameSitePath(back) : "/");
    }

    private static String sameSitePath(String referer) {
        try {
            java.net.URI uri = java.net.URI.create(referer);
            String path = uri.getRawPath();
            if (path == null || !path.startsWith("/") || path.startsWith("//")) {
                return null;
            }
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private void desk(RoutingContext ctx) {
        Viewer viewer = Viewer.of(ctx);
        users.find(viewer.principal().id())
                .compose(user -> desk.model(viewer, user.map(hotline.auth.User::phoneInterface).orElse(null)))
                .map(model -> templates.render("desk.ftlh", model))
                .onSuccess(body -> PageKit.html(ctx, body))
                .onFailure(ctx::fail);
    }

    private void search(RoutingContext ctx) {
        Viewer viewer = Viewer.of(ctx);
        Map<String, Object> model = viewer.model(assets);
        String q = ctx.request().getParam("q", "").strip();
        int page = pageNumber(ctx.request().getParam("page"));
        model.put("q", q);
        model.put("page", page);
        model.put("size", SEARCH_PAGE);
        SearchRequest request;
        try {
            request = new SearchRequest(q.isEmpty() ? null : q, param(ctx, "type"), param(ctx, "status"),
                    param(ctx, "district"), param(ctx, "tier"), null, null, page, SEARCH_PAGE,
                    q.isEmpty() ? SearchSort.NEWEST : SearchSort.RELEVANCE, true);
        } catch (InvalidInputException invalid) {
            model.put("error", viewer.lang().message("error.422") + " (" + invalid.field() + ")");
            PageKit.html(ctx, templates.render("search.ftlh", model));
            return;
        }
        search.search(request)
                .map(results -> {
                    model.put("results", results(results));
                    return templates.render("search.ftlh", model);
                })
                .onSuccess(body -> PageKit.html(ctx, body))
                .onFailure(ctx::fail);
    }

    private Map<String, Object> results(SearchResults results) {
        JsonObject json = results.toJson();
        json.getJsonArray("hits").forEach(item -> {
            JsonObject hit = (JsonObject) item;
            hit.put("snippets", new io.vertx.core.json.JsonArray(hit.getJsonArray("snippets").stream()
                    .map(s -> Highlights.safe((String) s)).toList()));
            hit.put("createdText", DAY.format(java.time.Instant.parse(hit.getString("createdAt")).atZone(zone)));
        });
        return Models.plain(json);
    }

    private static String param(RoutingContext ctx, String name) {
        String value = ctx.request().getParam(name);
        return value == null || value.isBlank() ? null : value;
    }

    private static int pageNumber(String raw) {
        if (raw == null) {
            return 0;
        }
        try {
            return Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("page", "must be a whole number");
        }
    }
}
