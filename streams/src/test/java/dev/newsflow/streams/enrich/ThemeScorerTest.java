package dev.newsflow.streams.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ThemeScorerTest {

    private static final ThemeScorer SCORER = ThemeScorer.fromYaml(TestEngines.THEMES);

    @Test
    void shouldNotTagAnArticleForAPassingWord() {
        assertThat(SCORER.score("The minister mentioned emissions once, then talked about schools.", 10)).isEmpty();
    }

    @Test
    void shouldTagAParagraphAboutTheThemeWithItsTermsStrongestFirst() {
        String paragraph = "Climate change is accelerating. Emissions rose again, and net zero targets slipped. "
                + "Cutting emissions is urgent, officials said.";
        assertThat(SCORER.score(paragraph, 20)).singleElement().satisfies(hit -> {
            assertThat(hit.id()).isEqualTo("climate");
            assertThat(hit.label()).isEqualTo("Climate change");
            // 3 (climate change) + 2x2 (emissions) + 3 (net zero) = 10; 10 / (10 + 6)
            assertThat(hit.score()).isEqualTo(0.625);
            assertThat(hit.terms()).containsExactly("emissions", "climate change", "net zero");
        });
    }

    @Test
    void shouldLetTheFittedModelDecideTheThemesItKnowsAndTheThresholdTheOthers() throws Exception {
        // climate: z = -3 + 1.0 * evidence + 2.0 * log(1 + count of "net zero"); trade stays on its threshold (5)
        ThemeModel model = ThemeModel.fromJson(new com.fasterxml.jackson.databind.ObjectMapper().readTree("""
                {"cutoff": 0.4, "themes": {"climate": {"bias": -3, "features": {"evidence": 1.0},
                  "terms": {"net zero": 2.0}}}}"""));
        ThemeScorer scorer = ThemeScorer.fromYaml(TestEngines.THEMES, model);

        // evidence = log(1 + 3) = 1.386; z = -3 + 1.386 + 2 log 2 = -0.227; p = 0.4435 >= 0.4
        assertThat(scorer.score("Net zero was the goal.", 5)).singleElement().satisfies(hit -> {
            assertThat(hit.id()).isEqualTo("climate");
            assertThat(hit.score()).as("0.5 at the cut-off, 1 at certainty").isEqualTo(0.536);
        });
        // evidence = log(1 + 2) = 1.099; z = -1.901; p = 0.13: the lexicon threshold (6) is not asked
        assertThat(scorer.score("Emissions fell.", 5)).isEmpty();
        // trade has no model: 3 x 2 (tariffs) = 6 >= 5, score 6 / (6 + 5)
        assertThat(scorer.score("Tariffs, tariffs and tariffs again.", 5)).singleElement()
                .satisfies(hit -> assertThat(hit.score()).isEqualTo(0.545));
    }

    @Test
    void shouldTagNewsByTheMeanOfTheArticleAndItsParagraphMostAboutTheTheme() throws Exception {
        ThemeModel model = ThemeModel.fromJson(new com.fasterxml.jackson.databind.ObjectMapper().readTree("""
                {"cutoff": 0.45,
                 "themes": {"climate": {"bias": -3, "features": {"evidence": 1.0}, "terms": {}}},
                 "paragraphs": {"climate": {"bias": -2, "features": {"evidence": 2.0}, "terms": {}}}}"""));
        ThemeScorer scorer = ThemeScorer.fromYaml(TestEngines.THEMES, model);
        String text = "Climate change is accelerating. Emissions rose.\n\nThe minister spoke about schools.";

        // article: z = -3 + log(1 + 5) = -1.208, p = 0.230; first paragraph: z = -2 + 2 log(1 + 5) = 1.584, p = 0.830
        // (the second, without terms: z = -2); mean 0.530 >= 0.45, score 0.5 + 0.5 (0.530 - 0.45) / 0.55
        assertThat(scorer.score(text, 0, 20)).singleElement().satisfies(hit -> {
            assertThat(hit.id()).isEqualTo("climate");
            assertThat(hit.score()).isEqualTo(0.573);
        });
        assertThat(scorer.score(text, 0, 20, true)).as("a government's text: the article model alone, 0.230").isEmpty();
    }

    @Test
    void shouldWeighTheWordsModelAsTheNewsMixSays() throws Exception {
        ThemeModel model = ThemeModel.fromJson(new com.fasterxml.jackson.databind.ObjectMapper().readTree("""
                {"cutoff": 0.45, "news": {"article": 1, "paragraphs": 1, "words": 2, "cutoff": 0.5},
                 "themes": {"climate": {"bias": -3, "features": {"evidence": 1.0}, "terms": {}}},
                 "paragraphs": {"climate": {"bias": -2, "features": {"evidence": 2.0}, "terms": {}}},
                 "words": {"vocabulary": ["emissions", "schools"], "idf": [1.0, 1.0],
                           "themes": {"climate": {"bias": -1, "weights": [3.0, -2.0]}}}}"""));
        ThemeScorer scorer = ThemeScorer.fromYaml(TestEngines.THEMES, model);
        String text = "Climate change is accelerating. Emissions rose.\n\nThe minister spoke about schools.";

        // article 0.230 and paragraph 0.830 as above; words: the first paragraph's only known word is "emissions"
        // (TF-IDF 1 after scaling), z = -1 + 3 = 2, p = 0.881; the second's "schools" gives z = -3.
        // (0.230 + 0.830 + 2 x 0.881) / 4 = 0.705 >= 0.5, score 0.5 + 0.5 (0.705 - 0.5) / 0.5
        assertThat(scorer.score(text, 0, 20)).singleElement().satisfies(hit -> {
            assertThat(hit.id()).isEqualTo("climate");
            assertThat(hit.score()).isEqualTo(0.705);
        });
        // no climate term in the text: climate is not scored at all, whatever the words model says
        assertThat(scorer.score("The minister spoke about schools.", 0, 20)).isEmpty();
    }

    @Test
    void shouldCountATermAtMostThreeTimesAndAskMoreOfLongTexts() {
        String repeated = "tariffs ".repeat(10);
        assertThat(SCORER.score(repeated, 10)).singleElement().satisfies(hit -> assertThat(hit.score()).isEqualTo(0.545));
        assertThat(SCORER.score(repeated, 2000)).isEmpty(); // 6 / sqrt(4) = 3 < 5
    }

    @Test
    void shouldAskAStoryButNotABriefToNameItsThemeThreeTimes() {
        String twice = "Climate change was on the agenda. The climate change talks ended early.";
        // 2 x 3 (climate change) = 6 reaches the threshold in both; a text of 250 words needs a third match
        assertThat(SCORER.score(twice, 249)).extracting(ThemeHitResult::id).containsExactly("climate");
        assertThat(SCORER.score(twice, 250)).isEmpty();
        assertThat(SCORER.score(twice + " Emissions rose.", 250)).extracting(ThemeHitResult::id).containsExactly("climate");
    }

    @Test
    void shouldJudgeAGovernmentsTextByTheArticleModelAndTheWordsOfTheWholeArticle() throws Exception {
        ThemeModel model = ThemeModel.fromJson(new com.fasterxml.jackson.databind.ObjectMapper().readTree("""
                {"cutoff": 0.45, "government": {"article": 1, "articleWords": 1, "cutoff": 0.5},
                 "themes": {"climate": {"bias": -3, "features": {"evidence": 1.0}, "terms": {}}},
                 "articleWords": {"vocabulary": ["emissions", "schools"], "idf": [1.0, 1.0],
                                  "themes": {"climate": {"bias": -1, "weights": [4.0, 0.0]}}}}"""));
        ThemeScorer scorer = ThemeScorer.fromYaml(TestEngines.THEMES, model);
        String text = "Climate change is accelerating. Emissions rose.\n\nThe minister spoke about schools.";

        // article 0.230 as above; the whole text's known words, "emissions" and "schools" once each, are 0.707 each
        // after scaling: z = -1 + 4 x 0.707 = 1.828, p = 0.862; (0.230 + 0.862) / 2 = 0.546 >= 0.5
        assertThat(scorer.score(text, 0, 20, true)).singleElement().satisfies(hit -> assertThat(hit.score()).isEqualTo(0.546));
        assertThat(scorer.score(text, 0, 20)).as("not a government's text: the article model alone, 0.230").isEmpty();
    }

    @Test
    void shouldCountWordsThatTwoThemesListForBoth() {
        ThemeScorer scorer = ThemeScorer.fromYaml("""
                themes:
                  - {id: energy, label: Energy, definition: "Oil and gas.", threshold: 4, terms: [{term: "opec", weight: 2}]}
                  - {id: multilateralism, label: Multilateralism, definition: "International organisations.", threshold: 4,
                     terms: [{term: "opec", weight: 2}, {term: "opec secretariat", weight: 3}]}
                """);
        // "OPEC" twice: 2 x 2 = 4 for each theme; the longer "OPEC secretariat" would hide the shorter "opec" only
        assertThat(scorer.score("OPEC met. OPEC agreed.", 5)).extracting(ThemeHitResult::id)
                .containsExactlyInAnyOrder("energy", "multilateralism");
        assertThat(scorer.score("The OPEC secretariat met.", 5)).extracting(ThemeHitResult::id).isEmpty();
    }
}
