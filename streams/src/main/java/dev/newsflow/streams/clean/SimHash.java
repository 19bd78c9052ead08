package dev.newsflow.streams.clean;

import java.util.Locale;

/**
 * 64-bit SimHash of a text's word pairs (2-shingles): near-identical texts (a syndicated copy with an edited sentence) differ
 * in a few bits, unrelated ones in about 32. Split into eight 8-bit bands, two hashes within 7 bits of each other share
 * at least one band exactly (pigeonhole), which is what lets an index find the candidates.
 */
public final class SimHash {

    public static final int BANDS = 8;
    /** Texts shorter than this have too few shingles for the hash to mean anything. */
    public static final int MIN_WORDS = 20;

    private SimHash() {
    }

    public static long of(String text) {
        String[] words = text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
        int[] weights = new int[64];
        int shingles = 0;
        for (int i = 0; i + 1 < words.length; i++) {
            if (words[i].isEmpty()) {
                continue;
            }
            long h = mix(fnv1a(words[i], fnv1a(words[i + 1], 0xcbf29ce484222325L)));
            for (int bit = 0; bit < 64; bit++) {
                weights[bit] += ((h >>> bit) & 1) == 1 ? 1 : -1;
            }
            shingles++;
        }
        long hash = 0;
        for (int bit = 0; bit < 64 && shingles > 0; bit++) {
            if (weights[bit] > 0) {
                hash |= 1L << bit;
            }
        }
        return hash;
    }

    public static int band(long hash, int band) {
        return (int) (hash >>> (8 * band)) & 0xFF;
    }

    public static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    /** FNV's low bits are weak: spread every input bit over all 64 (the finaliser of SplitMix64). */
    private static long mix(long h) {
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }

    private static long fnv1a(String word, long seed) {
        long h = seed;
        for (int i = 0; i < word.length(); i++) {
            h ^= word.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= ' ';
        return h * 0x100000001b3L;
    }
}
