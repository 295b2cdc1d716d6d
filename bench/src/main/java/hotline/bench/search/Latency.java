package hotline.bench.search;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * Measures the latency of a query kind: {@code threads} clients each run {@code perThread} queries back to back
 * (after a warm-up of {@code warmup} per client, not recorded); query {@code i} is chosen by the caller from its
 * index. Bounded: stops after the fixed number of queries.
 */
public final class Latency {

    /** Percentiles in milliseconds and throughput in queries per second. */
    public record Result(double p50, double p99, double max, double qps, long count) {
    }

    private Latency() {
    }

    public static Result measure(int threads, int warmup, int perThread, IntConsumer query) throws InterruptedException {
        Recorder recorder = new Recorder(3);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> clients = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int offset = t * 7_919;
            clients.add(Thread.ofPlatform().start(() -> {
                try {
                    for (int i = 0; i < warmup; i++) {
                        query.accept(offset + i);
                    }
                    for (int i = 0; i < perThread; i++) {
                        long begin = System.nanoTime();
                        query.accept(offset + warmup + i);
                        recorder.recordValue(System.nanoTime() - begin);
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }));
        }
        for (Thread client : clients) {
            client.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (failure.get() != null) {
            throw new IllegalStateException("a benchmark query failed", failure.get());
        }
        Histogram h = recorder.getIntervalHistogram();
        return new Result(h.getValueAtPercentile(50) / 1e6, h.getValueAtPercentile(99) / 1e6, h.getMaxValue() / 1e6,
                h.getTotalCount() / seconds, h.getTotalCount());
    }
}
