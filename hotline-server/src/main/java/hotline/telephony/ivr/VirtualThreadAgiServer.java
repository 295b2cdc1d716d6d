package hotline.telephony.ivr;

import org.asteriskjava.fastagi.DefaultAgiServer;
import org.asteriskjava.fastagi.MappingStrategy;
import org.asteriskjava.util.ServerSocketFacade;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Asterisk-Java's FastAGI server with its thread pool replaced: each call runs on a virtual thread of its own. The
 * stock pool (10 core, 500 maximum threads on a SynchronousQueue) refuses call 501; virtual threads have no such
 * ceiling and a call blocked on Asterisk or on a service Future holds no platform thread. The accept loop runs on one
 * platform daemon thread. {@link #start} returns once the port is bound; {@link #stop} closes it and lets running calls
 * finish.
 */
public final class VirtualThreadAgiServer extends DefaultAgiServer {

    private static final Logger log = LoggerFactory.getLogger(VirtualThreadAgiServer.class);

    private final CountDownLatch bound = new CountDownLatch(1);
    private final AtomicInteger active = new AtomicInteger();
    private volatile IOException bindFailure;
    private Thread acceptor;

    public VirtualThreadAgiServer(MappingStrategy mappingStrategy, InetAddress address, int port) {
        super(mappingStrategy);
        setAddress(address);
        setPort(port);
    }

    /** Binds and starts accepting; throws when the port cannot be bound. */
    public void start() throws IOException {
        acceptor = Thread.ofPlatform().daemon().name("fastagi-accept").start(() -> {
            try {
                startup();
            } catch (IOException e) {
                bindFailure = e;
                bound.countDown();
            }
        });
        try {
            if (!bound.await(10, TimeUnit.SECONDS)) {
                throw new IOException("FastAGI server did not bind within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while binding the FastAGI server", e);
        }
        if (bindFailure != null) {
            throw bindFailure;
        }
        log.info("FastAGI listening on {}:{}", getAddress().getHostAddress(), getPort());
    }

    public void stop() {
        try {
            shutdown();
        } catch (IllegalStateException e) {
            log.debug("FastAGI server was not running: {}", e.getMessage());
        }
        if (acceptor != null) {
            try {
                acceptor.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Calls being served right now. */
    public int activeCalls() {
        return active.get();
    }

    @Override
    protected ServerSocketFacade createServerSocket() throws IOException {
        ServerSocketFacade socket = super.createServerSocket();
        bound.countDown();
        return socket;
    }

    @Override
    protected void execute(Runnable command) {
        if (isDie()) {
            throw new RejectedExecutionException("FastAGI server is shutting down");
        }
        active.incrementAndGet();
        Thread.ofVirtual().name("agi-call").start(() -> {
            try {
                command.run();
            } finally {
                active.decrementAndGet();
            }
        });
    }
}
