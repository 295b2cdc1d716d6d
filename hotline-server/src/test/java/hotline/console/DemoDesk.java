package hotline.console;

import hotline.App;
import hotline.telephony.peer.AmiPeer;
import hotline.testing.Await;
import hotline.testing.TestApp;
import hotline.testing.TestDatabase;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.time.Clock;
import java.time.Duration;

/**
 * What the console's browser tests stand on: the whole server with the demo data (its agents have the phones
 * {@code PJSIP/agent1} and {@code PJSIP/agent2}) on a fresh database, linked to an AMI test peer through which
 * {@link Calls} rings them. Closing it stops the server, then the peer.
 */
final class DemoDesk implements AutoCloseable {

    private final AmiPeer peer;
    private final App app;
    private final Calls calls;

    private DemoDesk(AmiPeer peer, App app) {
        this.peer = peer;
        this.app = app;
        this.calls = new Calls(peer);
    }

    /** Starts the peer, then the server logged in to it; returns once the AMI link is up. */
    static DemoDesk start(String amiSecret) throws Exception {
        AmiPeer peer = new AmiPeer("hotline", amiSecret).start();
        App app;
        try {
            app = TestApp.start(new JsonObject().put("ami", new JsonObject().put("host", "127.0.0.1")
                    .put("port", peer.port()).put("user", "hotline").put("secret", amiSecret)),
                    Clock.systemUTC(), TestDatabase.fresh(), true);
        } catch (RuntimeException e) {
            peer.close();
            throw e;
        }
        DemoDesk desk = new DemoDesk(peer, app);
        Await.until(() -> app.telephony().amiUp(), Duration.ofSeconds(10));
        return desk;
    }

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

    @Override
    public void close() throws Exception {
        try {
            app.close();
        } finally {
            peer.close();
        }
    }
}
