package hotline.testing;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** JSON requests to the site (through nginx, or to one instance) as one signed-in user, as the API's clients send them. */
public final class SiteClient {

    /** What came back: the status and the body (empty object when the body is not JSON). */
    public record Reply(int status, JsonObject json) {
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http;
    private final String token;

    private SiteClient(HttpClient http, String token) {
        this.http = http;
        this.token = token;
    }

    /** Logs in at {@code base} (scheme, host and port) and keeps the session token. */
    public static SiteClient login(HttpClient http, URI base, String username, String password)
            throws IOException, InterruptedException {
        HttpResponse<String> reply = http.send(HttpRequest.newBuilder(base.resolve("/api/session")).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("username", username)
                        .put("password", password).encode())).build(), HttpResponse.BodyHandlers.ofString());
        if (reply.statusCode() != 200) {
            throw new IllegalStateException("log-in of " + username + " answered " + reply.statusCode() + ": "
                    + reply.body());
        }
        return new SiteClient(http, new JsonObject(reply.body()).getString("token"));
    }

    public String token() {
        return token;
    }

    public Reply get(URI uri) throws IOException, InterruptedException {
        return send(request(uri).GET().build());
    }

    public Reply post(URI uri, JsonObject body) throws IOException, InterruptedException {
        return send(request(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.encode())).build());
    }

    private HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Authorization", "Bearer " + token);
    }

    private Reply send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> reply = http.send(request, HttpResponse.BodyHandlers.ofString());
        JsonObject json;
        try {
            json = reply.body().isBlank() ? new JsonObject() : new JsonObject(reply.body());
        } catch (RuntimeException notJson) {
            json = new JsonObject();
        }
        return new Reply(reply.statusCode(), json);
    }
}
