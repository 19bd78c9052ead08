package dev.newsflow.streams.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FingerprintTest {

    @Test
    void shouldReadBackWhatItEncodedEvenWhenTheIdHoldsTheSeparator() {
        String encoded = new Fingerprint("a|b-1", 0xF234_5678_9ABC_DEF0L, 1_767_225_600_000L).encode();
        assertThat(encoded).isEqualTo("a|b-1|f23456789abcdef0|1767225600000");
        assertThat(Fingerprint.simHashOf(new Fingerprint("x", 0xF234_5678_9ABC_DEF0L, 7).encode())).isEqualTo(0xF234_5678_9ABC_DEF0L);
        assertThat(Fingerprint.simHashOf("x|0|7")).isZero();
        assertThat(Fingerprint.decode(encoded)).isEqualTo(new Fingerprint("a|b-1", 0xF234_5678_9ABC_DEF0L, 1_767_225_600_000L));
        assertThat(Fingerprint.simHashOf(encoded)).isEqualTo(0xF234_5678_9ABC_DEF0L);
    }
}
