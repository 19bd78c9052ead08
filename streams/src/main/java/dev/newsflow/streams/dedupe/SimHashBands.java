package dev.newsflow.streams.dedupe;

import java.util.List;
import java.util.stream.IntStream;

/**
 * How the near-copy index splits a 64-bit SimHash into bands: for copies at most {@code d} bits apart, {@code d + 1}
 * disjoint bands, so two such hashes agree exactly on at least one of them (pigeonhole), each as wide as that allows.
 * Width is what keeps the index fast: an unrelated article shares a band of {@code b} bits with probability 2^-b, so
 * the candidates an article reads grow with the index as {@code (d + 1) / 2^b}: at the default distance 6, seven bands
 * of 9 or 10 bits read about 1 in 80 indexed articles, where eight fixed 8-bit bands read 1 in 32.
 */
record SimHashBands(int count) {

    static final int MAX_DISTANCE = 7;

    static SimHashBands forDistance(int maxDistance) {
        if (maxDistance < 0 || maxDistance > MAX_DISTANCE) {
            throw new IllegalArgumentException("the near-duplicate distance must be between 0 and " + MAX_DISTANCE);
        }
        return new SimHashBands(maxDistance + 1);
    }

    /** The first bands take one bit more when 64 does not divide evenly. */
    int width(int band) {
        return 64 / count + (band < 64 % count ? 1 : 0);
    }

    long value(long hash, int band) {
        int shift = 0;
        for (int b = 0; b < band; b++) {
            shift += width(b);
        }
        int width = width(band);
        return width == 64 ? hash : (hash >>> shift) & ((1L << width) - 1);
    }

    /**
     * The index key prefix of {@code hash}'s band: {@code s<bands>.<band>|<value>|}. The band count is part of it, so
     * entries made under another distance setting are never mistaken for this one's (they expire with the window).
     */
    String prefix(long hash, int band) {
        return "s" + count + "." + band + "|" + Long.toHexString(value(hash, band)) + "|";
    }

    /** The prefix of every band of {@code hash}: where to look for its near copies, and where to index it. */
    List<String> prefixes(long hash) {
        return IntStream.range(0, count).mapToObj(band -> prefix(hash, band)).toList();
    }
}
