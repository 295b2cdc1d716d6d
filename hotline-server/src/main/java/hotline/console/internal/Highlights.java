package hotline.console.internal;

import java.util.regex.Pattern;

/**
 * The one markup the console outputs unescaped: search snippets, which the index builds as escaped text with
 * {@code <em>} around matches. A snippet is passed on only when that is all it holds; otherwise it is escaped whole.
 */
final class Highlights {

    private static final Pattern EM = Pattern.compile("</?em>");

    private Highlights() {
    }

    static String safe(String snippet) {
        String rest = EM.matcher(snippet).replaceAll("");
        if (rest.indexOf('<') < 0 && rest.indexOf('>') < 0 && rest.indexOf('"') < 0 && balanced(snippet)) {
            return snippet;
        }
        return escape(snippet);
    }

    private static boolean balanced(String snippet) {
        int depth = 0;
        var matcher = EM.matcher(snippet);
        while (matcher.find()) {
            depth += matcher.group().equals("<em>") ? 1 : -1;
            if (depth < 0 || depth > 1) {
                return false;
            }
        }
        return depth == 0;
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
