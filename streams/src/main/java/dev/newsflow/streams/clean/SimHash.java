package dev.newsflow.streams.clean;


/**
 * 64-bit SimHash of a text's word pairs (2-shingles): near-identical texts (a syndicated copy with an edited sentence) differ
 * in a few bits, unrelated ones in about 32. The duplicate marker's index splits it into bands to find candidates.
 */
public final class SimHash {

    /** Texts shorter than this have too few shingles for the hash to mean anything. */
    public static final int MIN_WORDS = 20;

    private SimHash() {
    }

    public static long of(String text) {
        int[] ones = new int[64]; // per bit, how many shingle hashes have it set: no branch in the loop
        int shingles = 0;
        int previousStart = -1;
        int previousEnd = -1;
        int i = 0;
        while (i < text.length()) { // words are runs of letters and digits, found without a regex or a copy
            int start = i;
            int c;
            while (i < text.length() && Character.isLetterOrDigit(c = text.codePointAt(i))) {
                i += Character.charCount(c);
            }
            if (i == start) {
                i += Character.charCount(text.codePointAt(i));
                continue;
            }
            if (previousStart >= 0) { // the pair (previous word, this word)
                long h = mix(fnv1a(text, previousStart, previousEnd, fnv1a(text, start, i, 0xcbf29ce484222325L)));
                for (int bit = 0; bit < 64; bit++) {
                    ones[bit] += (int) ((h >>> bit) & 1L);
                }
                shingles++;
            }
            previousStart = start;
            previousEnd = i;
        }
        long hash = 0;
        for (int bit = 0; bit < 64 && shingles > 0; bit++) {
            if (2 * ones[bit] > shingles) { // more shingles set it than not
                hash |= 1L << bit;
            }
        }
        return hash;
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

    /** FNV-1a of one lower-cased word of {@code text}, then a space. */
    private static long fnv1a(String text, int start, int end, long seed) {
        long h = seed;
        for (int i = start; i < end; i++) {
            h ^= Character.toLowerCase(text.charAt(i));
            h *= 0x100000001b3L;
        }
        h ^= ' ';
        return h * 0x100000001b3L;
    }
}
