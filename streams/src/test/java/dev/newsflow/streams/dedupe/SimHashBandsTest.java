package dev.newsflow.streams.dedupe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SimHashBandsTest {

    private static final long HASH = 0x1234_5678_9ABC_DEF0L;

    @Test
    void shouldSplitIntoOneBandMoreThanTheDistanceCoveringAllBitsOnce() {
        SimHashBands bands = SimHashBands.forDistance(6);
        assertThat(bands.count()).isEqualTo(7);
        assertThat(IntStream.range(0, 7).map(bands::width).toArray()).containsExactly(10, 9, 9, 9, 9, 9, 9);
        assertThat(IntStream.range(0, 7).mapToLong(b -> bands.value(HASH, b)).toArray())
                .containsExactly(0x2F0, 0x137, 0x157, 0x189, 0xB3, 0xD1, 0x24);
    }

    @Test
    void shouldNameTheLayoutInTheKeySoThatLayoutsNeverMix() {
        assertThat(SimHashBands.forDistance(6).prefix(HASH, 0)).isEqualTo("s7.0|2f0|");
        assertThat(SimHashBands.forDistance(7).prefix(HASH, 0)).isEqualTo("s8.0|f0|");
        assertThat(SimHashBands.forDistance(0).prefix(HASH, 0)).isEqualTo("s1.0|123456789abcdef0|");
    }

    @Test
    void shouldShareABandWithEveryHashWithinTheDistance() {
        Random random = new Random(2026);
        for (int distance = 0; distance <= SimHashBands.MAX_DISTANCE; distance++) {
            SimHashBands bands = SimHashBands.forDistance(distance);
            for (int trial = 0; trial < 2_000; trial++) {
                long hash = random.nextLong();
                long copy = hash;
                while (Long.bitCount(hash ^ copy) < distance) {
                    copy ^= 1L << random.nextInt(64);
                }
                long a = hash;
                long b = copy;
                assertThat(IntStream.range(0, bands.count()).anyMatch(band -> bands.value(a, band) == bands.value(b, band)))
                        .as("distance %d, %x and %x", distance, a, b).isTrue();
            }
        }
    }

    @Test
    void shouldRefuseADistanceItCannotIndex() {
        assertThatThrownBy(() -> SimHashBands.forDistance(8)).hasMessage("the near-duplicate distance must be between 0 and 7");
        assertThatThrownBy(() -> SimHashBands.forDistance(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
