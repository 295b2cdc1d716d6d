package hotline.http;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A request body as a blocking {@link InputStream}, for a worker thread that parses it while it arrives: the event
 * loop queues the chunks, and pauses the request while more than {@value #HIGH_WATER} bytes wait, so a large upload
 * never sits whole in memory. A body longer than {@code limit} bytes fails the reading with {@link TooLarge}; a broken
 * upload with the connection's error. Create it on the request's event loop, before anything resumes the request
 * (chunks without a handler are dropped); read it on one other thread.
 */
public final class BlockingBody extends InputStream {

    /** The body is longer than allowed. */
    public static final class TooLarge extends IOException {
        TooLarge(long limit) {
            super("the body is larger than " + limit + " bytes");
        }
    }

    static final int HIGH_WATER = 1 << 20;
    private static final Object END = new Object();

    private final HttpServerRequest request;
    private final Context context;
    private final long limit;
    private final BlockingQueue<Object> chunks = new LinkedBlockingQueue<>();
    private final AtomicInteger waiting = new AtomicInteger();
    private volatile boolean paused;
    private long received;
    private boolean refused;
    private Object current;
    private int position;

    private BlockingBody(HttpServerRequest request, long limit) {
        this.request = request;
        this.context = Vertx.currentContext();
        this.limit = limit;
    }

    /** Starts taking the chunks of {@code request}; call on its event loop. */
    public static BlockingBody of(HttpServerRequest request, long limit) {
        BlockingBody body = new BlockingBody(request, limit);
        request.handler(body::chunk)
                .endHandler(end -> body.chunks.add(END))
                .exceptionHandler(failure -> body.chunks.add(failure))
                .resume();
        return body;
    }

    private void chunk(Buffer buffer) {
        if (refused) {
            return; // the rest of a body too large is read and dropped
        }
        received += buffer.length();
        if (received > limit) {
            refused = true;
            chunks.add(new TooLarge(limit));
            return;
        }
        chunks.add(buffer);
        if (waiting.addAndGet(buffer.length()) > HIGH_WATER && !paused) {
            paused = true;
            request.pause();
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (!(current instanceof Buffer available) || position == available.length()) {
            if (current == END) {
                return -1;
            }
            if (current instanceof IOException failure) {
                throw failure;
            }
            if (current instanceof Throwable failure) {
                throw new IOException("the upload broke off: " + failure.getMessage(), failure);
            }
            current = next();
            position = 0;
        }
        Buffer buffer = (Buffer) current;
        int count = Math.min(length, buffer.length() - position);
        buffer.getBytes(position, position + count, into, offset);
        position += count;
        return count;
    }

    private Object next() throws IOException {
        if (current instanceof Buffer done && waiting.addAndGet(-done.length()) < HIGH_WATER / 2 && paused) {
            context.runOnContext(v -> {
                if (paused) {
                    paused = false;
                    request.resume();
                }
            });
        }
        try {
            return chunks.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the upload");
        }
    }
}
