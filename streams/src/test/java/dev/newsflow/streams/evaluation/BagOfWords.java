package dev.newsflow.streams.evaluation;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** A text as a multiset of lower-cased words; a CJK character counts as a word of its own. */
final class BagOfWords {

    private final Map<String, Integer> counts = new HashMap<>();
    private int size;

    BagOfWords(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < lower.length(); ) {
            int c = lower.codePointAt(i);
            i += Character.charCount(c);
            if (isCjk(c)) {
                add(word);
                word.appendCodePoint(c);
                add(word);
            } else if (Character.isLetterOrDigit(c)) {
                word.appendCodePoint(c);
            } else {
                add(word);
            }
        }
        add(word);
    }

    private static boolean isCjk(int c) {
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA;
    }

    private void add(StringBuilder word) {
        if (!word.isEmpty()) {
            counts.merge(word.toString(), 1, Integer::sum);
            size++;
            word.setLength(0);
        }
    }

    int size() {
        return size;
    }

    /** The words both bags hold, each as often as the bag holding it less often. */
    int overlap(BagOfWords other) {
        int overlap = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            overlap += Math.min(e.getValue(), other.counts.getOrDefault(e.getKey(), 0));
        }
        return overlap;
    }
}
