package hotline.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polling for asynchronous outcomes in tests: every 20 ms until the condition holds or the limit passes. */
public final class Await {

    private Await() {
    }

    /** Returns once {@code condition} holds; fails the test when it does not within {@code limit}. */
    public static void until(BooleanSupplier condition, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + limit);
            }
            Thread.sleep(20);
        }
    }
}
