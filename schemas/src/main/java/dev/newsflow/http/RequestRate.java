package dev.newsflow.http;

/**
 * A token bucket: up to {@code perSecond} requests each second, with bursts of as many; zero or less means no limit.
 * Thread-safe.
 */
public final class RequestRate {

    private static final double NANOS_PER_SECOND = 1e9;

    private final double perSecond;
    private double tokens;
    private long lastNanos;

    public RequestRate(double perSecond, long nowNanos) {
        this.perSecond = perSecond;
        this.tokens = perSecond;
        this.lastNanos = nowNanos;
    }

    /** Whether a request arriving at {@code nowNanos} (System.nanoTime) may be served. */
    public synchronized boolean tryAcquire(long nowNanos) {
        if (perSecond <= 0) {
            return true;
        }
        tokens = Math.min(perSecond, tokens + (nowNanos - lastNanos) / NANOS_PER_SECOND * perSecond);
        lastNanos = nowNanos;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }
}
