package dev.newsflow.streams.evaluation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Fits a words model of theme-model.json on labelled texts: "words" on the paragraphs of news, "articleWords" on the
 * whole briefings the article model is fitted on. The vocabulary is every word (as
 * {@code ParagraphWords} reads them) in at least {@value #MIN_PARAGRAPHS} paragraphs but for {@link #STOP_WORDS}, each
 * with its smoothed IDF, ln((1 + n) / (1 + paragraphs with the word)) + 1; each paragraph is its TF-IDF vector scaled to
 * length 1; and each theme with enough positives gets an L2-regularised logistic regression on those vectors, by
 * batch gradient descent from zero (deterministic: same labels, same model).
 */
final class WordModelFit {

    static final int MIN_PARAGRAPHS = 3;
    /** The inverse of the L2 penalty per paragraph, as logistic regression libraries name it. */
    private static final double INVERSE_PENALTY = 10;
    private static final int ITERATIONS = 2000;
    private static final double LEARNING_RATE = 20;
    /** Words that say nothing about a theme; reporting verbs included. */
    static final Set<String> STOP_WORDS = Set.of("the", "a", "an", "and", "or", "of", "to", "in", "on", "for", "with", "by",
            "at", "from", "as", "is", "are", "was", "were", "be", "been", "being", "it", "its", "this", "that", "these",
            "those", "we", "our", "us", "you", "he", "she", "they", "their", "his", "her", "him", "them", "not", "but",
            "have", "has", "had", "will", "would", "can", "could", "should", "may", "might", "must", "also", "more", "than",
            "which", "who", "whom", "what", "when", "where", "there", "here", "all", "any", "so", "if", "about", "into",
            "over", "after", "before", "other", "such", "one", "two", "said", "says", "say");

    /** One paragraph's vector: the vocabulary indexes of its words and their TF-IDF values. */
    private record Row(int[] words, double[] values) {
    }

    /** A fitted model: its vocabulary, each word's IDF, the themes fitted and, per theme, the bias and word weights. */
    private record Fitted(List<String> vocabulary, Map<String, Integer> index, double[] idf, List<String> themes,
            double[][] weights) {
    }

    /**
     * The words model as JSON, fitted on {@code paragraphs} (each a list of its words, or a whole article's) labelled
     * with {@code themes}, for the themes {@code themeIds} that have at least {@code minPositives} positive paragraphs.
     */
    ObjectNode fit(List<List<String>> paragraphs, List<Set<String>> themes, List<String> themeIds, int minPositives) {
        Fitted model = fitModel(paragraphs, themes, themeIds, minPositives);
        ObjectNode root = new ObjectMapper().createObjectNode();
        ArrayNode words = root.putArray("vocabulary");
        model.vocabulary().forEach(words::add);
        ArrayNode idfs = root.putArray("idf");
        for (double value : model.idf()) {
            idfs.add(round(value));
        }
        ObjectNode byTheme = root.putObject("themes");
        for (int t = 0; t < model.themes().size(); t++) {
            ObjectNode theme = byTheme.putObject(model.themes().get(t));
            theme.put("bias", round(model.weights()[t][0]));
            ArrayNode w = theme.putArray("weights");
            for (int j = 1; j < model.weights()[t].length; j++) {
                w.add(round(model.weights()[t][j]));
            }
        }
        return root;
    }

    /**
     * Per text of {@code unseen} and per theme of {@code themeIds}, the probability the model fitted as {@link #fit}
     * fits gives it; NaN for the themes it does not fit.
     */
    double[][] probabilities(List<List<String>> paragraphs, List<Set<String>> themes, List<String> themeIds,
            int minPositives, List<List<String>> unseen) {
        Fitted model = fitModel(paragraphs, themes, themeIds, minPositives);
        double[][] probabilities = new double[unseen.size()][themeIds.size()];
        for (int u = 0; u < unseen.size(); u++) {
            Arrays.fill(probabilities[u], Double.NaN);
            Row row = row(unseen.get(u), model.index(), model.idf());
            for (int t = 0; t < model.themes().size(); t++) {
                double[] w = model.weights()[t];
                double z = w[0];
                for (int k = 0; k < row.words().length; k++) {
                    z += w[1 + row.words()[k]] * row.values()[k];
                }
                probabilities[u][themeIds.indexOf(model.themes().get(t))] = 1 / (1 + Math.exp(-z));
            }
        }
        return probabilities;
    }

    private Fitted fitModel(List<List<String>> paragraphs, List<Set<String>> themes, List<String> themeIds, int minPositives) {
        // the words in at least MIN_PARAGRAPHS texts, each with its smoothed IDF
        List<String> vocabulary = new ArrayList<>();
        List<Double> idfs = new ArrayList<>();
        documentFrequencies(paragraphs).forEach((word, df) -> {
            if (df >= MIN_PARAGRAPHS) {
                vocabulary.add(word);
                idfs.add(Math.log((1.0 + paragraphs.size()) / (1.0 + df)) + 1);
            }
        });
        Map<String, Integer> index = new HashMap<>();
        for (String word : vocabulary) {
            index.put(word, index.size());
        }
        double[] idf = idfs.stream().mapToDouble(Double::doubleValue).toArray();
        List<Row> rows = paragraphs.stream().map(words -> row(words, index, idf)).toList();
        List<String> fitted = themeIds.stream()
                .filter(id -> themes.stream().filter(labels -> labels.contains(id)).count() >= minPositives).toList();
        double[][] y = new double[fitted.size()][rows.size()];
        for (int t = 0; t < fitted.size(); t++) {
            for (int i = 0; i < rows.size(); i++) {
                y[t][i] = themes.get(i).contains(fitted.get(t)) ? 1 : 0;
            }
        }
        return new Fitted(vocabulary, index, idf, fitted, fitLogistic(rows, y, vocabulary.size()));
    }

    /** How many texts each word is in, but for stop words, in alphabetical order. */
    private static Map<String, Integer> documentFrequencies(List<List<String>> paragraphs) {
        Map<String, Integer> documentFrequency = new TreeMap<>();
        for (List<String> words : paragraphs) {
            for (String word : Set.copyOf(words)) {
                if (!STOP_WORDS.contains(word)) {
                    documentFrequency.merge(word, 1, Integer::sum);
                }
            }
        }
        return documentFrequency;
    }

    /** A paragraph's TF-IDF vector as ParagraphWords computes it: (1 + ln count) * idf, scaled to length 1. */
    private static Row row(List<String> words, Map<String, Integer> index, double[] idf) {
        Map<Integer, Integer> counts = new TreeMap<>();
        for (String word : words) {
            Integer w = index.get(word);
            if (w != null) {
                counts.merge(w, 1, Integer::sum);
            }
        }
        int[] ids = counts.keySet().stream().mapToInt(Integer::intValue).toArray();
        double[] values = new double[ids.length];
        double norm = 0;
        for (int k = 0; k < ids.length; k++) {
            values[k] = (1 + Math.log(counts.get(ids[k]))) * idf[ids[k]];
            norm += values[k] * values[k];
        }
        for (int k = 0; k < ids.length; k++) {
            values[k] /= Math.sqrt(norm); // a text without vocabulary words has none to scale
        }
        return new Row(ids, values);
    }

    /** Per theme (row of {@code y}), the bias and then each word's weight; all themes in one pass over the rows. */
    private static double[][] fitLogistic(List<Row> rows, double[][] y, int vocabulary) {
        int themes = y.length;
        int n = rows.size();
        double penalty = 1 / (INVERSE_PENALTY * n);
        double[] w = new double[vocabulary * themes]; // word j, theme t at j * themes + t
        double[] b = new double[themes];
        double[] s = new double[themes];
        for (int it = 0; it < ITERATIONS; it++) {
            double[] gradient = new double[w.length];
            double[] gradientB = new double[themes];
            for (int i = 0; i < n; i++) {
                Row row = rows.get(i);
                System.arraycopy(b, 0, s, 0, themes);
                for (int k = 0; k < row.words().length; k++) {
                    for (int t = 0, at = row.words()[k] * themes; t < themes; t++) {
                        s[t] += row.values()[k] * w[at + t];
                    }
                }
                for (int t = 0; t < themes; t++) {
                    s[t] = 1 / (1 + Math.exp(-s[t])) - y[t][i]; // now the error
                    gradientB[t] += s[t];
                }
                for (int k = 0; k < row.words().length; k++) {
                    for (int t = 0, at = row.words()[k] * themes; t < themes; t++) {
                        gradient[at + t] += s[t] * row.values()[k];
                    }
                }
            }
            for (int j = 0; j < w.length; j++) {
                w[j] -= LEARNING_RATE * (gradient[j] / n + penalty * w[j]);
            }
            for (int t = 0; t < themes; t++) {
                b[t] -= LEARNING_RATE * gradientB[t] / n;
            }
        }
        double[][] weights = new double[themes][vocabulary + 1];
        for (int t = 0; t < themes; t++) {
            weights[t][0] = b[t];
            for (int j = 0; j < vocabulary; j++) {
                weights[t][1 + j] = w[j * themes + t];
            }
        }
        return weights;
    }

    private static double round(double value) {
        return Math.round(value * 1e4) / 1e4;
    }
}
