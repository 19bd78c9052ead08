package dev.newsflow.streams.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.newsflow.streams.enrich.Enrichment;
import dev.newsflow.streams.enrich.LeaderHit;
import dev.newsflow.streams.enrich.ThemeHitResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Precision, recall and F1 of leaders and themes on the labelled set (src/test/resources/evaluation, labels only; the
 * articles are read from ../shared/corpus and the test skips without them). Writes target/evaluation-report.md.
 */
class EvaluationTest {

    /** Counts of one kind of label. */
    static final class Score {
        int truePositives;
        int falsePositives;
        int falseNegatives;

        void add(Set<String> predicted, Set<String> gold) {
            for (String p : predicted) {
                if (gold.contains(p)) {
                    truePositives++;
                } else {
                    falsePositives++;
                }
            }
            falseNegatives += (int) gold.stream().filter(g -> !predicted.contains(g)).count();
        }

        double precision() {
            return truePositives / (double) Math.max(1, truePositives + falsePositives);
        }

        double recall() {
            return truePositives / (double) Math.max(1, truePositives + falseNegatives);
        }

        double f1() {
            return 2 * precision() * recall() / Math.max(1e-9, precision() + recall());
        }

        String row(String what) {
            return String.format("| %s | %.3f | %.3f | %.3f | %d | %d | %d |", what, precision(), recall(), f1(),
                    truePositives, falsePositives, falseNegatives);
        }
    }

    /** The figures of one labelled set. */
    record Result(Score leaders, Score themes) {
    }

    @Test
    void shouldFindTheLabelledLeadersAndThemes() throws IOException {
        Result result = evaluate(LabelSet.HAND_PICKED, "evaluation-report.md");

        assertThat(result.leaders().f1()).as("leaders F1 (report in target/evaluation-report.md)").isGreaterThanOrEqualTo(0.95);
        assertThat(result.themes().f1()).as("themes F1 (report in target/evaluation-report.md)").isGreaterThanOrEqualTo(0.80);
    }

    /** The held-out set: drawn at random, labelled blind, never used to fit anything. */
    @Test
    void shouldFindTheLabelledLeadersAndThemesInUnseenArticles() throws IOException {
        Result result = evaluate(LabelSet.UNSEEN, "evaluation-unseen-report.md");

        assertThat(result.leaders().f1()).as("leaders F1 (report in target/evaluation-unseen-report.md)").isGreaterThanOrEqualTo(0.95);
        assertThat(result.themes().f1()).as("themes F1 (report in target/evaluation-unseen-report.md)").isGreaterThanOrEqualTo(0.75);
    }

    /** 1,135 briefings drawn at random: the theme model is fitted on them, the leader rules never were. */
    @Test
    void shouldFindTheLabelledLeadersInTheTrainingSet() throws IOException {
        Result result = evaluate(LabelSet.TRAIN, "evaluation-train-report.md");

        assertThat(result.leaders().f1()).as("leaders F1 (report in target/evaluation-train-report.md)").isGreaterThanOrEqualTo(0.95);
    }

    /** News from elsewhere: 14 English web pages, cleaned from their HTML as the pipeline does. */
    @Test
    void shouldFindTheLabelledThemesInNewsWebPages() throws IOException {
        Result result = evaluate(LabelSet.WEB, "evaluation-web-report.md");

        assertThat(result.leaders().falsePositives).as("no page names a leader").isZero();
        assertThat(result.themes().f1()).as("themes F1 (report in target/evaluation-web-report.md)").isGreaterThanOrEqualTo(0.25);
    }

    /**
     * News written for the project in the style of 30 wire services and papers: in the project, so never skipped. The
     * paragraph models of themes are fitted on its paragraphs, and two folds of it choose how news is weighed.
     */
    @Test
    void shouldFindTheLabelledLeadersAndThemesInNews() throws IOException {
        Result result = evaluate(LabelSet.NEWS, "evaluation-news-report.md");

        assertThat(result.leaders().f1()).as("leaders F1 (report in target/evaluation-news-report.md)").isGreaterThanOrEqualTo(0.98);
        assertThat(result.themes().f1()).as("themes F1 (report in target/evaluation-news-report.md)").isGreaterThanOrEqualTo(0.75);
    }

    /**
     * News written after the first set, by other writers, labelled by other labellers: nothing is fitted or chosen on
     * it. Its themes F1 is the target for news the project has never seen.
     */
    @Test
    void shouldFindTheLabelledLeadersAndThemesInHeldOutNews() throws IOException {
        Result result = evaluate(LabelSet.NEWS_HELD_OUT, "evaluation-news-held-out-report.md");

        assertThat(result.leaders().f1()).as("leaders F1 (report in target/evaluation-news-held-out-report.md)").isGreaterThanOrEqualTo(0.98);
        assertThat(result.themes().f1()).as("themes F1 (report in target/evaluation-news-held-out-report.md)").isGreaterThanOrEqualTo(0.80);
    }

    private static Result evaluate(LabelSet set, String reportFile) throws IOException {
        assumeTrue(set.available(), "../shared/corpus is not beside the project");
        String labelFile = set.file;
        JsonNode labels;
        try (InputStream in = EvaluationTest.class.getResourceAsStream("/evaluation/" + labelFile)) {
            labels = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
        Score leaders = new Score();
        Score themes = new Score();
        StringBuilder misses = new StringBuilder();
        int articles = 0;
        for (JsonNode article : labels.path("articles")) {
            Enrichment found = Corpus.enrich(set.reader.clean(article.path("path").asText()));
            Set<String> foundLeaders = found.leaders().stream().map(LeaderHit::name).collect(Collectors.toCollection(TreeSet::new));
            Set<String> goldLeaders = new TreeSet<>();
            article.path("leaders").forEach(l -> goldLeaders.add(Names.canonical(l.path("name").asText(), l.path("id").asText(),
                    found.leaders())));
            Set<String> goldThemes = new TreeSet<>();
            article.path("themes").forEach(t -> goldThemes.add(t.asText()));
            Set<String> foundThemes = found.themes().stream().map(ThemeHitResult::id).collect(Collectors.toCollection(TreeSet::new));
            leaders.add(foundLeaders, goldLeaders);
            themes.add(foundThemes, goldThemes);
            if (!foundLeaders.equals(goldLeaders) || !foundThemes.equals(goldThemes)) {
                misses.append("- ").append(article.path("path").asText()).append("\n  leaders found ").append(foundLeaders)
                        .append(", labelled ").append(goldLeaders).append("\n  themes found ").append(foundThemes)
                        .append(", labelled ").append(goldThemes).append('\n');
            }
            articles++;
        }
        String report = "# Evaluation on " + articles + " labelled articles (" + labelFile + ")\n\n"
                + "| labels | precision | recall | F1 | TP | FP | FN |\n|---|---|---|---|---|---|---|\n"
                + leaders.row("leaders") + "\n" + themes.row("themes") + "\n\n## Differences\n\n" + misses;
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", reportFile), report);
        System.out.println(labelFile + "\n" + leaders.row("leaders") + "\n" + themes.row("themes"));
        return new Result(leaders, themes);
    }

    /** Labels name people as the labeller wrote them; the gazetteer may spell them with or without diacritics. */
    static final class Names {
        private Names() {
        }

        /** The name the engine gives the labelled person: the same Wikidata id, or the same name written plainly. */
        static String canonical(String name, String id, List<LeaderHit> found) {
            return found.stream().filter(f -> !id.isEmpty() && f.id().equals(id) || plain(f.name()).equals(plain(name)))
                    .map(LeaderHit::name).findFirst().orElse(name);
        }

        private static String plain(String name) {
            return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                    .toLowerCase(java.util.Locale.ROOT).replace(".", "").replace("-", " ");
        }
    }
}
