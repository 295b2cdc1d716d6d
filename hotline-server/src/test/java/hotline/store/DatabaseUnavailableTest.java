package hotline.store;

import hotline.testing.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which failures of the PostgreSQL client mean "the database cannot be reached now". The database is the tests'
 * real one, reached through a loopback relay that can drop its connections the way a killed server does.
 */
class DatabaseUnavailableTest {

    private final Relay relay = new Relay(TestDatabase.server());
    private final Vertx vertx = Vertx.vertx();
    private Pool pool;

    @BeforeEach
    void connect() {
        DbEndpoint server = TestDatabase.server();
        pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(1))
                .connectingTo(server.connectOptions().setHost("127.0.0.1").setPort(relay.port())).using(vertx).build();
    }

    @AfterEach
    void close() throws Exception {
        pool.close().await();
        vertx.close().await();
        relay.close();
    }

    @Test
    @DisplayName("a connection reset in the middle of a query (a killed server with unread data) is unavailability")
    void resetMidQuery() throws Exception {
        Throwable failure = failureOfQueryCutBy(true);
        assertThat(DatabaseUnavailable.is(failure)).as("%s", failure).isTrue();
    }

    @Test
    @DisplayName("a connection closed in the middle of a query is unavailability")
    void closedMidQuery() throws Exception {
        Throwable failure = failureOfQueryCutBy(false);
        assertThat(DatabaseUnavailable.is(failure)).as("%s", failure).isTrue();
    }

    @Test
    @DisplayName("a refused or already dropped connection is unavailability; a wrong query is not")
    void refusedAndWrong() {
        assertThat(DatabaseUnavailable.is(failureOf(pool.query("SELECT no_such_column").execute()))).isFalse();
        relay.close();
        Throwable refused = failureOf(pool.query("SELECT 1").execute());
        assertThat(DatabaseUnavailable.is(refused)).as("%s", refused).isTrue();
    }

    private Throwable failureOfQueryCutBy(boolean reset) throws Exception {
        pool.query("SELECT 1").execute().await();
        var running = pool.query("SELECT pg_sleep(5)").execute();
        TimeUnit.MILLISECONDS.sleep(300);
        relay.cut(reset);
        return failureOf(running);
    }

    private static Throwable failureOf(io.vertx.core.Future<?> future) {
        try {
            future.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            return e;
        }
        throw new AssertionError("the query succeeded");
    }

    /** Copies bytes between the client and the database; {@link #cut} ends every client connection. */
    private static final class Relay implements AutoCloseable {

        private final ServerSocket listener;
        private final List<Socket> clients = new CopyOnWriteArrayList<>();

        Relay(DbEndpoint target) {
            try {
                listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Thread.ofVirtual().start(() -> {
                while (!listener.isClosed()) {
                    try {
                        Socket client = listener.accept();
                        Socket server = new Socket(target.host(), target.port());
                        clients.add(client);
                        pump(client, server);
                        pump(server, client);
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
        }

        int port() {
            return listener.getLocalPort();
        }

        /** With {@code reset}, the client gets a TCP RST (SO_LINGER 0), as from a peer that died with unread data. */
        void cut(boolean reset) throws IOException {
            for (Socket client : clients) {
                if (reset) {
                    client.setSoLinger(true, 0);
                }
                client.close();
            }
        }

        private static void pump(Socket from, Socket to) {
            Thread.ofVirtual().start(() -> {
                try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                    in.transferTo(out);
                } catch (IOException ended) {
                    // One side is gone; closing both ends the other pump too.
                } finally {
                    closeQuietly(from);
                    closeQuietly(to);
                }
            });
        }

        private static void closeQuietly(Socket socket) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already closed
            }
        }

        @Override
        public void close() {
            try {
                listener.close();
                cut(false);
            } catch (IOException ignored) {
                // already closed
            }
        }
    }
}
