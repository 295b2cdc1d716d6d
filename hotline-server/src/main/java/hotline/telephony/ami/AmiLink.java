package hotline.telephony.ami;

import hotline.common.Code;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgConnectOptions;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.ManagerEventListener;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.action.EventGeneratingAction;
import org.asteriskjava.manager.action.QueueStatusAction;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.ResponseEvent;
import org.asteriskjava.manager.response.ManagerError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The link to one Asterisk's manager interface: one Asterisk-Java ManagerConnection at a time, supervised by a virtual
 * thread that logs in, resynchronises (QueueStatus, CoreShowChannels) and only then counts as up, and, when the link
 * drops, starts again with a backoff of 100 ms doubling to at most 300 ms, so the link is back within about half a
 * second of Asterisk answering again (Asterisk-Java's own reconnect, which waits 5 s after ten quick tries, is
 * stopped). A resync Asterisk refuses drops the link and says so in {@link #lastProblem}: one it does not know yet
 * (Asterisk still loading its modules) is tried again with the backoff, one the AMI user lacks the class for every
 * {@code standbyRetryMs}. Only the instance holding the Asterisk's {@link AmiLease} (a PostgreSQL advisory lock) logs
 * in; the others stand by, trying for the lease every
 * {@code standbyRetryMs}, and take over when the holder goes away. A holder whose lease session ends closes the link at
 * once (and checks the session every {@code standbyRetryMs}), then stands by for one round before trying again, so a
 * standby gets its turn. Events go to {@code sink} at once from
 * Asterisk-Java's thread, translated by {@link AmiEvents}; the sink must not block (it publishes on the event bus).
 * The secret is held here only and never logged.
 */
public final class AmiLink {

    /** What the link is doing now. */
    public enum State implements Code {
        /** Logged in: this instance holds the link. */
        CONNECTED,
        /** Another instance holds the link; this one waits to take over. */
        STANDBY,
        /** This instance should hold the link but it is not logged in (Asterisk or the database unreachable). */
        DOWN
    }

    private static final Logger log = LoggerFactory.getLogger(AmiLink.class);
    private static final long FIRST_BACKOFF_MS = 100;
    /** Small enough that the link is back well within a second of Asterisk answering again; a connect is cheap. */
    private static final long MAX_BACKOFF_MS = 300;
    private static final long RESYNC_TIMEOUT_MS = 10_000;

    private final String host;
    private final int port;
    private final String user;
    private final String secret;
    private final Consumer<JsonObject> sink;
    private final Clock clock;
    private final AmiLease lease;
    private final long standbyRetryMs;
    private volatile boolean running;
    private volatile boolean up;
    private volatile boolean standby;
    private volatile String lastProblem = "not connected yet";
    private volatile ManagerConnection connection;
    private volatile CountDownLatch disconnected;
    private Thread supervisor;

    /**
     * A link to {@code host:port}, leased through {@code database} (a dedicated session, not the pool); a standby
     * tries for the lease every {@code standbyRetryMs} ms.
     */
    public AmiLink(String host, int port, String user, String secret, Consumer<JsonObject> sink, Clock clock,
                   Vertx vertx, PgConnectOptions database, long standbyRetryMs) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.secret = secret;
        this.sink = sink;
        this.clock = clock;
        this.standbyRetryMs = standbyRetryMs;
        this.lease = new AmiLease(vertx, database, target(), this::leaseLost);
    }

    public synchronized void start() {
        running = true;
        supervisor = Thread.ofVirtual().name("ami-link-" + host + ":" + port).start(this::supervise);
    }

    public synchronized void stop() {
        running = false;
        CountDownLatch latch = disconnected;
        if (latch != null) {
            latch.countDown();
        }
        if (supervisor != null) {
            supervisor.interrupt();
            try {
                supervisor.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public boolean isUp() {
        return up;
    }

    public State state() {
        return up ? State.CONNECTED : standby ? State.STANDBY : State.DOWN;
    }

    /** host:port, for health and logs. */
    public String target() {
        return host + ":" + port;
    }

    /** Why the link is down (no secret in it). */
    public String lastProblem() {
        return lastProblem;
    }

    /** The connection while the link is up, for actions (QueueAdd, Originate, ...); null while down. */
    public ManagerConnection connection() {
        return up ? connection : null;
    }

    private void supervise() {
        try {
            warmUpAsteriskJava();
            superviseLeased();
        } finally {
            // stop() interrupts this thread; closing the lock's session must still wait for its answer
            Thread.interrupted();
            lease.release();
        }
    }

    /**
     * Asterisk-Java scans its jar for event classes once per JVM, at the first connection (1-2 s on a busy machine):
     * paid here at start-up, a standby that takes the link over does not pay it within its failover time.
     */
    private static void warmUpAsteriskJava() {
        try {
            Class.forName("org.asteriskjava.manager.internal.EventBuilderImpl", true, AmiLink.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            log.debug("Asterisk-Java's event classes not scanned ahead: {}", e.toString());
        }
    }

    private void superviseLeased() {
        long backoff = FIRST_BACKOFF_MS;
        while (running) {
            if (!lease.isHeld() && !takeLease()) {
                if (!sleep(standbyRetryMs)) {
                    return;
                }
                continue;
            }
            CountDownLatch latch = new CountDownLatch(1);
            disconnected = latch;
            ManagerConnection candidate = new ManagerConnectionFactory(host, port, user, secret).createManagerConnection();
            candidate.setSocketTimeout(3_000);
            candidate.addEventListener(listener(latch));
            try {
                candidate.login();
            } catch (Exception e) {
                lastProblem = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
                log.debug("AMI login to {} failed: {}", target(), lastProblem);
                if (!sleep(backoff)) {
                    return;
                }
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
                continue;
            }
            connection = candidate;
            String refused = resync(candidate);
            if (refused == null) {
                backoff = FIRST_BACKOFF_MS;
                up = true;
                log.info("AMI link to {} is up", target());
                awaitEnd(latch);
                lastProblem = "connection lost";
            } else {
                lastProblem = refused;
            }
            up = false;
            closeQuietly(candidate);
            if (refused != null) {
                // An Asterisk still starting (its queue module not loaded yet) does not know QueueStatus: try again
                // soon. A class the AMI user lacks will not come by itself: no more often than a standby tries.
                if (!sleep(refused.contains("Permission denied") ? standbyRetryMs : backoff)) {
                    return;
                }
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
            }
            if (running && !lease.isHeld()) {
                log.warn("AMI link to {} closed: the database session holding its lock ended", target());
                lastProblem = "the database session holding the AMI lock ended";
                if (!sleep(standbyRetryMs)) {
                    return;
                }
            } else if (running && refused == null) {
                log.warn("AMI link to {} lost; reconnecting", target());
            }
        }
    }

    /** Tries for the lease; false (standing by, or the database unreachable) when this instance must not log in. */
    private boolean takeLease() {
        boolean took;
        try {
            took = lease.acquire();
        } catch (Exception e) {
            standby = false;
            lastProblem = "database unreachable for the AMI lock: " + e.getClass().getSimpleName();
            log.debug("AMI lock for {}: {}", target(), e.toString());
            return false;
        }
        if (took) {
            standby = false;
            log.info("This instance now holds the AMI link to {}", target());
        } else {
            if (!standby) {
                log.info("Another Hotline instance holds the AMI link to {}; standing by", target());
            }
            standby = true;
            lastProblem = "another Hotline instance holds the link";
        }
        return took;
    }

    /** Waits until the link drops, the lease is lost, or the lease's session stops answering (checked each round). */
    private void awaitEnd(CountDownLatch latch) {
        try {
            while (!latch.await(standbyRetryMs, TimeUnit.MILLISECONDS)) {
                if (!lease.confirm()) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void leaseLost() {
        CountDownLatch latch = disconnected;
        if (latch != null) {
            latch.countDown();
        }
    }

    private ManagerEventListener listener(CountDownLatch latch) {
        return (ManagerEvent event) -> {
            if (event instanceof DisconnectEvent) {
                latch.countDown();
                return;
            }
            JsonObject json = AmiEvents.toJson(event, clock.millis(), System.nanoTime());
            if (json != null) {
                sink.accept(json);
            }
        };
    }

    /**
     * Asks for the live state; a link that cannot answer it (Asterisk refusing the action, or no answer in time) is
     * not trusted and is dropped: the reason is returned, null when the state was handed on.
     */
    private String resync(ManagerConnection link) {
        try {
            long askedAt = clock.millis();
            JsonArray status = listOf(link, new QueueStatusAction());
            JsonArray channels = listOf(link, new CoreShowChannelsAction());
            sink.accept(new JsonObject().put("type", AmiEvents.RESYNC).put("status", status)
                    .put("channels", channels).put("at", askedAt));
            return null;
        } catch (Exception e) {
            log.warn("AMI resync with {} failed, reconnecting: {}", target(), e.getMessage());
            return "resync failed: " + e.getMessage();
        }
    }

    private JsonArray listOf(ManagerConnection link, EventGeneratingAction action) throws Exception {
        ResponseEvents answer = link.sendEventGeneratingAction(action, RESYNC_TIMEOUT_MS);
        if (answer.getResponse() instanceof ManagerError refused) {
            String why = String.valueOf(refused.getMessage());
            throw new IllegalStateException("Asterisk refused " + action.getAction() + ": " + why
                    + (why.contains("Permission denied")
                    ? " (the AMI user needs the classes of ivr-scripts/manager.conf.sample)" : " (still starting?)"));
        }
        JsonArray items = new JsonArray();
        for (ResponseEvent event : answer.getEvents()) {
            JsonObject json = AmiEvents.toJson(event, clock.millis(), System.nanoTime());
            if (json != null) {
                items.add(json);
            }
        }
        return items;
    }

    private static void closeQuietly(ManagerConnection link) {
        try {
            // Also ends Asterisk-Java's own reconnect thread, which this supervisor replaces.
            link.logoff();
        } catch (RuntimeException e) {
            log.debug("AMI logoff: {}", e.getMessage());
        }
    }

    private boolean sleep(long ms) {
        try {
            TimeUnit.MILLISECONDS.sleep(ms);
            return running;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
