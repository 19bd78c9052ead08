package dev.newsflow.producers.publish;

import java.util.concurrent.locks.LockSupport;

/** Spaces calls evenly at a given rate per second (no bursts); a rate of 0 or less means no limit. */
final class RatePacer {

    private final long intervalNanos;
    private long next = System.nanoTime();

    RatePacer(double perSecond) {
        this.intervalNanos = perSecond <= 0 ? 0 : (long) (1_000_000_000L / perSecond);
    }

    /** Waits for the next slot. */
    void acquire() {
        if (intervalNanos == 0) {
            return;
        }
        long now = System.nanoTime();
        if (next > now) {
            LockSupport.parkNanos(next - now);
        }
        next = Math.max(next, now) + intervalNanos;
    }
}
