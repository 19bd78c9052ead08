package dev.newsflow.streams.enrich;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A words model of {@link ThemeModel} at work: per theme, a logistic model of a text's words, of a paragraph's (fitted
 * on the labelled paragraphs of news) or of a whole article's (fitted on the briefings). A text is its TF-IDF vector
 * over the model's vocabulary (1 + log of each word's count, times the word's IDF, scaled to length 1); words outside
 * the vocabulary do not count. It sees what the lexicon does not list ("talks", "troops", "tariff", "ballots") and
 * weighs the lexicon's words by how labellers used them. Words come as their indexes in a {@link Vocabulary} shared by
 * the models, so each word of a text is looked up once. Built once per taxonomy; thread-safe.
 */
public final class ParagraphWords {

    private final int themeCount;
    private final boolean[] known;
    private final double[] bias;
    /** Each word's weight for each theme: word w of the shared vocabulary, theme t at {@code w * themeCount + t}. */
    private final float[] weights;
    /** Each word's IDF; 0 for the shared vocabulary's words this model does not know, so they do not count. */
    private final double[] idf;
    /** Per thread, a count per vocabulary word: a text's words are counted without clearing a new array each time. */
    private final ThreadLocal<int[]> scratch;

    /** The words model {@code model} bound to the themes {@code themeIds}, in their order, and to {@code vocabulary}. */
    ParagraphWords(ThemeModel.WordModel model, List<String> themeIds, Vocabulary vocabulary) {
        this.themeCount = themeIds.size();
        this.known = new boolean[themeCount];
        this.bias = new double[themeCount];
        this.weights = new float[vocabulary.size() * themeCount];
        this.idf = new double[vocabulary.size()];
        this.scratch = ThreadLocal.withInitial(() -> new int[vocabulary.size()]);
        int[] shared = model.vocabulary().stream().mapToInt(vocabulary::indexOf).toArray();
        for (int word = 0; word < shared.length; word++) {
            idf[shared[word]] = model.idf()[word];
        }
        for (int t = 0; t < themeCount; t++) {
            double[] w = model.weights().get(themeIds.get(t));
            if (w != null) {
                known[t] = true;
                bias[t] = w[0];
                for (int word = 0; word < shared.length; word++) {
                    weights[shared[word] * themeCount + t] = (float) w[1 + word];
                }
            }
        }
    }

    /** Whether there is a words model of theme {@code theme}. */
    boolean knows(int theme) {
        return known[theme];
    }

    /**
     * Per theme, the probability of the paragraph most about it, over the paragraphs after the title (separated by a
     * blank line); 0 for every theme of a text without paragraphs. {@code folded} is {@code text} folded, and
     * {@code indexes} the vocabulary's index of each of its words.
     */
    double[] best(String text, FoldedText folded, int[] indexes, int titleLength) {
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
                int id = indexes[word];
                if (id >= 0 && idf[id] > 0 && counts[id]++ == 0) {
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
     * Per theme, the probability of the text after the title read as one: for the words model of whole articles.
     */
    double[] whole(FoldedText folded, int[] indexes, int titleLength) {
        double[] logits = new double[themeCount];
        Arrays.fill(logits, Double.NEGATIVE_INFINITY);
        int[] counts = scratch.get();
        int[] found = new int[256];
        int distinct = 0;
        for (int word = 0; word < folded.words(); word++) {
            int id = indexes[word];
            if (id >= 0 && idf[id] > 0 && folded.start(word) >= titleLength && counts[id]++ == 0) {
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
        float[] sums = new float[themeCount]; // floats, as the weights are: the JIT adds them several at a time
        double norm = 0;
        for (int k = 0; k < distinct; k++) {
            int word = found[k];
            double value = (1 + Logs.log1p(counts[word] - 1)) * idf[word];
            counts[word] = 0;
            norm += value * value;
            float v = (float) value;
            for (int t = 0, at = word * themeCount; t < themeCount; t++) {
                sums[t] += v * weights[at + t];
            }
        }
        double scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
        for (int t = 0; t < themeCount; t++) {
            best[t] = Math.max(best[t], bias[t] + sums[t] * scale);
        }
    }

    /**
     * The words of each paragraph after the title, as the model reads them: the words of {@link FoldedText} of at least
     * {@value Vocabulary#MIN_LENGTH} chars. For fitting the model.
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
                if (folded.start(word) >= start && folded.end(word) - folded.start(word) >= Vocabulary.MIN_LENGTH) {
                    words.add(new String(folded.chars(), folded.start(word), folded.end(word) - folded.start(word)));
                }
            }
            paragraphs.add(words);
            start = gap < 0 ? text.length() + 1 : gap + 2;
        }
        return paragraphs;
    }
}
