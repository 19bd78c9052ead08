package dev.newsflow.streams.enrich;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The words model of {@link ThemeModel} at work: per theme, a logistic model of a paragraph's words, fitted on the
 * labelled paragraphs of news. A paragraph is its TF-IDF vector over the model's vocabulary (1 + log of each word's
 * count, times the word's IDF, scaled to length 1); words outside the vocabulary do not count. It sees what the
 * lexicon does not list ("talks", "troops", "tariff", "ballots") and weighs the lexicon's words by how labellers used
 * them. Words are those of {@link FoldedText}, looked up by their hash, so a text's words are never copied out.
 * Built once per taxonomy; thread-safe.
 */
public final class ParagraphWords {

    /** Words of one char ("s" of "Xi's", "u" of "U.S.") say nothing. */
    private static final int MIN_LENGTH = 2;
    private static final long INDEX_MASK = 0xFFFF;

    private final int themeCount;
    private final boolean[] known;
    private final double[] bias;
    /** Each word's weight for each theme: word w, theme t at {@code w * themeCount + t}. */
    private final float[] weights;
    private final double[] idf;
    /** Per thread, a count per vocabulary word: a text's words are counted without clearing a new array each time. */
    private final ThreadLocal<int[]> scratch;
    /** Open addressing: each slot holds a word's hash with its low 16 bits replaced by its index + 1; 0 is empty. */
    private final long[] slots;

    /** The words model {@code model} bound to the themes {@code themeIds}, in their order. */
    ParagraphWords(ThemeModel.WordModel model, List<String> themeIds) {
        this.themeCount = themeIds.size();
        this.known = new boolean[themeCount];
        this.bias = new double[themeCount];
        int vocabulary = model.vocabulary().size();
        this.weights = new float[vocabulary * themeCount];
        this.idf = model.idf().clone();
        this.scratch = ThreadLocal.withInitial(() -> new int[vocabulary]);
        for (int t = 0; t < themeCount; t++) {
            double[] w = model.weights().get(themeIds.get(t));
            if (w != null) {
                known[t] = true;
                bias[t] = w[0];
                for (int word = 0; word < vocabulary; word++) {
                    weights[word * themeCount + t] = (float) w[1 + word];
                }
            }
        }
        if (vocabulary >= INDEX_MASK) {
            throw new IllegalArgumentException("A words model of " + vocabulary + " words is more than a slot can index");
        }
        this.slots = new long[Integer.highestOneBit(Math.max(2, vocabulary) * 4 - 1)];
        for (int word = 0; word < vocabulary; word++) {
            long hash = FoldedText.hash(model.vocabulary().get(word));
            int slot = slot(hash);
            while (slots[slot] != 0) {
                slot = (slot + 1) & (slots.length - 1);
            }
            slots[slot] = hash & ~INDEX_MASK | word + 1;
        }
    }

    /** Whether there is a words model of theme {@code theme}. */
    boolean knows(int theme) {
        return known[theme];
    }

    /**
     * Per theme, the probability of the paragraph most about it, over the paragraphs after the title (separated by a
     * blank line); 0 for every theme of a text without paragraphs. {@code folded} is {@code text} folded.
     */
    double[] best(String text, FoldedText folded, int titleLength) {
        double[] best = new double[themeCount];
        Arrays.fill(best, Double.NEGATIVE_INFINITY);
        int[] counts = scratch.get(); // all zero between calls: weigh() clears what a paragraph counted
        int[] found = new int[64];
        int paragraphs = 0;
        int word = 0;
        while (word < folded.words() && folded.start(word) < titleLength) {
            word++;
        }
        for (int start = titleLength; titleLength < text.length() && start <= text.length(); ) {
            int gap = text.indexOf("\n\n", start);
            int end = gap < 0 ? text.length() : gap;
            int distinct = 0;
            for (; word < folded.words() && folded.start(word) < end; word++) {
                int id = folded.end(word) - folded.start(word) < MIN_LENGTH ? -1 : lookup(folded.hash(word));
                if (id >= 0 && counts[id]++ == 0) {
                    if (distinct == found.length) {
                        found = Arrays.copyOf(found, distinct * 2);
                    }
                    found[distinct++] = id;
                }
            }
            weigh(found, distinct, counts, best);
            paragraphs++;
            start = gap < 0 ? text.length() + 1 : gap + 2;
        }
        for (int t = 0; t < themeCount; t++) {
            best[t] = paragraphs == 0 ? 0 : 1 / (1 + Math.exp(-best[t]));
        }
        return best;
    }

    /**
     * Per theme, the probability of the text after the title read as one paragraph: for the words model of whole
     * articles.
     */
    double[] whole(FoldedText folded, int titleLength) {
        double[] logits = new double[themeCount];
        Arrays.fill(logits, Double.NEGATIVE_INFINITY);
        int[] counts = scratch.get();
        int[] found = new int[256];
        int distinct = 0;
        for (int word = 0; word < folded.words(); word++) {
            if (folded.start(word) < titleLength || folded.end(word) - folded.start(word) < MIN_LENGTH) {
                continue;
            }
            int id = lookup(folded.hash(word));
            if (id >= 0 && counts[id]++ == 0) {
                if (distinct == found.length) {
                    found = Arrays.copyOf(found, distinct * 2);
                }
                found[distinct++] = id;
            }
        }
        weigh(found, distinct, counts, logits);
        for (int t = 0; t < themeCount; t++) {
            logits[t] = 1 / (1 + Math.exp(-logits[t]));
        }
        return logits;
    }

    /** Raises each theme's best logit to the paragraph's whose {@code distinct} words and their counts are given. */
    private void weigh(int[] found, int distinct, int[] counts, double[] best) {
        double[] sums = new double[themeCount];
        double norm = 0;
        for (int k = 0; k < distinct; k++) {
            int word = found[k];
            double value = (1 + Logs.log1p(counts[word] - 1)) * idf[word];
            counts[word] = 0;
            norm += value * value;
            for (int t = 0, at = word * themeCount; t < themeCount; t++) {
                sums[t] += value * weights[at + t];
            }
        }
        double scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
        for (int t = 0; t < themeCount; t++) {
            best[t] = Math.max(best[t], bias[t] + sums[t] * scale);
        }
    }

    /**
     * The words of each paragraph after the title, as the model reads them: the words of {@link FoldedText} of at least
     * {@value #MIN_LENGTH} chars. For fitting the model.
     */
    public static List<List<String>> words(String text, int titleLength) {
        FoldedText folded = FoldedText.of(text);
        List<List<String>> paragraphs = new ArrayList<>();
        int word = 0;
        for (int start = titleLength; titleLength < text.length() && start <= text.length(); ) {
            int gap = text.indexOf("\n\n", start);
            int end = gap < 0 ? text.length() : gap;
            List<String> words = new ArrayList<>();
            for (; word < folded.words() && folded.start(word) < end; word++) {
                if (folded.start(word) >= start && folded.end(word) - folded.start(word) >= MIN_LENGTH) {
                    words.add(new String(folded.chars(), folded.start(word), folded.end(word) - folded.start(word)));
                }
            }
            paragraphs.add(words);
            start = gap < 0 ? text.length() + 1 : gap + 2;
        }
        return paragraphs;
    }

    private int slot(long hash) {
        return (int) (hash >>> 32) & (slots.length - 1);
    }

    /** The vocabulary index of the word with {@code hash}, or -1. */
    private int lookup(long hash) {
        for (int slot = slot(hash); slots[slot] != 0; slot = (slot + 1) & (slots.length - 1)) {
            if ((slots[slot] ^ hash) >>> 16 == 0) {
                return (int) (slots[slot] & INDEX_MASK) - 1;
            }
        }
        return -1;
    }
}
