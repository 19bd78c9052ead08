package dev.newsflow.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The ingest endpoint's token bucket, on a clock the test moves. */
class RequestRateTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void shouldServeABurstOfTheRateThenOneRequestPerRefilledToken() {
        RequestRate rate = new RequestRate(3, 0);
        assertThat(rate.tryAcquire(0)).isTrue();
        assertThat(rate.tryAcquire(0)).isTrue();
        assertThat(rate.tryAcquire(0)).isTrue();
        assertThat(rate.tryAcquire(0)).isFalse();
        assertThat(rate.tryAcquire(SECOND / 3 - 1)).isFalse();
        assertThat(rate.tryAcquire(SECOND / 3 + 1)).isTrue();
        assertThat(rate.tryAcquire(SECOND / 3 + 2)).isFalse();
        assertThat(rate.tryAcquire(10 * SECOND)).isTrue(); // a long pause refills up to the burst, not beyond
        assertThat(rate.tryAcquire(10 * SECOND)).isTrue();
        assertThat(rate.tryAcquire(10 * SECOND)).isTrue();
        assertThat(rate.tryAcquire(10 * SECOND)).isFalse();
    }

    @Test
    void shouldNotLimitAtZero() {
        RequestRate rate = new RequestRate(0, 0);
        for (int i = 0; i < 10_000; i++) {
            assertThat(rate.tryAcquire(0)).isTrue();
        }
    }
}
