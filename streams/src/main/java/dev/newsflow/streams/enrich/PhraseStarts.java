package dev.newsflow.streams.enrich;

import java.util.List;

/**
 * Where in a text a phrase may begin, judged from whole words: a phrase of one word only at that word, a longer one
 * only where its first two words are the text's next two (the chars between them the matcher checks). Most words of a
 * text begin no phrase, and passing them here costs a hash check instead of a walk through the matcher's trie per char.
 * Words are those of {@link FoldedText}, so a phrase's words are cut exactly as the text's are.
 */
final class PhraseStarts {

    /** A bit per phrase's first word (hash bits 48 to 63): most words are turned away here, in L1 cache. */
    private final long[] firstWords = new long[1 << 10];
    /** Open-addressing sets of hashes, 0 for an empty slot: the words of one-word phrases, and first-two-word pairs. */
    private final long[] single;
    private final long[] pairs;

    private PhraseStarts(int phrases) {
        this.single = new long[Integer.highestOneBit(Math.max(16, phrases * 4))];
        this.pairs = new long[single.length];
    }

    static PhraseStarts of(List<String> phrases) {
        PhraseStarts starts = new PhraseStarts(phrases.size());
        for (String phrase : phrases) {
            FoldedText words = FoldedText.of(phrase);
            if (words.words() == 0 || words.start(0) != 0) {
                continue; // begins with no word: the matcher follows it char by char
            }
            long first = words.hash(0);
            starts.firstWords[(int) (first >>> 54)] |= 1L << (first >>> 48);
            add(words.words() == 1 ? starts.single : starts.pairs, words.words() == 1 ? first : pair(first, words.hash(1)));
        }
        return starts;
    }

    /** Whether some phrase may begin at word {@code word} of {@code text}. */
    boolean mayBeginAt(FoldedText text, int word) {
        long first = text.hash(word);
        if ((firstWords[(int) (first >>> 54)] & 1L << (first >>> 48)) == 0) {
            return false;
        }
        return contains(single, first) || word + 1 < text.words() && contains(pairs, pair(first, text.hash(word + 1)));
    }

    private static long pair(long first, long second) {
        long h = first * 0x9E3779B97F4A7C15L ^ second;
        return h == 0 ? 1 : h;
    }

    private static void add(long[] set, long hash) {
        int mask = set.length - 1;
        int slot = slot(hash, mask);
        while (set[slot] != 0 && set[slot] != hash) {
            slot = (slot + 1) & mask;
        }
        set[slot] = hash;
    }

    private static boolean contains(long[] set, long hash) {
        int mask = set.length - 1;
        for (int slot = slot(hash, mask); set[slot] != 0; slot = (slot + 1) & mask) {
            if (set[slot] == hash) {
                return true;
            }
        }
        return false;
    }

    private static int slot(long hash, int mask) {
        long h = hash * 0x9E3779B97F4A7C15L;
        return (int) (h ^ h >>> 29) & mask;
    }
}
