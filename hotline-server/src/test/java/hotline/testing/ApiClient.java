package hotline.testing;

import hotline.App;
import hotline.auth.NewUser;
import hotline.auth.Role;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A client of a test server's API: anonymous, or logged in as a fresh user of a role (the token goes in
 * {@code Authorization: Bearer}). Paths are relative to the server ({@code /api/tickets}). Bodies are JSON: a
 * {@link JsonObject}, a record/map/list (encoded by Vert.x's Jackson) or a ready string. Blocking; for tests only.
 */
public final class ApiClient {

    public static final String PASSWORD = "copper-lantern-orbit-41";
    private static final AtomicInteger USERS = new AtomicInteger();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final String token;
    private final JsonObject user;

    private ApiClient(App app, String token, JsonObject user) {
        this.base = "http://127.0.0.1:" + app.httpPort();
        this.token = token;
        this.user = user;
    }

    public static ApiClient anonymous(App app) {
        return new ApiClient(app, null, null);
    }

    /** A monitor holding the management token: sees the detail of /health and /metrics. */
    public static ApiClient management(App app) {
        return new ApiClient(app, TestApp.MANAGEMENT_TOKEN, null);
    }

    /** Creates a new user of {@code role} (password {@link #PASSWORD}) and logs in over HTTP. */
    public static ApiClient as(App app, Role role) {
        String username = role.code() + "-" + ProcessHandle.current().pid() % 10_000 + "-" + USERS.incrementAndGet();
        app.auth().users().create(new NewUser(username, "Test " + username, role, PASSWORD)).await();
        return login(app, username, PASSWORD);
    }

    /** Logs in as an existing user; fails the test unless the server answers 200. */
    public static ApiClient login(App app, String username, String password) {
        ApiResponse response = anonymous(app).post("/api/session",
                new JsonObject().put("username", username).put("password", password));
        if (response.status() != 200) {
            throw new AssertionError("login of " + username + " answered " + response.status() + ": " + response.body());
        }
        return new ApiClient(app, response.json().getString("token"), response.json().getJsonObject("user"));
    }

    /** The session token, or {@code null} for an anonymous client. */
    public String token() {
        return token;
    }

    /** The logged-in user as {@code POST /api/session} returned it ({@code id}, {@code username}, {@code role}...). */
    public JsonObject user() {
        return user;
    }

    public ApiResponse get(String path) {
        return get(path, Map.of());
    }

    public ApiResponse get(String path, Map<String, String> headers) {
        return send(request(path, headers).GET());
    }

    public ApiResponse delete(String path) {
        return send(request(path, Map.of()).DELETE());
    }

    public ApiResponse post(String path, Object json) {
        return post(path, encode(json), Map.of("Content-Type", "application/json"));
    }

    public ApiResponse post(String path, String body, Map<String, String> headers) {
        return send(request(path, headers).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    public ApiResponse patch(String path, Object json) {
        return patch(path, encode(json), Map.of("Content-Type", "application/json"));
    }

    public ApiResponse patch(String path, String body, Map<String, String> headers) {
        return send(request(path, headers)
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    public ApiResponse put(String path, Object json) {
        return send(request(path, Map.of("Content-Type", "application/json"))
                .PUT(HttpRequest.BodyPublishers.ofString(encode(json), StandardCharsets.UTF_8)));
    }

    private HttpRequest.Builder request(String path, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        headers.forEach(builder::header);
        return builder;
    }

    private static String encode(Object json) {
        return json instanceof String text ? text : Json.encode(json);
    }

    private static ApiResponse send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new ApiResponse(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
