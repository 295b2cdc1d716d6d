package hotline.health;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.healthchecks.CheckResult;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.healthchecks.Status;
import io.vertx.ext.web.RoutingContext;

import java.util.HashSet;
import java.util.Set;

/**
 * {@code GET /health}: each registered part (database, AMI link, search index, ...) reports {@code UP}, {@code DOWN}
 * or {@code DISABLED}; the whole is {@code DOWN} when an essential part is down, {@code DEGRADED} when another part is,
 * {@code UP} otherwise. Runs on Vert.x's health-check registry, which bounds each check by a timeout.
 */
public final class Health {

    /** Put {@code "state": "disabled"} in a check's data to report a part that is switched off (not a fault). */
    public static final String DISABLED = "disabled";

    private static final long CHECK_TIMEOUT_MS = 2_000;

    private final HealthChecks checks;
    private final Set<String> essential = new HashSet<>();

    public Health(Vertx vertx) {
        this.checks = HealthChecks.create(vertx);
    }

    /** Registers a part; an essential part that is down takes the whole service down. */
    public Health register(String name, boolean isEssential, Handler<Promise<Status>> check) {
        checks.register(name, CHECK_TIMEOUT_MS, check);
        if (isEssential) {
            essential.add(name);
        }
        return this;
    }

    public static Status disabled(String why) {
        return Status.OK(new JsonObject().put("state", DISABLED).put("detail", why));
    }

    public Future<JsonObject> report() {
        return checks.checkStatus().map(result -> {
            JsonObject parts = new JsonObject();
            String overall = "UP";
            for (CheckResult part : result.getChecks()) {
                JsonObject data = part.getData() == null ? new JsonObject() : part.getData().copy();
                String state;
                if (Boolean.TRUE.equals(part.getUp())) {
                    state = DISABLED.equals(data.remove("state")) ? "DISABLED" : "UP";
                } else {
                    state = "DOWN";
                    overall = essential.contains(part.getId()) ? "DOWN" : "DOWN".equals(overall) ? "DOWN" : "DEGRADED";
                    if (part.getFailure() != null && !data.containsKey("detail")) {
                        data.put("detail", part.getFailure().getMessage());
                    }
                }
                parts.put(part.getId(), data.put("status", state));
            }
            return new JsonObject().put("status", overall).put("checks", parts);
        });
    }

    /** The report with every part: 200 while the service can work (UP or DEGRADED), 503 when it is DOWN. */
    public void handle(RoutingContext ctx) {
        answer(ctx, false);
    }

    /** Only the overall status, for anonymous callers: the parts tell what runs where. Same status codes. */
    public void handleSummary(RoutingContext ctx) {
        answer(ctx, true);
    }

    private void answer(RoutingContext ctx, boolean summaryOnly) {
        report().onComplete(done -> {
            JsonObject body = done.succeeded() ? done.result()
                    : new JsonObject().put("status", "DOWN").put("checks", new JsonObject());
            int status = "DOWN".equals(body.getString("status")) ? 503 : 200;
            if (summaryOnly) {
                body = new JsonObject().put("status", body.getString("status"));
            }
            ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                    .putHeader("Cache-Control", "no-store").end(body.encode());
        });
    }
}
