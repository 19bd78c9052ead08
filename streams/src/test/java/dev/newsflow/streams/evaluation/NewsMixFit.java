package dev.newsflow.streams.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsflow.avro.CleanArticle;
import dev.newsflow.streams.enrich.ThemeHitResult;
import dev.newsflow.streams.enrich.ThemeScorer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Chooses the "news" mix of theme-model.json: how a text that is not a government's own weighs the article model
 * against the paragraph model, the words model of paragraphs and that of whole articles, and the cut-off of that
 * weighted mean. By two folds of the labelled news
 * articles (labels-news.yaml; the first 30 articles of each region against the rest): the paragraph and words models
 * are fitted on one fold's paragraphs, the scorer itself tags the other fold's articles under each mix of {@link #GRID},
 * and the mix with the best pooled F1 wins (the first in the grid's order on a tie).
 */
final class NewsMixFit {

    /** One mix: the weights of the models' probabilities and the cut-off of their weighted mean. */
    record Mix(int article, int paragraphs, int words, int articleWords, double cutoff) {
    }

    static final List<Mix> GRID = grid();

    /** One labelled news article as the pipeline cleans it. */
    private record Article(String path, String text, int titleLength, int words, Set<String> themes) {

        boolean inFirstFold() {
            String name = path.substring(path.lastIndexOf('/') + 1);
            return Integer.parseInt(name.substring(0, 2)) <= 30;
        }
    }

    private static List<Mix> grid() {
        List<Mix> grid = new ArrayList<>();
        for (int articleWords : new int[] {0, 1, 2}) {
            for (int words : new int[] {1, 2, 3, 4}) {
                for (int paragraphs : new int[] {1, 0, 2}) {
                    for (int article : new int[] {1, 2}) {
                        for (double cutoff : new double[] {0.45, 0.4, 0.35, 0.3, 0.5}) {
                            grid.add(new Mix(article, paragraphs, words, articleWords, cutoff));
                        }
                    }
                }
            }
        }
        return List.copyOf(grid);
    }

    /**
     * The mix, as the JSON object of theme-model.json's "news". {@code model} holds the article model; {@code fitNews}
     * fits the paragraph and words models ("paragraphs", "words") on the labelled paragraphs of the articles it is given.
     */
    ObjectNode choose(ObjectNode model, Function<Set<String>, ObjectNode> fitNews) throws IOException {
        List<Article> articles = articles();
        int[][] counts = new int[GRID.size()][3];
        for (boolean firstFold : new boolean[] {true, false}) {
            Set<String> training = new HashSet<>();
            List<Article> test = new ArrayList<>();
            for (Article article : articles) {
                if (article.inFirstFold() == firstFold) {
                    test.add(article);
                } else {
                    training.add(article.path());
                }
            }
            ObjectNode foldModel = model.deepCopy();
            foldModel.setAll(fitNews.apply(training));
            for (int m = 0; m < GRID.size(); m++) {
                foldModel.set("news", json(GRID.get(m)));
                ThemeScorer scorer = ThemeScorer.withModel(foldModel);
                for (Article article : test) {
                    Set<String> found = new HashSet<>();
                    for (ThemeHitResult hit : scorer.score(article.text(), article.titleLength(), article.words())) {
                        found.add(hit.id());
                    }
                    counts[m][0] += (int) found.stream().filter(article.themes()::contains).count();
                    counts[m][1] += (int) found.stream().filter(t -> !article.themes().contains(t)).count();
                    counts[m][2] += (int) article.themes().stream().filter(t -> !found.contains(t)).count();
                }
            }
        }
        int best = best(counts);
        ObjectNode chosen = json(GRID.get(best));
        chosen.put("chosenBy", "two folds of " + LabelSet.NEWS.file + " (" + articles.size() + " articles): F1 "
                + Math.round(f1(counts[best]) * 1000) / 1000.0);
        return chosen;
    }

    /** The index of the counts (true and false positives, false negatives) with the best F1; the first on a tie. */
    static int best(int[][] counts) {
        int best = 0;
        for (int m = 1; m < counts.length; m++) {
            best = f1(counts[m]) > f1(counts[best]) ? m : best;
        }
        return best;
    }

    static double f1(int[] counts) {
        return 2.0 * counts[0] / (2.0 * counts[0] + counts[1] + counts[2]);
    }

    static ObjectNode json(Mix mix) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("article", mix.article());
        node.put("paragraphs", mix.paragraphs());
        node.put("words", mix.words());
        node.put("articleWords", mix.articleWords());
        node.put("cutoff", mix.cutoff());
        return node;
    }

    private static List<Article> articles() throws IOException {
        List<Article> articles = new ArrayList<>();
        for (JsonNode labelled : ThemeModelFit.labels(LabelSet.NEWS.file).path("articles")) {
            String path = labelled.path("path").asText();
            CleanArticle clean = LabelSet.NEWS.reader.clean(path);
            String head = clean.getTitle() == null || clean.getTitle().isBlank() ? "" : clean.getTitle() + "\n\n";
            Set<String> themes = new HashSet<>();
            labelled.path("themes").forEach(t -> themes.add(t.asText()));
            articles.add(new Article(path, head + clean.getText(), head.length(), clean.getWordCount(), themes));
        }
        return articles;
    }
}
