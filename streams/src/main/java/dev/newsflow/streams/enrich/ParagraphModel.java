package dev.newsflow.streams.enrich;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The paragraph model of {@link ThemeModel} at work: the evidence of each paragraph of a text (paragraphs are
 * separated by a blank line; the title is not one of them) and the probability of the paragraph most about a theme.
 * Built once per taxonomy; thread-safe.
 */
final class ParagraphModel {

    /** Characters per word of English news, spaces included. */
    private static final int CHARS_PER_WORD = 6;

    private final int themeCount;
    private final int[] themeOfTerm;
    private final double[] lexiconWeights;
    /** The model's weight of each lexicon term. */
    private final double[] termWeights;
    /** The model of each theme, by index; null where there is none. */
    private final ThemeModel.Weights[] byTheme;

    /** The paragraph model of {@code model} for the themes {@code themeIds} and the lexicon terms {@code terms}. */
    ParagraphModel(ThemeModel model, List<String> themeIds, List<String> terms, int[] themeOfTerm, double[] lexiconWeights) {
        this.themeCount = themeIds.size();
        this.themeOfTerm = themeOfTerm;
        this.lexiconWeights = lexiconWeights;
        this.termWeights = model.paragraphTermWeights(Arrays.stream(themeOfTerm).mapToObj(themeIds::get).toList(), terms);
        this.byTheme = themeIds.stream().map(model::paragraphModel).toArray(ThemeModel.Weights[]::new);
    }

    /** Whether there is a model of theme {@code theme}. */
    boolean knows(int theme) {
        return byTheme[theme] != null;
    }

    /**
     * The probability of the paragraph most about theme {@code theme}: the figures of {@link ParagraphEvidence#features}
     * weighed without building them, and for a paragraph without the theme's terms only its length and place.
     */
    double best(List<ParagraphEvidence> paragraphs, int theme) {
        ThemeModel.Weights m = byTheme[theme];
        double[] w = m.features(); // evidence, distinctTerms, share, length, first, title, text

        if (paragraphs.isEmpty()) {
            return 0;
        }
        ParagraphEvidence any = paragraphs.get(0);
        double context = m.bias() + w[5] * Logs.log1p(any.titleWeights()[theme]) + w[6] * Logs.log1p(any.textWeights()[theme]);
        double best = Double.NEGATIVE_INFINITY;
        for (ParagraphEvidence p : paragraphs) {
            double z = context + w[3] * Math.log(Math.max(p.words(), 5)) + (p.first() ? w[4] : 0);
            if (p.mentions(theme)) {
                double termSum = 0;
                for (int k = 0; k < p.terms().length; k++) {
                    if (themeOfTerm[p.terms()[k]] == theme) {
                        termSum += termWeights[p.terms()[k]] * Logs.log1p(p.counts()[k]);
                    }
                }
                z += w[0] * Logs.log1p(p.weights()[theme]) + w[1] * Logs.log1p(p.distinctTerms(theme, themeOfTerm))
                        + w[2] * p.share(theme) + termSum;
            }
            best = Math.max(best, z);
        }
        return 1 / (1 + Math.exp(-best));
    }

    /**
     * The evidence of each paragraph after the title: paragraphs are separated by a blank line. {@code kept} are the
     * matches that count, in the order of the text.
     */
    List<ParagraphEvidence> evidence(String text, int titleLength, List<int[]> kept) {
        double[] title = new double[themeCount];
        double[] whole = new double[themeCount];
        List<ParagraphEvidence> paragraphs = new ArrayList<>();
        if (titleLength >= text.length()) {
            return paragraphs;
        }
        int next = 0;
        while (next < kept.size() && kept.get(next)[1] < titleLength) {
            int term = kept.get(next++)[0];
            title[themeOfTerm[term]] += lexiconWeights[term];
        }
        int[] found = new int[16];
        for (int start = titleLength; start <= text.length(); ) {
            int gap = text.indexOf("\n\n", start);
            int end = gap < 0 ? text.length() : gap;
            double[] weights = new double[themeCount];
            int n = 0;
            int mentioned = 0;
            for (; next < kept.size() && kept.get(next)[1] < end; next++) {
                int termId = kept.get(next)[0];
                int theme = themeOfTerm[termId];
                weights[theme] += lexiconWeights[termId];
                whole[theme] += lexiconWeights[termId];
                mentioned |= 1 << theme;
                if (n == found.length) {
                    found = Arrays.copyOf(found, n * 2);
                }
                found[n++] = termId;
            }
            Arrays.sort(found, 0, n);
            int distinct = 0;
            for (int k = 0; k < n; k++) {
                distinct += k == 0 || found[k] != found[k - 1] ? 1 : 0;
            }
            int[] termIds = new int[distinct];
            int[] counts = new int[distinct];
            for (int k = 0, d = -1; k < n; k++) {
                if (k == 0 || found[k] != found[k - 1]) {
                    termIds[++d] = found[k];
                }
                counts[d]++;
            }
            paragraphs.add(new ParagraphEvidence(words(start, end), paragraphs.isEmpty(), weights, title, whole, termIds,
                    counts, mentioned));
            start = gap < 0 ? text.length() + 1 : gap + 2;
        }
        return paragraphs;
    }

    /** The words of a paragraph, estimated from its characters: the model only takes their logarithm. */
    private static int words(int from, int to) {
        return (to - from) / CHARS_PER_WORD;
    }
}
