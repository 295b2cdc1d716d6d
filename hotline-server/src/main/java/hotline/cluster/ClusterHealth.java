package hotline.cluster;

import hotline.health.Health;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.spi.cluster.ClusterManager;
import io.vertx.ext.healthchecks.Status;

/**
 * The {@code cluster} part of {@code /health}: DISABLED for a single instance; UP with the cluster's {@code name},
 * this instance's {@code node} id and the ids of the {@code members} it sees while it is in the cluster; DOWN when it
 * has left it. Not essential: an instance cut off from the others still serves its own browsers.
 */
public final class ClusterHealth {

    private ClusterHealth() {
    }

    /** {@code manager} is null when the cluster is not enabled. */
    public static void register(Health health, ClusterSettings settings, ClusterManager manager) {
        health.register("cluster", false, promise -> {
            if (manager == null) {
                promise.complete(Health.disabled("a single instance (cluster.enabled)"));
                return;
            }
            JsonObject data = new JsonObject().put("name", settings.name())
                    .put("listening", settings.host() + ":" + settings.port());
            if (!manager.isActive()) {
                promise.complete(Status.KO(data.put("detail", "this instance is not in the cluster")));
                return;
            }
            promise.complete(Status.OK(data.put("node", manager.getNodeId())
                    .put("members", new JsonArray(manager.getNodes()))));
        });
    }
}
