package dev.newsflow.streams.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PhraseMatcherTest {

    private static List<String> matches(PhraseMatcher matcher, List<String> phrases, String text) {
        return matcher.findAll(text).stream().map(m -> phrases.get(m[0]) + "@" + m[1]).toList();
    }

    @Test
    void shouldFindOverlappingPhrasesIgnoringCase() {
        List<String> phrases = List.of("Xi Jinping", "Xi", "Chinese President", "president", "climate change", "change");
        PhraseMatcher matcher = PhraseMatcher.of(phrases);
        assertThat(matches(matcher, phrases, "Chinese President Xi Jinping spoke on CLIMATE CHANGE."))
                .containsExactly("Chinese President@0", "president@8", "Xi@18", "Xi Jinping@18", "climate change@38", "change@46");
    }

    @Test
    void shouldMatchOnlyWholeWords() {
        List<String> phrases = List.of("Xi", "Putin", "trade");
        PhraseMatcher matcher = PhraseMatcher.of(phrases);
        assertThat(matches(matcher, phrases, "Xinhua reported from Xi'an that Putin's traders and pro-Putin trade-offs met Xi."))
                .containsExactly("Putin@32", "Putin@56", "trade@62", "Xi@77");
    }

    @Test
    void shouldNeedNoWordBoundaryInChineseOrJapanese() {
        List<String> phrases = List.of("习近平", "岸田文雄");
        PhraseMatcher matcher = PhraseMatcher.of(phrases);
        assertThat(matches(matcher, phrases, "国家主席习近平会见了岸田文雄首相")).containsExactly("习近平@4", "岸田文雄@10");
    }

    @Test
    void shouldFindPhrasesThatShareSuffixesThroughFailureLinks() {
        List<String> phrases = List.of("he", "she", "his", "hers", "ushers");
        PhraseMatcher matcher = PhraseMatcher.of(phrases);
        assertThat(matcher.findAll("ushers she his hers")).extracting(m -> phrases.get(m[0]))
                .containsExactly("ushers", "she", "his", "hers");
    }

    @Test
    void shouldFollowAWordOnlyWherePhraseStartsSayAPhraseMayBegin() {
        // "the" and "to" begin phrases only with the word after them; "U.S." is three words to the matcher
        List<String> phrases = List.of("the Gambia's president", "To Lam", "U.S. President", "Barrow");
        PhraseMatcher matcher = PhraseMatcher.of(phrases);
        assertThat(matches(matcher, phrases,
                "To the Gambian press, the Gambia's President Barrow said the U.S. president went to Lam Dong with To Lam."))
                .containsExactly("the Gambia's president@22", "Barrow@45", "U.S. President@61", "To Lam@81", "To Lam@98");
        assertThat(matches(matcher, phrases, "Stolam and thegambia's president: no whole words here")).isEmpty();
    }

    @Test
    void shouldMatchAPhraseOfOneWordAtTheEndOfTheText() {
        List<String> phrases = List.of("Barrow", "the president");
        PhraseMatcher matcher = PhraseMatcher.of(phrases);
        assertThat(matches(matcher, phrases, "Speaking was the president")).containsExactly("the president@13");
        assertThat(matches(matcher, phrases, "He met Barrow")).containsExactly("Barrow@7");
        assertThat(matches(matcher, phrases, "He met the")).isEmpty();
    }
}
