package dev.newsflow.streams.enrich;

import java.util.List;

/**
 * What a text says about each theme, in the figures the theme model weighs: per theme, {@link #FEATURES}; per lexicon
 * term, how often it occurs. A sentence is devoted to a theme when the theme's terms in it weigh at least
 * {@value #DEVOTED_WEIGHT} and at least half of all theme terms there: a sentence listing five topics is devoted to none.
 * And the same for each paragraph of the text after its title, for the paragraph model.
 */
public record ThemeEvidence(double[][] features, int[] termCounts, List<ParagraphEvidence> paragraphs) {

    /** The figures per theme, in the order of {@link #features()}'s rows. */
    public static final List<String> FEATURES = List.of("evidence", "devotedSentences", "title", "length", "sentenceShare", "lead",
            "articleShare");
    static final double DEVOTED_WEIGHT = 2;
    /** The lead: the first sentences after the title, where news says what the article is about. */
    static final int LEAD_SENTENCES = 3;

    /** The feature {@code feature} of theme {@code theme}. */
    public double feature(int theme, int feature) {
        return features[theme][feature];
    }
}
