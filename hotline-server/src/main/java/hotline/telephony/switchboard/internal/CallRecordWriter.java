package hotline.telephony.switchboard.internal;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes finished calls on an event loop of its own, in batches (every {@value #FLUSH_MS} ms or at
 * {@value #BATCH} calls), so that a burst of hang-ups never delays the switchboard's screen pops behind database work.
 * A failed batch is retried call by call, so one bad row loses only itself. After each write, {@code stored} is told
 * (on the writer's event loop). {@link #submit} may be called from any thread.
 */
public final class CallRecordWriter extends VerticleBase {

    private static final Logger log = LoggerFactory.getLogger(CallRecordWriter.class);
    static final long FLUSH_MS = 100;
    static final int BATCH = 500;

    private final CallRecordStore store;
    private final Runnable stored;
    private List<CallRecordStore.Finished> pending = new ArrayList<>();
    private boolean writing;

    public CallRecordWriter(CallRecordStore store, Runnable stored) {
        this.store = store;
        this.stored = stored;
    }

    @Override
    public Future<?> start() {
        vertx.setPeriodic(FLUSH_MS, id -> flush());
        return Future.succeededFuture();
    }

    public void submit(CallRecordStore.Finished call) {
        context.runOnContext(v -> {
            pending.add(call);
            if (pending.size() >= BATCH) {
                flush();
            }
        });
    }

    @Override
    public Future<?> stop() {
        return write();
    }

    private void flush() {
        if (!writing && !pending.isEmpty()) {
            write();
        }
    }

    private Future<Void> write() {
        List<CallRecordStore.Finished> batch = pending;
        pending = new ArrayList<>();
        if (batch.isEmpty()) {
            return Future.succeededFuture();
        }
        writing = true;
        return store.saveAll(batch)
                .recover(e -> {
                    log.warn("Writing {} call records failed ({}); writing them one by one", batch.size(), e.getMessage());
                    return Future.join(batch.stream().map(call -> store.saveAll(List.of(call)).onFailure(one ->
                            log.error("Call record {} not stored: {}", call.record().uniqueid(), one.getMessage()))).toList())
                            .<Void>mapEmpty().otherwiseEmpty();
                })
                .onComplete(done -> {
                    writing = false;
                    stored.run();
                });
    }
}
