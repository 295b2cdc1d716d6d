package hotline.testing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.net.http.HttpHeaders;

/** An HTTP answer as tests look at it. */
public record ApiResponse(int status, String body, HttpHeaders headers) {

    public JsonObject json() {
        return new JsonObject(body);
    }

    public JsonArray jsonArray() {
        return new JsonArray(body);
    }

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }
}
