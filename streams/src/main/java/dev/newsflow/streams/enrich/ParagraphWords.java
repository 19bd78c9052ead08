package dev.newsflow.streams.enrich;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The words model of {@link ThemeModel} at work: per theme, a logistic model of a paragraph's words, fitted on the
 * labelled paragraphs of news. A paragraph is its TF-IDF vector over the model's vocabulary (1 + log of each word's
 * count, times the word's IDF, scaled to length 1); words outside the vocabulary do not count. It sees what the
 * lexicon does not list ("talks", "troops", "tariff", "ballots") and weighs the lexicon's words by how labellers used
 * them. Words are looked up by a 64-bit hash of their folded characters, so a text's words are never copied out.
 * Built once per taxonomy; thread-safe.
 */
public final class ParagraphWords {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final long INDEX_MASK = 0xFFFF;

    private final int themeCount;
    private final boolean[] known;
    private final double[] bias;
    /** Each word's weight for each theme: word w, theme t at {@code w * themeCount + t}. */
    private final float[] weights;
    private final double[] idf;
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
            long hash = hash(model.vocabulary().get(word));
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
     * blank line) of a text folded by {@link PhraseMatcher#fold(CharSequence)}; 0 for every theme of a text without
     * paragraphs.
     */
    double[] best(char[] folded, int titleLength) {
        double[] best = new double[themeCount];
        Arrays.fill(best, Double.NEGATIVE_INFINITY);
        int[] counts = new int[idf.length];
        int[] found = new int[64];
        int distinct = 0;
        int paragraphs = 0;
        int n = folded.length;
        long hash = FNV_OFFSET;
        int length = 0;
        for (int i = titleLength; i <= n && titleLength < n; i++) {
            char c = i < n ? folded[i] : '\n';
            if (c < 128 ? (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') : Character.isLetterOrDigit(c)) {
                hash = (hash ^ c) * FNV_PRIME;
                length++;
                continue;
            }
            if (length >= 2) {
                int word = lookup(hash);
                if (word >= 0 && counts[word]++ == 0) {
                    if (distinct == found.length) {
                        found = Arrays.copyOf(found, distinct * 2);
                    }
                    found[distinct++] = word;
                }
            }
            hash = FNV_OFFSET;
            length = 0;
            if (i == n || c == '\n' && i + 1 < n && folded[i + 1] == '\n') {
                weigh(found, distinct, counts, best);
                distinct = 0;
                paragraphs++;
                i++; // past the blank line
            }
        }
        for (int t = 0; t < themeCount; t++) {
            best[t] = paragraphs == 0 ? 0 : 1 / (1 + Math.exp(-best[t]));
        }
        return best;
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
     * The words of each paragraph after the title, as the model reads them: runs of at least two letters or digits,
     * folded to lower case. For fitting the model.
     */
    public static List<List<String>> words(String text, int titleLength) {
        List<List<String>> paragraphs = new ArrayList<>();
        for (int start = titleLength; titleLength < text.length() && start <= text.length(); ) {
            int gap = text.indexOf("\n\n", start);
            int end = gap < 0 ? text.length() : gap;
            List<String> words = new ArrayList<>();
            StringBuilder word = new StringBuilder();
            for (int i = start; i <= end; i++) {
                char c = i < end ? PhraseMatcher.fold(text.charAt(i)) : ' ';
                if (c < 128 ? (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') : Character.isLetterOrDigit(c)) {
                    word.append(c);
                    continue;
                }
                if (word.length() >= 2) {
                    words.add(word.toString());
                }
                word.setLength(0);
            }
            paragraphs.add(words);
            start = gap < 0 ? text.length() + 1 : gap + 2;
        }
        return paragraphs;
    }

    /** The 64-bit FNV-1a hash of a folded word, as {@link #best} computes it while reading. */
    static long hash(String word) {
        long hash = FNV_OFFSET;
        for (int i = 0; i < word.length(); i++) {
            hash = (hash ^ word.charAt(i)) * FNV_PRIME;
        }
        return hash;
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
