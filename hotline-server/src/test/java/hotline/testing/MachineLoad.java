package hotline.testing;

import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * Latency bounds of the process tests on a shared machine. A bound such as "searchable within 1 s" is a property of
 * the design (a poll, a refresh) on cores the processes have to themselves; when the load average is above the
 * number of cores, every runnable thread gets that much less of a core, and the same work takes that much longer.
 */
public final class MachineLoad {

    private MachineLoad() {
    }

    /** {@code bound} stretched by the load average over the cores (never shortened), and said so when it is. */
    public static Duration stretch(Duration bound) {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        double factor = Math.max(1, load / Runtime.getRuntime().availableProcessors());
        if (factor > 1) {
            System.out.printf("load average %.1f on %d cores: a bound of %d ms allows %d ms%n", load,
                    Runtime.getRuntime().availableProcessors(), bound.toMillis(), (long) (bound.toMillis() * factor));
        }
        return Duration.ofMillis((long) (bound.toMillis() * factor));
    }
}
