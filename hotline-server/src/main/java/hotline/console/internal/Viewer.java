package hotline.console.internal;

import hotline.auth.Principal;
import hotline.auth.Role;
import io.vertx.ext.web.RoutingContext;

import java.util.HashMap;
import java.util.Map;

/** The signed-in person looking at a console page: who, with which session, in which language. */
public record Viewer(Principal principal, String sessionToken, Lang lang) {

    static final String KEY = "hotline.console.viewer";

    public static Viewer of(RoutingContext ctx) {
        return ctx.get(KEY);
    }

    public String csrf() {
        return Csrf.token(sessionToken);
    }

    /** What every signed-in page's layout needs: language, messages, user, CSRF token, asset paths. */
    public Map<String, Object> model(Assets assets) {
        Map<String, Object> model = anonymousModel(lang, assets);
        model.put("user", Map.of(
                "id", principal.id(),
                "username", principal.username(),
                "displayName", principal.displayName(),
                "supervisor", principal.role().includes(Role.SUPERVISOR),
                "admin", principal.role().includes(Role.ADMIN)));
        model.put("csrf", csrf());
        return model;
    }

    public static Map<String, Object> anonymousModel(Lang lang, Assets assets) {
        Map<String, Object> model = new HashMap<>();
        model.put("lang", lang.code());
        model.put("m", lang.messages());
        model.put("assets", assets.paths());
        return model;
    }
}
