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
 * Tags a text with the themes of the taxonomy ({@code dev/newsflow/enrich/themes.yaml}): each theme has a weighted
 * lexicon and a threshold. A term counts at most {@value #MAX_COUNT} times; the sum is scaled down for long texts, so
 * that a passing word does not tag an article but a paragraph does. Built once; thread-safe.
 */
public final class ThemeScorer {

    static final int MAX_COUNT = 3;
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

    ThemeScorer(List<Theme> themes, List<Term> terms) {
        this.themes = List.copyOf(themes);
        this.terms = List.copyOf(terms);
        this.matcher = PhraseMatcher.of(terms.stream().map(Term::text).toList());
    }

    /** The taxonomy shipped with newsflow. */
    public static ThemeScorer load() {
        try (InputStream in = ThemeScorer.class.getResourceAsStream("/dev/newsflow/enrich/themes.yaml")) {
            if (in == null) {
                throw new IllegalStateException("dev/newsflow/enrich/themes.yaml is missing from the classpath");
            }
            return fromYaml(new ObjectMapper(new YAMLFactory()).readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the theme taxonomy: " + e.getMessage(), e);
        }
    }

    static ThemeScorer fromYaml(String yaml) {
        try {
            return fromYaml(new ObjectMapper(new YAMLFactory()).readTree(yaml));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ThemeScorer fromYaml(JsonNode root) {
        List<Theme> themes = new ArrayList<>();
        List<Term> terms = new ArrayList<>();
        for (JsonNode t : root.path("themes")) {
            themes.add(new Theme(t.path("id").asText(), t.path("label").asText(), t.path("definition").asText(),
                    t.path("threshold").asDouble()));
            for (JsonNode term : t.path("terms")) {
                terms.add(new Term(themes.size() - 1, term.path("term").asText(), term.path("weight").asDouble(1)));
            }
        }
        return new ThemeScorer(themes, terms);
    }

    /**
     * How often each term occurs, where a term inside a longer matching term does not count again: "covid-19" is not
     * also "covid", "asylum seekers" is not also "asylum".
     */
    private int[] countLongestMatches(char[] folded) {
        List<int[]> hits = new ArrayList<>();
        matcher.find(folded, (term, start, end) -> hits.add(new int[] {term, start, end}));
        return countLongest(hits);
    }

    private int[] countLongest(List<int[]> hits) {
        int[] counts = new int[terms.size()];
        hits.sort((a, b) -> a[1] != b[1] ? Integer.compare(a[1], b[1]) : Integer.compare(b[2], a[2]));
        int coveredUntil = -1;
        for (int[] hit : hits) {
            if (hit[2] <= coveredUntil) {
                continue;
            }
            counts[hit[0]]++;
            coveredUntil = Math.max(coveredUntil, hit[2]);
        }
        return counts;
    }

    /** Each theme's evidence before scaling and thresholds, for tuning. */
    public Map<String, Double> evidence(String text) {
        int[] counts = countLongestMatches(PhraseMatcher.fold(text));
        Map<String, Double> sums = new LinkedHashMap<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                Term term = terms.get(i);
                sums.merge(themes.get(term.theme()).id(), term.weight() * Math.min(counts[i], MAX_COUNT), Double::sum);
            }
        }
        return sums;
    }

    public List<Theme> themes() {
        return themes;
    }

    public int terms() {
        return terms.size();
    }

    /** The themes {@code text} covers, strongest first. */
    public List<ThemeHitResult> score(String text, int words) {
        return score(PhraseMatcher.fold(text), words);
    }

    /** The lexicon terms, in the order {@link #scoreMatches} expects their indexes. */
    List<String> termList() {
        return terms.stream().map(Term::text).toList();
    }

    /** The same as {@link #score(String, int)}, from the matches of {@link #termList()} found by a shared matcher. */
    List<ThemeHitResult> scoreMatches(List<int[]> matches, int words) {
        return score(countLongest(new ArrayList<>(matches)), words);
    }

    private List<ThemeHitResult> score(char[] folded, int words) {
        return score(countLongestMatches(folded), words);
    }

    private List<ThemeHitResult> score(int[] counts, int words) {
        double[] sums = new double[themes.size()];
        List<Map<String, Double>> contributions = new ArrayList<>();
        for (int i = 0; i < themes.size(); i++) {
            contributions.add(new LinkedHashMap<>());
        }
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                Term term = terms.get(i);
                double contribution = term.weight() * Math.min(counts[i], MAX_COUNT);
                sums[term.theme()] += contribution;
                contributions.get(term.theme()).merge(term.text(), contribution, Double::sum);
            }
        }
        double scale = Math.sqrt(Math.max(1.0, (double) words / REFERENCE_WORDS));
        List<ThemeHitResult> hits = new ArrayList<>();
        for (int i = 0; i < themes.size(); i++) {
            double evidence = sums[i] / scale;
            Theme theme = themes.get(i);
            if (evidence >= theme.threshold()) {
                List<String> matched = contributions.get(i).entrySet().stream()
                        .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).map(Map.Entry::getKey).toList();
                double score = Math.round(evidence / (evidence + theme.threshold()) * 1000) / 1000.0;
                hits.add(new ThemeHitResult(theme.id(), theme.label(), score, matched));
            }
        }
        hits.sort(Comparator.comparingDouble(ThemeHitResult::score).reversed());
        return hits;
    }
}
