package dev.newsflow.streams.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.newsflow.avro.CleanArticle;
import dev.newsflow.streams.clean.PlainText;
import dev.newsflow.streams.enrich.ParagraphEvidence;
import dev.newsflow.streams.enrich.ParagraphWords;
import dev.newsflow.streams.enrich.ThemeEvidence;
import dev.newsflow.streams.enrich.ThemeScorer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Fits the theme model (dev/newsflow/enrich/theme-model.json) on the training labels: one L2-regularised logistic
 * regression per theme over its {@link ThemeEvidence#FEATURES} and log(1 + count) of each of its lexicon terms, by batch
 * gradient descent on standardised columns (deterministic: same labels, same model). Weights may not go below zero
 * (a lexicon term or more evidence never counts against its theme; article length may), positives of rarer themes
 * weigh more, and themes with fewer than {@value #MIN_POSITIVES} labelled articles are left to their hand-set
 * threshold. The probability cut-off is the one with the best F1 over five-fold cross-validation on the same labels.
 * labels-unseen.yaml and labels-web.yaml are never read here.
 */
final class ThemeModelFit {

    static final List<LabelSet> TRAINING = List.of(LabelSet.HAND_PICKED, LabelSet.TRAIN);
    static final int MIN_POSITIVES = 30;
    private static final double L2_FEATURES = 3;
    private static final double L2_TERMS = 10;
    /** Positives weigh (negatives / positives) to this power: rare themes are not drowned by their base rate. */
    private static final double BALANCE = 0.3;
    /** Each term's weight is pulled towards this share of its lexicon weight, not towards zero. */
    private static final double PRIOR = 0.5;
    /** Cut-offs whose cross-validated F1 is this close to the best form the plateau whose middle is taken. */
    private static final double PLATEAU = 0.005;
    private static final int ITERATIONS = 2000;
    private static final double LEARNING_RATE = 0.5;
    static final int FOLDS = 5;
    private static final int LENGTH = ThemeEvidence.FEATURES.indexOf("length");
    private static final int PARAGRAPH_LENGTH = ParagraphEvidence.FEATURES.indexOf("length");

    /** The paragraphs of news labelled with the themes each is mainly about, for the paragraph model. */
    static final String PARAGRAPH_LABELS = "labels-news-paragraphs.yaml";
    static final int MIN_PARAGRAPH_POSITIVES = 10;

    /** One labelled paragraph as the paragraph model and the words model see it. */
    record Paragraph(String article, ParagraphEvidence evidence, List<String> words, Set<String> themes) {
    }

    /** One labelled article as the model sees it. */
    record Example(ThemeEvidence evidence, int words, List<String> tokens, Set<String> themes) {
    }

    private final ThemeScorer scorer = ThemeScorer.loadWithoutModel();
    private final List<String> themeIds = scorer.themes().stream().map(ThemeScorer.Theme::id).toList();
    private final int[] themeOfTerm = scorer.themeOfTerms();
    private final int[][] columnsByTheme = columnsByTheme();
    private final double[] lexiconWeight = scorer.lexiconWeights();

    List<Example> examples(List<LabelSet> sets) throws IOException {
        List<Example> examples = new ArrayList<>();
        for (LabelSet set : sets) {
            for (JsonNode article : labels(set.file).path("articles")) {
                CleanArticle clean = set.reader.clean(article.path("path").asText());
                String head = clean.getTitle() == null || clean.getTitle().isBlank() ? "" : clean.getTitle() + "\n\n";
                Set<String> themes = new HashSet<>();
                article.path("themes").forEach(t -> themes.add(t.asText()));
                String text = head + clean.getText();
                List<String> tokens = ParagraphWords.words(text, head.length()).stream().flatMap(List::stream).toList();
                examples.add(new Example(scorer.evidence(text, head.length(), clean.getWordCount()), clean.getWordCount(),
                        tokens, themes));
            }
        }
        return examples;
    }

    /**
     * The labelled paragraphs: each article of news/ as written (a first line "date YYYY-MM-DD Title", then paragraphs
     * separated by blank lines), so that the labels' paragraph numbers are the evidence's.
     */
    List<Paragraph> paragraphs() throws IOException {
        List<Paragraph> paragraphs = new ArrayList<>();
        for (JsonNode article : labels(PARAGRAPH_LABELS).path("articles")) {
            String[] lines = Files.readString(Corpus.WRITTEN.resolve(article.path("path").asText())).split("\n", 2);
            String title = lines[0].split(" ", 3)[2];
            List<String> body = PlainText.paragraphs(lines[1]);
            String head = title + "\n\n";
            String text = head + String.join("\n\n", body);
            List<ParagraphEvidence> evidence = scorer.evidence(text, head.length(), text.split("\\s+").length).paragraphs();
            List<List<String>> words = ParagraphWords.words(text, head.length());
            JsonNode themes = article.path("paragraphs");
            if (themes.size() != evidence.size()) {
                throw new IllegalStateException(article.path("path").asText() + ": " + themes.size() + " labelled paragraphs, "
                        + evidence.size() + " in the text");
            }
            for (int p = 0; p < evidence.size(); p++) {
                Set<String> ids = new HashSet<>();
                themes.get(p).forEach(t -> ids.add(t.asText()));
                paragraphs.add(new Paragraph(article.path("path").asText(), evidence.get(p), words.get(p), ids));
            }
        }
        return paragraphs;
    }

    /** The paragraph model and the words model fitted on {@code paragraphs}, as theme-model.json's "paragraphs" and "words". */
    private ObjectNode newsModels(List<Paragraph> paragraphs) {
        ObjectNode models = new ObjectMapper().createObjectNode();
        models.set("paragraphs", fitParagraphs(paragraphs));
        models.set("words", new WordModelFit().fit(paragraphs.stream().map(Paragraph::words).toList(),
                paragraphs.stream().map(Paragraph::themes).toList(), themeIds, MIN_PARAGRAPH_POSITIVES));
        return models;
    }

    /** The paragraph model as the JSON object of theme-model.json's "paragraphs". */
    ObjectNode fitParagraphs(List<Paragraph> paragraphs) {
        ObjectNode themes = new ObjectMapper().createObjectNode();
        List<String> termList = scorer.termList();
        for (int t = 0; t < scorer.themes().size(); t++) {
            String id = scorer.themes().get(t).id();
            if (paragraphs.stream().filter(p -> p.themes().contains(id)).count() < MIN_PARAGRAPH_POSITIVES) {
                continue;
            }
            int[] columns = termColumns(t);
            double[][] x = new double[paragraphs.size()][];
            double[] y = new double[paragraphs.size()];
            for (int i = 0; i < x.length; i++) {
                ParagraphEvidence evidence = paragraphs.get(i).evidence();
                double[] features = evidence.features(t, themeOfTerm);
                x[i] = Arrays.copyOf(features, features.length + columns.length);
                for (int k = 0; k < evidence.terms().length; k++) {
                    int c = Arrays.binarySearch(columns, evidence.terms()[k]);
                    if (c >= 0) {
                        x[i][features.length + c] = Math.log1p(evidence.counts()[k]);
                    }
                }
                y[i] = paragraphs.get(i).themes().contains(id) ? 1 : 0;
            }
            double[] w = fitLogistic(x, y, ParagraphEvidence.FEATURES.size(), PARAGRAPH_LENGTH, columns);
            write(themes.putObject(id), w, ParagraphEvidence.FEATURES, columns, termList);
        }
        return themes;
    }

    private static void write(ObjectNode node, double[] w, List<String> featureNames, int[] columns, List<String> termList) {
        node.put("bias", round(w[0]));
        ObjectNode features = node.putObject("features");
        for (int f = 0; f < featureNames.size(); f++) {
            features.put(featureNames.get(f), round(w[1 + f]));
        }
        ObjectNode terms = node.putObject("terms");
        for (int c = 0; c < columns.length; c++) {
            double weight = round(w[1 + featureNames.size() + c]);
            if (weight != 0) {
                terms.put(termList.get(columns[c]), weight);
            }
        }
    }

    static JsonNode labels(String file) throws IOException {
        try (InputStream in = ThemeModelFit.class.getResourceAsStream("/evaluation/" + file)) {
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        }
    }

    /**
     * The model as JSON: the article model and the words model of whole articles fitted on {@code examples}, the
     * paragraph model and the words model of paragraphs on {@code paragraphs}, and the mixes that weigh them for a
     * government's texts ({@link GovernmentMixFit}) and for news ({@link NewsMixFit}).
     */
    ObjectNode fit(List<Example> examples, List<Paragraph> paragraphs) throws IOException {
        ObjectNode root = new ObjectMapper().createObjectNode();
        root.put("fittedOn", String.join(" + ", TRAINING.stream().map(set -> set.file).toList()) + " (" + examples.size() + " articles)");
        double[][] outOfFold = outOfFold(examples);
        double cutoff = bestCutoff(examples, outOfFold);
        root.put("cutoff", cutoff);
        ObjectNode themes = root.putObject("themes");
        List<String> termList = scorer.termList();
        for (int t : modelledThemes(examples)) {
            write(themes.putObject(scorer.themes().get(t).id()), fitTheme(examples, t), ThemeEvidence.FEATURES, termColumns(t),
                    termList);
        }
        root.set("government", new GovernmentMixFit(this).choose(examples, outOfFold, cutoff));
        root.set("articleWords", new WordModelFit().fit(examples.stream().map(Example::tokens).toList(),
                examples.stream().map(Example::themes).toList(), themeIds, MIN_POSITIVES));
        root.set("news", new NewsMixFit().choose(root, articles -> newsModels(
                paragraphs.stream().filter(p -> articles.contains(p.article())).toList())));
        root.put("paragraphsFittedOn", PARAGRAPH_LABELS + " (" + paragraphs.size() + " paragraphs)");
        root.setAll(newsModels(paragraphs));
        return root;
    }

    /** The themes with enough labelled articles to fit. */
    List<Integer> modelledThemes(List<Example> examples) {
        List<Integer> modelled = new ArrayList<>();
        for (int t = 0; t < scorer.themes().size(); t++) {
            String id = scorer.themes().get(t).id();
            if (examples.stream().filter(e -> e.themes().contains(id)).count() >= MIN_POSITIVES) {
                modelled.add(t);
            }
        }
        return modelled;
    }

    /** The lexicon terms of {@code theme}, as indexes into the scorer's term list; asked for every example, so kept. */
    private int[] termColumns(int theme) {
        return columnsByTheme[theme];
    }

    private int[][] columnsByTheme() {
        int[][] columns = new int[scorer.themes().size()][];
        for (int t = 0; t < columns.length; t++) {
            int theme = t;
            columns[t] = java.util.stream.IntStream.range(0, themeOfTerm.length).filter(i -> themeOfTerm[i] == theme).toArray();
        }
        return columns;
    }

    private double[] row(Example example, int theme, int[] columns) {
        int features = ThemeEvidence.FEATURES.size();
        double[] x = new double[features + columns.length];
        for (int f = 0; f < features; f++) {
            x[f] = example.evidence().feature(theme, f);
        }
        for (int c = 0; c < columns.length; c++) {
            x[features + c] = Math.log1p(example.evidence().termCounts()[columns[c]]);
        }
        return x;
    }

    /** Bias then one weight per column, in raw (not standardised) units. */
    double[] fitTheme(List<Example> examples, int theme) {
        int[] columns = termColumns(theme);
        String id = scorer.themes().get(theme).id();
        double[][] x = new double[examples.size()][];
        double[] y = new double[examples.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = row(examples.get(i), theme, columns);
            y[i] = examples.get(i).themes().contains(id) ? 1 : 0;
        }
        return fitLogistic(x, y, ThemeEvidence.FEATURES.size(), LENGTH, columns);
    }

    /**
     * The logistic regression of {@code y} on {@code x}: its first {@code features} columns are evidence (weights not
     * below zero, but for {@code length}), the rest are the counts of the lexicon terms {@code columns}.
     */
    private double[] fitLogistic(double[][] x, double[] y, int features, int length, int[] columns) {
        int n = x.length;
        double positives = 0;
        for (double yi : y) {
            positives += yi;
        }
        double positiveWeight = Math.pow((n - positives) / Math.max(1, positives), BALANCE);
        int d = x[0].length;
        double[] mean = new double[d];
        double[] sd = new double[d];
        for (double[] xi : x) {
            for (int j = 0; j < d; j++) {
                mean[j] += xi[j] / n;
            }
        }
        for (double[] xi : x) {
            for (int j = 0; j < d; j++) {
                sd[j] += (xi[j] - mean[j]) * (xi[j] - mean[j]) / n;
            }
        }
        for (int j = 0; j < d; j++) {
            sd[j] = Math.sqrt(sd[j]);
        }
        double[] prior = new double[d];
        for (int c = 0; c < columns.length; c++) {
            prior[features + c] = PRIOR * lexiconWeight[columns[c]] * (sd[features + c] > 0 ? sd[features + c] : 1);
        }
        double[] w = prior.clone();
        double b = 0;
        double[] z = new double[d];
        for (int it = 0; it < ITERATIONS; it++) {
            double[] gradient = new double[d];
            double gradientB = 0;
            for (int i = 0; i < n; i++) {
                double s = b;
                for (int j = 0; j < d; j++) {
                    z[j] = sd[j] > 0 ? (x[i][j] - mean[j]) / sd[j] : 0;
                    s += w[j] * z[j];
                }
                double error = (1 / (1 + Math.exp(-s)) - y[i]) * (y[i] > 0 ? positiveWeight : 1);
                for (int j = 0; j < d; j++) {
                    gradient[j] += error * z[j];
                }
                gradientB += error;
            }
            for (int j = 0; j < d; j++) {
                double l2 = j < features ? L2_FEATURES : L2_TERMS;
                w[j] -= LEARNING_RATE * (gradient[j] + l2 * (w[j] - prior[j])) / n;
                if (j != length && w[j] < 0) {
                    w[j] = 0; // more evidence for a theme never counts against it
                }
            }
            b -= LEARNING_RATE * gradientB / n;
        }
        double[] raw = new double[d + 1];
        raw[0] = b;
        for (int j = 0; j < d; j++) {
            if (sd[j] > 0) {
                raw[1 + j] = w[j] / sd[j];
                raw[0] -= w[j] * mean[j] / sd[j];
            } else {
                raw[1 + j] = w[j]; // a term the labels never show keeps its share of the lexicon weight
            }
        }
        return raw;
    }

    double probability(double[] weights, Example example, int theme) {
        double[] x = row(example, theme, termColumns(theme));
        double s = weights[0];
        for (int j = 0; j < x.length; j++) {
            s += weights[1 + j] * x[j];
        }
        return 1 / (1 + Math.exp(-s));
    }

    /**
     * Each example's probability of each modelled theme by a model fitted on the other four fifths of the examples; NaN
     * for the themes not modelled.
     */
    double[][] outOfFold(List<Example> examples) {
        double[][] probabilities = new double[examples.size()][scorer.themes().size()];
        for (double[] row : probabilities) {
            Arrays.fill(row, Double.NaN);
        }
        for (int fold = 0; fold < FOLDS; fold++) {
            List<Example> train = new ArrayList<>();
            for (int i = 0; i < examples.size(); i++) {
                if (i % FOLDS != fold) {
                    train.add(examples.get(i));
                }
            }
            for (int t : modelledThemes(examples)) {
                double[] weights = fitTheme(train, t);
                for (int i = fold; i < examples.size(); i += FOLDS) {
                    probabilities[i][t] = probability(weights, examples.get(i), t);
                }
            }
        }
        return probabilities;
    }

    /**
     * The cut-off by pooled F1 over the modelled themes when each fifth of the examples is predicted by a model fitted
     * on the rest ({@code outOfFold}). F1 is flat over a wide range (within 0.005 from 0.35 to 0.6 on the shipped
     * labels), where the best single value is noise: take the middle of that plateau.
     */
    double bestCutoff(List<Example> examples, double[][] outOfFold) {
        double[] cutoffs = {0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6};
        int[][] counts = new int[cutoffs.length][3];
        for (int t : modelledThemes(examples)) {
            String id = scorer.themes().get(t).id();
            for (int i = 0; i < examples.size(); i++) {
                Example example = examples.get(i);
                double p = taggable(example, t) ? outOfFold[i][t] : 0;
                boolean gold = example.themes().contains(id);
                for (int c = 0; c < cutoffs.length; c++) {
                    boolean predicted = p >= cutoffs[c];
                    counts[c][0] += predicted && gold ? 1 : 0;
                    counts[c][1] += predicted && !gold ? 1 : 0;
                    counts[c][2] += !predicted && gold ? 1 : 0;
                }
            }
        }
        double[] f1 = new double[cutoffs.length];
        double bestF1 = 0;
        for (int c = 0; c < cutoffs.length; c++) {
            f1[c] = 2.0 * counts[c][0] / (2.0 * counts[c][0] + counts[c][1] + counts[c][2]);
            bestF1 = Math.max(bestF1, f1[c]);
        }
        List<Double> plateau = new ArrayList<>();
        for (int c = 0; c < cutoffs.length; c++) {
            if (f1[c] >= bestF1 - PLATEAU) {
                plateau.add(cutoffs[c]);
            }
        }
        return plateau.get((plateau.size() - 1) / 2);
    }

    /** The taxonomy's theme ids, in the order of the fit's theme indexes. */
    List<String> themeIds() {
        return themeIds;
    }

    /** Whether the scorer would tag the theme at all, whatever its probability. */
    boolean taggable(Example example, int theme) {
        return ThemeScorer.namedOftenEnough(matches(example, theme), example.words());
    }

    /** How often the theme's terms occur in the example. */
    int matches(Example example, int theme) {
        int matches = 0;
        for (int term : termColumns(theme)) {
            matches += example.evidence().termCounts()[term];
        }
        return matches;
    }

    private static double round(double value) {
        return Math.round(value * 1e5) / 1e5;
    }

    static Path modelFile() {
        return Path.of("src", "main", "resources", "dev", "newsflow", "enrich", "theme-model.json");
    }
}
