package dev.newsflow.streams.enrich;

import java.util.List;

/**
 * What one paragraph says about each theme, in the figures the paragraph model weighs ({@link #FEATURES}): the weight
 * of each theme's terms in the paragraph, which terms and how often ({@code terms} ascending, {@code counts} beside
 * them), its length and place, and, for context, the weight of each theme's terms in the title and the whole text.
 * {@code themes} has bit t set when theme t has a term in the paragraph.
 */
public record ParagraphEvidence(int words, boolean first, double[] weights, double[] titleWeights, double[] textWeights,
        int[] terms, int[] counts, int themes) {

    /** The figures per theme, in the order {@link #features} gives them. */
    public static final List<String> FEATURES = List.of("evidence", "distinctTerms", "share", "length", "first", "title",
            "text");

    /** The figures of theme {@code theme}; {@code themeOfTerm} gives each lexicon term's theme. */
    public double[] features(int theme, int[] themeOfTerm) {
        return new double[] {Logs.log1p(weights[theme]), Logs.log1p(distinctTerms(theme, themeOfTerm)), share(theme),
            Math.log(Math.max(words, 5)), first ? 1 : 0, Logs.log1p(titleWeights[theme]), Logs.log1p(textWeights[theme])};
    }

    /** Whether theme {@code theme} has a term in the paragraph. */
    boolean mentions(int theme) {
        return (themes & 1 << theme) != 0;
    }

    int distinctTerms(int theme, int[] themeOfTerm) {
        int distinct = 0;
        for (int term : terms) {
            distinct += themeOfTerm[term] == theme ? 1 : 0;
        }
        return distinct;
    }

    /** The theme's share of all theme terms' weight in the paragraph. */
    double share(int theme) {
        double all = 0;
        for (double w : weights) {
            all += w;
        }
        return all > 0 ? weights[theme] / all : 0;
    }
}
