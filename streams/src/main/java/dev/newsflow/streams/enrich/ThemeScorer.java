package dev.newsflow.streams.enrich;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tags a text with the themes of the taxonomy ({@code dev/newsflow/enrich/themes.yaml}), each with a weighted lexicon.
 * Where the fitted {@link ThemeModel} knows a theme, its probability decides (from the theme's {@link ThemeEvidence}
 * and its terms); otherwise the theme's threshold on the summed weights does: a term counts at most
 * {@value #MAX_COUNT} times and the sum is scaled down for long texts, so that a passing word does not tag an article
 * but a paragraph does. Built once; thread-safe.
 */
public final class ThemeScorer {

    static final int MAX_COUNT = 3;
    /**
     * A text of {@value #BRIEF_WORDS} words or more is about a theme only when its terms occur at least
     * {@value #MIN_MATCHES} times: one sentence can make a brief about a theme, a story needs more than a passing word.
     */
    static final int BRIEF_WORDS = 250;
    static final int MIN_MATCHES = 3;
    /** Texts longer than this many words need proportionally more evidence (by the square root of the excess). */
    static final int REFERENCE_WORDS = 300;

    /** A theme of the taxonomy. */
    public record Theme(String id, String label, String definition, double threshold) {
    }

    private record Term(int theme, String text, double weight) {
    }

    private final List<Theme> themes;
    private final List<Term> terms;
    private final PhraseMatcher matcher;
    private final ThemeModel model;
    private final double[] termWeights;
    private final ParagraphModel paragraphModel;
    private final Vocabulary vocabulary;
    private final ParagraphWords paragraphWords;
    private final ParagraphWords articleWords;

    ThemeScorer(List<Theme> themes, List<Term> terms, ThemeModel model) {
        this.themes = List.copyOf(themes);
        this.terms = List.copyOf(terms);
        this.matcher = PhraseMatcher.of(terms.stream().map(Term::text).toList());
        this.model = model;
        this.termWeights = model.termWeights(terms.stream().map(t -> themes.get(t.theme()).id()).toList(), termList());
        this.paragraphModel = new ParagraphModel(model, themes.stream().map(Theme::id).toList(), termList(), themeOfTerms(),
                lexiconWeights());
        this.vocabulary = Vocabulary.of(List.of(model.words().vocabulary(), model.articleWords().vocabulary()));
        this.paragraphWords = new ParagraphWords(model.words(), themes.stream().map(Theme::id).toList(), vocabulary);
        this.articleWords = new ParagraphWords(model.articleWords(), themes.stream().map(Theme::id).toList(), vocabulary);
    }

    /** The taxonomy and the model shipped with newsflow. */
    public static ThemeScorer load() {
        return fromYaml(shippedTaxonomy(), ThemeModel.load());
    }

    /** The shipped taxonomy scored by {@code model}, a theme model in the form of theme-model.json: for fitting one. */
    public static ThemeScorer withModel(JsonNode model) {
        return fromYaml(shippedTaxonomy(), ThemeModel.fromJson(model));
    }

    /** The shipped taxonomy scored by its thresholds alone: what the model is fitted from. */
    public static ThemeScorer loadWithoutModel() {
        return fromYaml(shippedTaxonomy(), ThemeModel.NONE);
    }

    private static JsonNode shippedTaxonomy() {
        try (InputStream in = ThemeScorer.class.getResourceAsStream("/dev/newsflow/enrich/themes.yaml")) {
            if (in == null) {
                throw new IllegalStateException("dev/newsflow/enrich/themes.yaml is missing from the classpath");
            }
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the theme taxonomy: " + e.getMessage(), e);
        }
    }

    static ThemeScorer fromYaml(String yaml) {
        return fromYaml(yaml, ThemeModel.NONE);
    }

    static ThemeScorer fromYaml(String yaml, ThemeModel model) {
        try {
            return fromYaml(new ObjectMapper(new YAMLFactory()).readTree(yaml), model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ThemeScorer fromYaml(JsonNode root, ThemeModel model) {
        List<Theme> themes = new ArrayList<>();
        List<Term> terms = new ArrayList<>();
        for (JsonNode t : root.path("themes")) {
            themes.add(new Theme(t.path("id").asText(), t.path("label").asText(), t.path("definition").asText(),
                    t.path("threshold").asDouble()));
            for (JsonNode term : t.path("terms")) {
                terms.add(new Term(themes.size() - 1, term.path("term").asText(), term.path("weight").asDouble(1)));
            }
        }
        return new ThemeScorer(themes, terms, model);
    }

    /**
     * The matches that count: a term inside a longer matching term does not count again ("covid-19" is not also
     * "covid", "asylum seekers" is not also "asylum"); the same words listed by two themes count for both ("opec").
     */
    private static List<int[]> longest(List<int[]> hits) {
        hits.sort((a, b) -> a[1] != b[1] ? Integer.compare(a[1], b[1]) : Integer.compare(b[2], a[2]));
        List<int[]> kept = new ArrayList<>(hits.size());
        int coveredUntil = -1;
        for (int[] hit : hits) {
            int[] last = kept.isEmpty() ? null : kept.get(kept.size() - 1);
            if (hit[2] > coveredUntil || last[1] == hit[1] && last[2] == hit[2]) {
                kept.add(hit);
                coveredUntil = Math.max(coveredUntil, hit[2]);
            }
        }
        return kept;
    }

    /** Whether a theme whose terms occur {@code matches} times in a text of {@code words} words may be tagged. */
    public static boolean namedOftenEnough(int matches, int words) {
        return words < BRIEF_WORDS || matches >= MIN_MATCHES;
    }

    public List<Theme> themes() {
        return themes;
    }

    public int terms() {
        return terms.size();
    }

    /** The lexicon terms, in the order {@link #scoreMatches} expects their indexes. */
    public List<String> termList() {
        return terms.stream().map(Term::text).toList();
    }

    /** The lexicon's weight of each term. */
    public double[] lexiconWeights() {
        return terms.stream().mapToDouble(Term::weight).toArray();
    }

    /** The theme (index into {@link #themes()}) of each lexicon term. */
    public int[] themeOfTerms() {
        return terms.stream().mapToInt(Term::theme).toArray();
    }

    /** The capped, length-scaled sum of a theme's term weights, which its threshold is set against. */
    private static double weighed(Map<String, Double> contributions, double scale) {
        return contributions.values().stream().mapToDouble(Double::doubleValue).sum() / scale;
    }

    /** The themes {@code text} covers, strongest first. */
    public List<ThemeHitResult> score(String text, int words) {
        return score(text, 0, words);
    }

    /** The themes of a text that begins with a title of {@code titleLength} characters, strongest first. */
    public List<ThemeHitResult> score(String text, int titleLength, int words) {
        return score(text, titleLength, words, false);
    }

    /** The same for a text from a government's own site, or not. */
    List<ThemeHitResult> score(String text, int titleLength, int words, boolean governmentText) {
        List<int[]> hits = new ArrayList<>();
        FoldedText folded = FoldedText.of(text);
        matcher.find(folded, (term, start, end) -> hits.add(new int[] {term, start, end}));
        return scoreMatches(text, folded, titleLength, hits, words, governmentText);
    }

    /** The evidence the model weighs, for fitting it. */
    public ThemeEvidence evidence(String text, int titleLength, int words) {
        List<int[]> hits = new ArrayList<>();
        matcher.find(text, (term, start, end) -> hits.add(new int[] {term, start, end}));
        return evidence(text, titleLength, longest(hits), words, true);
    }

    /**
     * The same as {@link #score(String, int, int)}, from the matches of {@link #termList()} found by a shared matcher.
     * A government's own text is judged by the article model and the words model of whole articles, both fitted on such
     * texts; any other by a weighted mean of those and of the probabilities of its paragraph most about the theme by
     * the paragraph model and by the words model of paragraphs, both fitted on news ({@link ThemeModel.Mix}).
     */
    List<ThemeHitResult> scoreMatches(String text, FoldedText folded, int titleLength, List<int[]> matches, int words,
            boolean governmentText) {
        List<int[]> kept = longest(new ArrayList<>(matches));
        ThemeEvidence evidence = evidence(text, titleLength, kept, words, !governmentText);
        double[] termSums = new double[themes.size()];
        List<Map<String, Double>> contributions = new ArrayList<>();
        for (int i = 0; i < themes.size(); i++) {
            contributions.add(new LinkedHashMap<>());
        }
        int[] counts = evidence.termCounts();
        int[] termMatches = new int[themes.size()];
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                Term term = terms.get(i);
                termMatches[term.theme()] += counts[i];
                termSums[term.theme()] += termWeights[i] * Logs.log1p(counts[i]);
                contributions.get(term.theme()).merge(term.text(), term.weight() * Math.min(counts[i], MAX_COUNT), Double::sum);
            }
        }
        double scale = Math.sqrt(Math.max(1.0, (double) words / REFERENCE_WORDS));
        int[] indexes = vocabulary.indexes(folded);
        double[] byWords = governmentText ? null : paragraphWords.best(text, folded, indexes, titleLength);
        double[] byArticleWords = governmentText || model.news().articleWords() > 0
                ? articleWords.whole(folded, indexes, titleLength) : null;
        List<ThemeHitResult> hits = new ArrayList<>();
        for (int i = 0; i < themes.size(); i++) {
            Theme theme = themes.get(i);
            if (contributions.get(i).isEmpty()) {
                continue;
            }
            boolean often = namedOftenEnough(termMatches[i], words);
            boolean byParagraphs = !governmentText && paragraphModel.knows(i);
            if (!often && !byParagraphs) {
                continue;
            }
            double score;
            if (byParagraphs || model.knows(theme.id())) {
                double article = !often ? 0 : model.knows(theme.id())
                        ? model.probability(theme.id(), evidence.features()[i], termSums[i])
                        : weighed(contributions.get(i), scale) >= theme.threshold() ? 1 : 0;
                double p;
                double cutoff;
                if (byParagraphs) {
                    p = model.news().probability(article, paragraphModel.best(evidence.paragraphs(), i),
                            paragraphWords.knows(i) ? byWords[i] : Double.NaN,
                            byArticleWords != null && articleWords.knows(i) ? byArticleWords[i] : Double.NaN);
                    cutoff = model.news().cutoff();
                } else if (governmentText && articleWords.knows(i) && model.knows(theme.id())) {
                    p = model.government().probability(article, Double.NaN, Double.NaN, byArticleWords[i]);
                    cutoff = model.government().cutoff();
                } else {
                    p = article;
                    cutoff = model.cutoff();
                }
                score = p >= cutoff ? 0.5 + 0.5 * (p - cutoff) / (1 - cutoff) : -1;
            } else {
                double weighed = weighed(contributions.get(i), scale);
                score = weighed >= theme.threshold() ? weighed / (weighed + theme.threshold()) : -1;
            }
            if (score >= 0) {
                List<String> matched = contributions.get(i).entrySet().stream()
                        .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).map(Map.Entry::getKey).toList();
                hits.add(new ThemeHitResult(theme.id(), theme.label(), Math.round(score * 1000) / 1000.0, matched));
            }
        }
        hits.sort(Comparator.comparingDouble(ThemeHitResult::score).reversed());
        return hits;
    }

    /** The evidence of the text; of its paragraphs too when {@code paragraphs}, else none (a government's text). */
    private ThemeEvidence evidence(String text, int titleLength, List<int[]> kept, int words, boolean paragraphs) {
        int themeCount = themes.size();
        int[] counts = new int[terms.size()];
        double[] sums = new double[themeCount];
        double[] title = new double[themeCount];
        double[] lead = new double[themeCount];
        Sentences sentences = Sentences.of(text);
        int firstOfBody = titleLength < text.length() ? sentences.indexOf(titleLength) : sentences.count();
        double[][] bySentence = new double[Math.max(1, sentences.count())][];
        for (int[] hit : kept) {
            Term term = terms.get(hit[0]);
            if (++counts[hit[0]] <= MAX_COUNT) {
                sums[term.theme()] += term.weight();
            }
            if (hit[1] < titleLength) {
                title[term.theme()] += term.weight();
            }
            int sentence = sentences.indexOf(hit[1]);
            if (hit[1] >= titleLength && sentence < firstOfBody + ThemeEvidence.LEAD_SENTENCES) {
                lead[term.theme()] += term.weight();
            }
            if (bySentence[sentence] == null) {
                bySentence[sentence] = new double[themeCount];
            }
            bySentence[sentence][term.theme()] += term.weight();
        }
        double scale = Math.sqrt(Math.max(1.0, (double) words / REFERENCE_WORDS));
        double length = Math.log(Math.max(words, 20) / (double) REFERENCE_WORDS);
        double allThemes = 0;
        for (double sum : sums) {
            allThemes += sum;
        }
        double[][] features = new double[themeCount][];
        for (int t = 0; t < themeCount; t++) {
            int devoted = 0;
            int mentioning = 0;
            for (double[] weights : bySentence) {
                if (weights != null && weights[t] > 0) {
                    mentioning++;
                    double all = 0;
                    for (double w : weights) {
                        all += w;
                    }
                    devoted += weights[t] >= ThemeEvidence.DEVOTED_WEIGHT && weights[t] * 2 >= all ? 1 : 0;
                }
            }
            features[t] = new double[] {Logs.log1p(sums[t] / scale), Logs.log1p(devoted), Logs.log1p(title[t]), length,
                (double) mentioning / bySentence.length, Logs.log1p(lead[t]), allThemes > 0 ? sums[t] / allThemes : 0};
        }
        return new ThemeEvidence(features, counts, paragraphs ? paragraphModel.evidence(text, titleLength, kept) : List.of());
    }
}
