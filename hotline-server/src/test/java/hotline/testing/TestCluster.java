package hotline.testing;

import hotline.App;
import hotline.store.DbEndpoint;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.IntStream;

/**
 * Several Hotline instances in this JVM as one clustered hotline: each a {@link TestApp} with its own data directory
 * and HTTP port, all on one database, joined over Hazelcast on 127.0.0.1 (free ports, a cluster name of their own so
 * parallel test runs never merge). They start side by side; {@link #close} stops them all.
 */
public final class TestCluster implements AutoCloseable {

    private final List<App> apps;

    private TestCluster(List<App> apps) {
        this.apps = new ArrayList<>(apps);
    }

    /** {@code size} instances on {@code database} with the same extra {@code settings} (e.g. an {@code ami} section). */
    public static TestCluster start(int size, JsonObject settings, DbEndpoint database) {
        return start(size, settings, database, Clock.systemUTC());
    }

    /** ... and the time of {@code clock}. */
    public static TestCluster start(int size, JsonObject settings, DbEndpoint database, Clock clock) {
        List<Integer> ports = IntStream.range(0, size).mapToObj(i -> freePort()).toList();
        String members = String.join(",", ports.stream().map(port -> "127.0.0.1:" + port).toList());
        String name = "hotline-test-" + ProcessHandle.current().pid() + "-" + ports.getFirst();
        List<CompletableFuture<App>> starting = ports.stream().map(port -> CompletableFuture.supplyAsync(() ->
                TestApp.start(settings.copy().put("cluster", new JsonObject().put("enabled", true).put("name", name)
                        .put("host", "127.0.0.1").put("port", port).put("members", members)
                        .put("memberTimeoutSeconds", 5)), clock, database))).toList();
        List<App> started = new ArrayList<>();
        RuntimeException failure = null;
        for (CompletableFuture<App> app : starting) {
            try {
                started.add(app.join());
            } catch (CompletionException e) {
                failure = e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
            }
        }
        if (failure != null) {
            started.forEach(App::close);
            throw failure;
        }
        return new TestCluster(started);
    }

    public List<App> apps() {
        return List.copyOf(apps);
    }

    public App get(int index) {
        return apps.get(index);
    }

    /** Stops one instance (as a clean shutdown would); the others go on. */
    public void stop(App app) {
        apps.remove(app);
        app.close();
    }

    @Override
    public void close() {
        apps.parallelStream().forEach(App::close);
        apps.clear();
    }

    private static int freePort() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
