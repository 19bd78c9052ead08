package dev.newsflow.streams.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParagraphWordsTest {

    @Test
    void shouldReadEachParagraphAfterTheTitleAsItsFoldedWordsOfTwoCharsOrMore() {
        String text = "Title\n\nXi's U.S. trip: 5G talks in Sào Paulo.\n\nSecond paragraph";
        assertThat(ParagraphWords.words(text, "Title\n\n".length())).containsExactly(
                List.of("xi", "trip", "5g", "talks", "in", "sào", "paulo"), List.of("second", "paragraph"));
    }

    @Test
    void shouldScoreEachThemeByItsParagraphMostAboutIt() {
        ThemeModel.WordModel model = new ThemeModel.WordModel(List.of("tariffs", "troops"), new double[] {1.0, 2.0},
                java.util.Map.of("trade", new double[] {-2, 4, 0}));
        Vocabulary vocabulary = Vocabulary.of(List.of(List.of("ballots"), model.vocabulary()));
        ParagraphWords words = new ParagraphWords(model, List.of("conflict", "trade"), vocabulary);
        String text = "Tariffs and troops.\n\nTariffs, tariffs. Ballots.";
        FoldedText folded = FoldedText.of(text);
        double[] best = words.best(text, folded, vocabulary.indexes(folded), 0);

        // first paragraph: (1 x 1, 1 x 2) scaled to length 1 = (0.447, 0.894), z = -2 + 4 x 0.447 = -0.211;
        // second: "tariffs" twice, (1 + ln 2) x 1 scaled to 1 ("ballots" is another model's word), z = -2 + 4 = 2,
        // p = 0.881
        assertThat(words.knows(0)).isFalse();
        assertThat(best[1]).isCloseTo(0.8808, org.assertj.core.data.Offset.offset(1e-4));
        // the whole text: tariffs 3 times, troops once: (1 + ln 3, 2) scaled to 1 = (0.724, 0.690), z = -2 + 4 x 0.724
        assertThat(words.whole(folded, vocabulary.indexes(folded), 0)[1]).isCloseTo(0.7101, org.assertj.core.data.Offset.offset(1e-4));
    }
}
