package dev.newsflow.streams.enrich;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The words the words models know, each with an index: one lookup per word of a text serves every model. A word is
 * looked up by its {@link FoldedText} hash; words of one char ("s" of "Xi's", "u" of "U.S.") are none of them.
 */
final class Vocabulary {

    static final int MIN_LENGTH = 2;
    private static final long INDEX_MASK = 0xFFFF;

    private final List<String> words;
    /** Open addressing: each slot holds a word's hash with its low 16 bits replaced by its index + 1; 0 is empty. */
    private final long[] slots;

    private Vocabulary(List<String> words) {
        if (words.size() >= INDEX_MASK) {
            throw new IllegalArgumentException("A vocabulary of " + words.size() + " words is more than a slot can index");
        }
        this.words = List.copyOf(words);
        this.slots = new long[Integer.highestOneBit(Math.max(2, words.size()) * 4 - 1)];
        for (int word = 0; word < words.size(); word++) {
            long hash = FoldedText.hash(words.get(word));
            int slot = slot(hash);
            while (slots[slot] != 0) {
                slot = (slot + 1) & (slots.length - 1);
            }
            slots[slot] = hash & ~INDEX_MASK | word + 1;
        }
    }

    /** Every word of {@code vocabularies}, each once. */
    static Vocabulary of(List<List<String>> vocabularies) {
        Map<String, Boolean> union = new LinkedHashMap<>();
        vocabularies.forEach(words -> words.forEach(word -> union.put(word, true)));
        return new Vocabulary(List.copyOf(union.keySet()));
    }

    int size() {
        return words.size();
    }

    /** The index of {@code word}, or -1. */
    int indexOf(String word) {
        return lookup(FoldedText.hash(word));
    }

    /** The index of each word of {@code text}, or -1 for a word it does not know. */
    int[] indexes(FoldedText text) {
        int[] indexes = new int[text.words()];
        for (int word = 0; word < indexes.length; word++) {
            indexes[word] = text.end(word) - text.start(word) < MIN_LENGTH ? -1 : lookup(text.hash(word));
        }
        return indexes;
    }

    private int slot(long hash) {
        return (int) (hash >>> 32) & (slots.length - 1);
    }

    private int lookup(long hash) {
        for (int slot = slot(hash); slots[slot] != 0; slot = (slot + 1) & (slots.length - 1)) {
            if ((slots[slot] ^ hash) >>> 16 == 0) {
                return (int) (slots[slot] & INDEX_MASK) - 1;
            }
        }
        return -1;
    }
}
