package dev.newsflow.streams.evaluation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Chooses the "government" mix of theme-model.json: how a government's own text weighs the article model against the
 * words model of whole articles, and the cut-off of that weighted mean. By the article model's own five folds of the
 * fitting briefings: each fifth is judged by both models fitted on the rest, under each mix of {@link #GRID}, and the
 * mix with the best pooled F1 over the modelled themes wins (the first in the grid's order on a tie).
 */
final class GovernmentMixFit {

    static final List<NewsMixFit.Mix> GRID = grid();

    private final ThemeModelFit fit;

    GovernmentMixFit(ThemeModelFit fit) {
        this.fit = fit;
    }

    private static List<NewsMixFit.Mix> grid() {
        List<NewsMixFit.Mix> grid = new ArrayList<>();
        for (int articleWords : new int[] {1, 2}) {
            for (int article : new int[] {1, 2}) {
                for (double cutoff : new double[] {0.45, 0.4, 0.35, 0.3, 0.25, 0.5}) {
                    grid.add(new NewsMixFit.Mix(article, 0, 0, articleWords, cutoff));
                }
            }
        }
        return List.copyOf(grid);
    }

    /**
     * The mix as the JSON object of theme-model.json's "government". {@code articleOutOfFold} are the article model's
     * out-of-fold probabilities ({@link ThemeModelFit#outOfFold}); a theme the words model leaves out in a fold is
     * judged by the article model against {@code cutoff}, as the scorer does.
     */
    ObjectNode choose(List<ThemeModelFit.Example> examples, double[][] articleOutOfFold, double cutoff) {
        double[][] words = wordsOutOfFold(examples);
        List<String> themes = fit.themeIds();
        int[][] counts = new int[GRID.size()][3];
        for (int i = 0; i < examples.size(); i++) {
            ThemeModelFit.Example example = examples.get(i);
            for (int t = 0; t < themes.size(); t++) {
                if (Double.isNaN(articleOutOfFold[i][t])) {
                    continue; // not modelled: the threshold decides, the same under every mix
                }
                boolean gold = example.themes().contains(themes.get(t));
                boolean taggable = fit.taggable(example, t) && fit.matches(example, t) > 0;
                for (int m = 0; m < GRID.size(); m++) {
                    NewsMixFit.Mix mix = GRID.get(m);
                    boolean predicted = taggable && (Double.isNaN(words[i][t]) ? articleOutOfFold[i][t] >= cutoff
                            : (mix.article() * articleOutOfFold[i][t] + mix.articleWords() * words[i][t])
                                    / (mix.article() + mix.articleWords()) >= mix.cutoff());
                    counts[m][0] += predicted && gold ? 1 : 0;
                    counts[m][1] += predicted && !gold ? 1 : 0;
                    counts[m][2] += !predicted && gold ? 1 : 0;
                }
            }
        }
        int best = NewsMixFit.best(counts);
        ObjectNode chosen = NewsMixFit.json(GRID.get(best));
        chosen.put("chosenBy", "five folds of the " + examples.size() + " fitting articles: F1 "
                + Math.round(NewsMixFit.f1(counts[best]) * 1000) / 1000.0);
        return chosen;
    }

    /** Each example's probability of each theme by the words model fitted on the other four fifths. */
    private double[][] wordsOutOfFold(List<ThemeModelFit.Example> examples) {
        double[][] probabilities = new double[examples.size()][];
        for (int fold = 0; fold < ThemeModelFit.FOLDS; fold++) {
            List<ThemeModelFit.Example> train = new ArrayList<>();
            List<ThemeModelFit.Example> test = new ArrayList<>();
            for (int i = 0; i < examples.size(); i++) {
                (i % ThemeModelFit.FOLDS == fold ? test : train).add(examples.get(i));
            }
            double[][] p = new WordModelFit().probabilities(train.stream().map(ThemeModelFit.Example::tokens).toList(),
                    train.stream().map(ThemeModelFit.Example::themes).toList(), fit.themeIds(), ThemeModelFit.MIN_POSITIVES,
                    test.stream().map(ThemeModelFit.Example::tokens).toList());
            for (int k = 0; k < test.size(); k++) {
                probabilities[fold + k * ThemeModelFit.FOLDS] = p[k];
            }
        }
        return probabilities;
    }
}
