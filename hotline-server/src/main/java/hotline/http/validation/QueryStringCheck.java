package hotline.http.validation;

import hotline.common.BadRequestException;
import hotline.common.StorableText;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/**
 * The first handler of every route: refuses a query string that cannot be read before anything parses it (Vert.x
 * would throw from deep inside, a 500): every {@code %} must start an escape of two hex digits, the escaped bytes must
 * be UTF-8 and the text {@link StorableText storable}. The failure names the parameter; the raw query never reaches a
 * log line (it may hold a phone number).
 */
public final class QueryStringCheck implements Handler<RoutingContext> {

    @Override
    public void handle(RoutingContext ctx) {
        String query = ctx.request().query();
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                String name = decode("query", equals < 0 ? pair : pair.substring(0, equals));
                if (equals >= 0) {
                    decode(name, pair.substring(equals + 1));
                }
            }
        }
        ctx.next();
    }

    /** The text of one name or value of the query string. */
    private static String decode(String field, String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                int high = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
                int low = high < 0 ? -1 : Character.digit(raw.charAt(i + 2), 16);
                if (low < 0) {
                    throw new BadRequestException(field, "query parameter " + field
                            + " has a malformed percent-escape (% must be followed by two hex digits)");
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else {
                bytes.write(c == '+' ? ' ' : c);
            }
        }
        String text = StorableText.decodeUtf8(field, ByteBuffer.wrap(bytes.toByteArray()));
        return StorableText.require(field, text);
    }
}
