package dev.newsflow.streams.enrich;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A logistic model per theme, fitted on labelled articles ({@code dev/newsflow/enrich/theme-model.json}): the
 * probability that an article is about a theme, from the theme's {@link ThemeEvidence#FEATURES} and how often each of
 * its lexicon terms occurs (log(1 + count)). Terms are named by their text, so a term added to the lexicon since the
 * fit weighs nothing until the next fit, and a theme the model does not know is scored by its threshold instead.
 * Beside it, fitted on labelled paragraphs of news, a paragraph model per theme: the probability that a paragraph is
 * mainly about the theme, from {@link ParagraphEvidence#FEATURES} and the theme's terms in the paragraph; and a words
 * model per theme, the same probability from all the paragraph's words ({@link ParagraphWords}). And a words model of
 * whole articles, fitted with the article model, for a government's own texts.
 */
final class ThemeModel {

    /** One theme's bias, feature weights (in the order of the model's feature names) and term weights. */
    record Weights(double bias, double[] features, Map<String, Double> terms) {
    }

    /**
     * The words model: its vocabulary, each word's IDF and, per theme, the bias followed by each word's weight.
     */
    record WordModel(List<String> vocabulary, double[] idf, Map<String, double[]> weights) {

        static final WordModel NONE = new WordModel(List.of(), new double[0], Map.of());
    }

    /**
     * How a text is judged: the weighted mean of the article model's probability, those of its paragraph most about
     * the theme by the paragraph model and by the words model of paragraphs, and the words model of whole articles'
     * probability, against its own cut-off. A model that does not know the theme is left out of the mean.
     */
    record Mix(double article, double paragraphs, double words, double articleWords, double cutoff) {

        double probability(double byArticle, double byParagraphs, double byWords, double byArticleWords) {
            double sum = article * byArticle;
            double weight = article;
            double[] weights = {paragraphs, words, articleWords};
            double[] probabilities = {byParagraphs, byWords, byArticleWords};
            for (int m = 0; m < weights.length; m++) {
                if (weights[m] > 0 && !Double.isNaN(probabilities[m])) {
                    sum += weights[m] * probabilities[m];
                    weight += weights[m];
                }
            }
            return sum / weight;
        }
    }

    private final double cutoff;
    private final Mix news;
    private final Mix government;
    private final Map<String, Weights> byTheme;
    private final Map<String, Weights> byThemeInParagraphs;
    private final WordModel words;
    private final WordModel articleWords;

    private ThemeModel(double cutoff, Mix news, Mix government, Map<String, Weights> byTheme,
            Map<String, Weights> byThemeInParagraphs, WordModel words, WordModel articleWords) {
        this.cutoff = cutoff;
        this.news = news;
        this.government = government;
        this.byTheme = byTheme;
        this.byThemeInParagraphs = byThemeInParagraphs;
        this.words = words;
        this.articleWords = articleWords;
    }

    static final ThemeModel NONE = new ThemeModel(1, new Mix(1, 1, 1, 0, 1), new Mix(1, 0, 0, 0, 1), Map.of(), Map.of(),
            WordModel.NONE, WordModel.NONE);

    /** The model shipped with newsflow, or {@link #NONE} when the classpath has none. */
    static ThemeModel load() {
        try (InputStream in = ThemeModel.class.getResourceAsStream("/dev/newsflow/enrich/theme-model.json")) {
            return in == null ? NONE : fromJson(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the theme model: " + e.getMessage(), e);
        }
    }

    static ThemeModel fromJson(JsonNode root) {
        double cutoff = root.path("cutoff").asDouble(0.5);
        return new ThemeModel(cutoff, mix(root.path("news"), new Mix(1, 1, 1, 0, cutoff)),
                mix(root.path("government"), new Mix(1, 0, 0, 0, cutoff)),
                weights(root.path("themes"), ThemeEvidence.FEATURES), weights(root.path("paragraphs"), ParagraphEvidence.FEATURES),
                words(root.path("words")), words(root.path("articleWords")));
    }

    /** A mix as theme-model.json writes it, each weight and the cut-off {@code otherwise}'s where it gives none. */
    private static Mix mix(JsonNode node, Mix otherwise) {
        return new Mix(node.path("article").asDouble(otherwise.article()), node.path("paragraphs").asDouble(otherwise.paragraphs()),
                node.path("words").asDouble(otherwise.words()), node.path("articleWords").asDouble(otherwise.articleWords()),
                node.path("cutoff").asDouble(otherwise.cutoff()));
    }

    private static WordModel words(JsonNode node) {
        if (node.isMissingNode()) {
            return WordModel.NONE;
        }
        List<String> vocabulary = new ArrayList<>();
        node.path("vocabulary").forEach(word -> vocabulary.add(word.asText()));
        double[] idf = new double[vocabulary.size()];
        for (int w = 0; w < idf.length; w++) {
            idf[w] = node.path("idf").path(w).asDouble();
        }
        Map<String, double[]> weights = new HashMap<>();
        node.path("themes").fields().forEachRemaining(theme -> {
            double[] w = new double[1 + vocabulary.size()];
            w[0] = theme.getValue().path("bias").asDouble();
            for (int i = 0; i < vocabulary.size(); i++) {
                w[1 + i] = theme.getValue().path("weights").path(i).asDouble();
            }
            weights.put(theme.getKey(), w);
        });
        return new WordModel(List.copyOf(vocabulary), idf, Map.copyOf(weights));
    }

    private static Map<String, Weights> weights(JsonNode themes, List<String> featureNames) {
        Map<String, Weights> byTheme = new HashMap<>();
        themes.fields().forEachRemaining(entry -> {
            JsonNode node = entry.getValue();
            double[] features = new double[featureNames.size()];
            for (int f = 0; f < features.length; f++) {
                features[f] = node.path("features").path(featureNames.get(f)).asDouble();
            }
            Map<String, Double> terms = new HashMap<>();
            node.path("terms").fields().forEachRemaining(t -> terms.put(t.getKey(), t.getValue().asDouble()));
            byTheme.put(entry.getKey(), new Weights(node.path("bias").asDouble(), features, Map.copyOf(terms)));
        });
        return Map.copyOf(byTheme);
    }

    /** The probability an article reaches to be tagged with a theme. */
    double cutoff() {
        return cutoff;
    }

    boolean knows(String theme) {
        return byTheme.containsKey(theme);
    }

    /** The paragraph model of {@code theme}, or null when it has none. */
    Weights paragraphModel(String theme) {
        return byThemeInParagraphs.get(theme);
    }

    /** How a text not from a government's own site is judged. */
    Mix news() {
        return news;
    }

    /** How a government's own text is judged: the article model and the words model of whole articles. */
    Mix government() {
        return government;
    }

    /** The words model of paragraphs, fitted on news. */
    WordModel words() {
        return words;
    }

    /** The words model of whole articles, fitted on the same articles as the article model. */
    WordModel articleWords() {
        return articleWords;
    }

    /** Each term's weight for its theme, in the order of {@code terms}; 0 for the terms of themes it does not know. */
    double[] termWeights(List<String> themeOfTerm, List<String> terms) {
        return termWeights(byTheme, themeOfTerm, terms);
    }

    /** The same in the paragraph model. */
    double[] paragraphTermWeights(List<String> themeOfTerm, List<String> terms) {
        return termWeights(byThemeInParagraphs, themeOfTerm, terms);
    }

    private static double[] termWeights(Map<String, Weights> byTheme, List<String> themeOfTerm, List<String> terms) {
        double[] weights = new double[terms.size()];
        for (int i = 0; i < weights.length; i++) {
            Weights w = byTheme.get(themeOfTerm.get(i));
            weights[i] = w == null ? 0 : w.terms().getOrDefault(terms.get(i), 0.0);
        }
        return weights;
    }

    /** The probability that the article is about {@code theme}, given its evidence and its terms' weighted counts. */
    double probability(String theme, double[] features, double termSum) {
        return probability(byTheme.get(theme), features, termSum);
    }

    private static double probability(Weights w, double[] features, double termSum) {
        double z = w.bias() + termSum;
        for (int f = 0; f < features.length; f++) {
            z += w.features()[f] * features[f];
        }
        return 1 / (1 + Math.exp(-z));
    }
}
