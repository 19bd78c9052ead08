package dev.newsflow.bench;

import java.time.Duration;

/**
 * Waits for something the benchmark cannot be notified of (a metric reaching a value, a group committing offsets) by
 * checking it at an interval, up to a deadline.
 */
final class Poll {

    /** A check that may fail with an exception, which ends the wait. */
    interface Condition {
        boolean holds() throws Exception;
    }

    private Poll() {
    }

    /** Whether {@code condition} held within {@code timeout}, checked every {@code interval}. */
    static boolean within(Duration timeout, Duration interval, Condition condition) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            Thread.sleep(interval.toMillis());
        }
        return true;
    }

    /** Waits as {@link #within}, and fails with a message naming {@code what} when the deadline passes first. */
    static void until(String what, Duration timeout, Duration interval, Condition condition) throws Exception {
        if (!within(timeout, interval, condition)) {
            throw new IllegalStateException(what + " did not happen within " + timeout.toSeconds() + " s");
        }
    }
}
