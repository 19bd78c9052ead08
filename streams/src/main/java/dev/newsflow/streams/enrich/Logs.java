package dev.newsflow.streams.enrich;

import java.util.stream.IntStream;

/**
 * log(1 + x) as the theme models weigh it: {@link Math#log} is a JIT intrinsic and {@link Math#log1p} is not, and
 * the precision log1p keeps for x near 0 does not matter for weights and counts of 0, 1, 2...
 */
final class Logs {

    /** log(1 + n) for the small counts of terms in a text. */
    private static final double[] OF_COUNTS = IntStream.range(0, 64).mapToDouble(n -> Math.log(1 + n)).toArray();

    private Logs() {
    }

    static double log1p(double x) {
        return Math.log(1 + x);
    }

    static double log1p(int n) {
        return n < OF_COUNTS.length ? OF_COUNTS[n] : Math.log(1 + n);
    }
}
