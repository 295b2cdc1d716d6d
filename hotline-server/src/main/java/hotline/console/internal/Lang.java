package hotline.console.internal;

import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.TreeMap;

/**
 * The console's languages: Chinese (the default) and English. The choice is the {@value #COOKIE} cookie; the messages
 * come from {@code console/i18n/<bundle>_<code>.properties} (UTF-8) for each of {@link Bundles#NAMES}, loaded once into one
 * map (a key belongs to one bundle only). {@code messages} holds the agent's pages; each supervisor area has its own.
 */
public enum Lang {
    ZH(Locale.SIMPLIFIED_CHINESE), EN(Locale.ENGLISH);

    public static final String COOKIE = "hotline_lang";

    private final Locale locale;
    private final Map<String, String> messages;

    Lang(Locale locale) {
        this.locale = locale;
        Map<String, String> all = new TreeMap<>();
        for (String name : Bundles.NAMES) {
            ResourceBundle bundle = ResourceBundle.getBundle("console.i18n." + name, Locale.forLanguageTag(code()),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            bundle.keySet().forEach(key -> {
                if (all.put(key, bundle.getString(key)) != null) {
                    throw new IllegalStateException("console message " + key + " is in two bundles");
                }
            });
        }
        this.messages = Collections.unmodifiableMap(all);
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Locale locale() {
        return locale;
    }

    public Map<String, String> messages() {
        return messages;
    }

    public String message(String key) {
        return messages.getOrDefault(key, key);
    }

    public static Optional<Lang> parse(String code) {
        return Arrays.stream(values()).filter(lang -> lang.code().equals(code)).findFirst();
    }

    /** The language the request's browser chose, Chinese when none. */
    public static Lang of(RoutingContext ctx) {
        Cookie cookie = ctx.request().getCookie(COOKIE);
        return cookie == null ? ZH : parse(cookie.getValue()).orElse(ZH);
    }

    /** The bundles' names (a holder, because an enum's constructor may not read its own static fields). */
    static final class Bundles {
        static final List<String> NAMES = List.of("messages", "wallboard", "slaboard", "incidents", "outages", "reports",
                "admin", "archive", "notices");

        private Bundles() {
        }
    }
}
