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
    void shouldCountATermAtMostThreeTimesAndAskMoreOfLongTexts() {
        String repeated = "tariffs ".repeat(10);
        assertThat(SCORER.score(repeated, 10)).singleElement().satisfies(hit -> assertThat(hit.score()).isEqualTo(0.545));
        assertThat(SCORER.score(repeated, 2000)).isEmpty(); // 6 / sqrt(4) = 3 < 5
    }
}
