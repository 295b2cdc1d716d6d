package hotline.notify.internal;

import hotline.config.Config;
import hotline.config.ConfigException;
import hotline.notify.SendFailure;
import hotline.notify.SmsGateway;
import hotline.notify.SmsMessage;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * The generic SMS adapter: {@code POST} to {@value #URL} the JSON {@code {"reference", "to", "text"}}, with
 * {@code Authorization: Bearer} {@value #TOKEN} when set. A 2xx answer means the gateway took the message; 400, 404,
 * 409, 410 and 422 are refusals for good (a number it cannot reach, a reference it already has); anything else, and
 * no answer within {@value #TIMEOUT} ms, is tried again.
 */
public final class HttpJsonSmsGateway implements SmsGateway {

    public static final String URL = "notify.sms.url";
    public static final String TOKEN = "notify.sms.token";
    public static final String TIMEOUT = "notify.sms.timeoutMs";

    private final WebClient client;
    private final String url;
    private final String token;
    private final long timeoutMs;

    public HttpJsonSmsGateway(Vertx vertx, Config config) {
        url = config.string(URL).orElseThrow(() -> new ConfigException(Config.describe(URL) + ": required for SMS"));
        try {
            URI uri = new URI(url);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                throw new URISyntaxException(url, "not http or https");
            }
        } catch (URISyntaxException e) {
            throw new ConfigException(Config.describe(URL) + ": not an http(s) URL: " + url);
        }
        token = config.string(TOKEN, null);
        timeoutMs = config.integer(TIMEOUT, 5_000, 100, 120_000);
        client = WebClient.create(vertx, new WebClientOptions().setKeepAlive(true).setConnectTimeout((int) timeoutMs),
                new PoolOptions().setHttp1MaxSize(16));
    }

    @Override
    public Future<Void> send(SmsMessage message) {
        var request = client.postAbs(url).timeout(timeoutMs);
        if (token != null) {
            request.bearerTokenAuthentication(token);
        }
        return request.sendJsonObject(new JsonObject().put("reference", message.reference()).put("to", message.to())
                        .put("text", message.text()))
                .recover(failure -> Future.failedFuture(new SendFailure(false, "SMS gateway: " + failure.getMessage())))
                .compose(HttpJsonSmsGateway::outcome);
    }

    private static Future<Void> outcome(HttpResponse<Buffer> response) {
        int status = response.statusCode();
        if (status / 100 == 2) {
            return Future.succeededFuture();
        }
        String body = response.bodyAsString();
        String detail = "SMS gateway " + status + (body == null || body.isBlank() ? ""
                : ": " + (body.length() > 200 ? body.substring(0, 200) : body));
        boolean permanent = status == 400 || status == 404 || status == 409 || status == 410 || status == 422;
        return Future.failedFuture(new SendFailure(permanent, detail));
    }

    @Override
    public Future<Void> close() {
        client.close();
        return Future.succeededFuture();
    }
}
