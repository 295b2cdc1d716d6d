package hotline.console.internal;

import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;

import java.util.Arrays;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.TreeMap;

/**
 * The console's languages: Chinese (the default) and English. The choice is the {@value #COOKIE} cookie; the messages
 * come from {@code console/i18n/messages_<code>.properties} (UTF-8), loaded once.
 */
public enum Lang {
    ZH(Locale.SIMPLIFIED_CHINESE), EN(Locale.ENGLISH);

    public static final String COOKIE = "hotline_lang";

    private final Locale locale;
    private final Map<String, String> messages;

    Lang(Locale locale) {
        this.locale = locale;
        ResourceBundle bundle = ResourceBundle.getBundle("console.i18n.messages", Locale.forLanguageTag(code()),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        Map<String, String> all = new TreeMap<>();
        bundle.keySet().forEach(key -> all.put(key, bundle.getString(key)));
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
}
