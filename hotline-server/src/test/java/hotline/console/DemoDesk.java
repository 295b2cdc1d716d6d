package hotline.console;

import hotline.App;
import hotline.store.DbEndpoint;
import hotline.telephony.peer.AmiPeer;
import hotline.testing.Await;
import hotline.testing.TestApp;
import hotline.testing.TestDatabase;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;

/**
 * What the console's browser tests stand on: the whole server with the demo data (its agents have the phones
 * {@code PJSIP/agent1} and {@code PJSIP/agent2}) on a fresh database, linked to an AMI test peer through which
 * {@link Calls} rings them. The server keeps its port across a {@link #restart}, so an open page finds it again.
 * Closing it stops the server, then the peer.
 */
final class DemoDesk implements AutoCloseable {

    private final AmiPeer peer;
    private final DbEndpoint database;
    private final JsonObject settings;
    private final Calls calls;
    private App app;

    private DemoDesk(AmiPeer peer, DbEndpoint database, JsonObject settings) {
        this.peer = peer;
        this.database = database;
        this.settings = settings;
        this.calls = new Calls(peer);
    }

    /** Starts the peer, then the server logged in to it; returns once the AMI link is up. */
    static DemoDesk start(String amiSecret) throws Exception {
        AmiPeer peer = new AmiPeer("hotline", amiSecret).start();
        try {
            DemoDesk desk = new DemoDesk(peer, TestDatabase.fresh(), new JsonObject()
                    .put("http", new JsonObject().put("port", freePort()))
                    .put("ami", new JsonObject().put("host", "127.0.0.1").put("port", peer.port()).put("user", "hotline")
                            .put("secret", amiSecret).put("standbyRetryMs", 200)));
            desk.open();
            return desk;
        } catch (Exception | Error e) {
            peer.close();
            throw e;
        }
    }

    private void open() throws InterruptedException {
        app = TestApp.start(settings.copy(), Clock.systemUTC(), database, true);
        Await.until(() -> app.telephony().amiUp(), Duration.ofSeconds(10));
    }

    /** Stops the server and starts it again on the same port and database (the demo data is not loaded twice). */
    void restart() throws InterruptedException {
        app.close();
        open();
    }

    /** Another server of the same hotline (same database and Asterisk) on a port of its own; the caller closes it. */
    App another() throws IOException {
        return TestApp.start(settings.copy().put("http", new JsonObject().put("port", freePort())), Clock.systemUTC(),
                database, false);
    }

    /** The server now (a new one after {@link #restart}). */
    App app() {
        return app;
    }

    Calls calls() {
        return calls;
    }

    /** The first row of a statement on the server's database (null when none), for what a test sets up by hand. */
    Row query(String sql, Tuple args) {
        var rows = app.pool().preparedQuery(sql).execute(args).await();
        return rows.size() == 0 ? null : rows.iterator().next();
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    @Override
    public void close() throws Exception {
        try {
            app.close();
        } finally {
            peer.close();
        }
    }
}
